import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import { allowInToolModeField, toolDescriptionField } from '../../../shared/toolMode';
import { deleteConnectionType } from '../../common/writes';
import type { GlueService } from '../../transport';
import { connectionTypeLocator, locatedType, optionsField } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Delete a custom (registered) AWS Glue connection type by its name. Works only if the workflow author allowed it for AI tools. Returns { connectionType, deleted: true }.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionTypeLocator('The custom connection type to delete (built-in types cannot be deleted)'), allowInToolModeField('Delete'), optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connectionTypeName'];

/** DeleteConnectionType: removes a custom (REST-) connection type. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const type = locatedType(this, itemIndex, description);
	await deleteConnectionType(await service(), type);
	return { connectionType: type, deleted: true };
}
