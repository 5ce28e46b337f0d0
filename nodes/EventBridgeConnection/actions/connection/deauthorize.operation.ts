import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { stateSummary } from '../../common/output';
import type { EventBridgeService } from '../../transport';
import { locatedName, optionsField, settle } from './shared';

export const description: INodeProperties[] = [];

/** Removes the authorization: EventBridge stops calling the API destinations that use it until reauthorized. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const name = locatedName(this, itemIndex);
	const bag = readParameters(this, itemIndex, [optionsField]);
	const eventBridge = await service();
	const reported = await eventBridge.client.send(new eventBridge.sdk.DeauthorizeConnectionCommand({ Name: name }));
	return stateSummary(name, await settle(this, itemIndex, bag, name, eventBridge, reported), { action: 'deauthorized', changed: true });
}
