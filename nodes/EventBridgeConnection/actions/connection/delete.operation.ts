import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import { allowInToolModeField, toolDescriptionField } from '../../../shared/toolMode';
import { deleteConnection } from '../../common/writes';
import type { EventBridgeService } from '../../transport';
import { connectionField, locatedName, optionsField } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Delete an Amazon EventBridge connection by its exact name. Works only if the workflow author allowed deletes for AI tools; otherwise the call is refused and nothing is deleted. Returns { name, deleted: true }.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionField, optionsField, allowInToolModeField('Delete')] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

/** Deletes the connection (AWS deletes the secret it kept for it too). */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const name = locatedName(this, itemIndex);
	await deleteConnection(await service(), name);
	return { name, deleted: true };
}
