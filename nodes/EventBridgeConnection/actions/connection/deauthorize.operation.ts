import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { stateSummary } from '../../common/output';
import type { EventBridgeService } from '../../transport';
import { connectionField, locatedName, optionsField, settle } from './shared';

export const description = [connectionField, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

/** Removes the authorization: EventBridge stops calling the API destinations that use it until reauthorized. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const name = locatedName(this, itemIndex);
	const bag = readParameters(this, itemIndex, [optionsField]);
	const eventBridge = await service();
	const reported = await eventBridge.client.send(new eventBridge.sdk.DeauthorizeConnectionCommand({ Name: name }));
	return stateSummary(name, await settle(this, itemIndex, bag, name, eventBridge, reported), { action: 'deauthorized', changed: true });
}
