import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { allowInToolModeField, toolDescriptionField } from '../../../shared/toolMode';
import { deleteConnection } from '../../common/writes';
import type { GlueService } from '../../transport';
import { catalogId, connectionField, connectionName, optionsField } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Delete an AWS Glue connection by its exact name. Works only if the workflow author allowed deletes for AI tools; otherwise the call is refused and nothing is deleted. Returns { name, deleted: true }.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionField, optionsField, allowInToolModeField('Delete')] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, description);
	const name = connectionName(bag.connection);
	await deleteConnection(await service(), name, catalogId(bag));
	return { name, deleted: true };
}
