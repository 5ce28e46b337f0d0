import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { allowInToolModeField, toolDescriptionField } from '../../../shared/toolMode';
import { stateSummary } from '../../common/output';
import { deauthorizeConnection } from '../../common/writes';
import type { EventBridgeService } from '../../transport';
import { connectionField, locatedName, optionsField, settle } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Deauthorize an Amazon EventBridge connection by its exact name (EventBridge stops calling its API destinations). Works only if the workflow author allowed it for AI tools. Returns { name, state }.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionField, optionsField, allowInToolModeField('Deauthorize')] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

/** Removes the authorization: EventBridge stops calling the API destinations that use it until reauthorized. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const name = locatedName(this, itemIndex);
	const bag = readParameters(this, itemIndex, [optionsField]);
	const eventBridge = await service();
	const reported = await deauthorizeConnection(eventBridge, name);
	return stateSummary(name, await settle(this, itemIndex, bag, name, eventBridge, reported), { action: 'deauthorized', changed: true });
}
