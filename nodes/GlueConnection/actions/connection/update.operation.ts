import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { namedField, type OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { compact, str } from '../../../shared/validation';
import { resolveSecrets } from '../../../shared/secrets';
import { NO_SECRETS_NOTE, toolDescriptionField } from '../../../shared/toolMode';
import { buildConnectionInput, definitionFields, savedConnectionFields } from '../../common/definition';
import { updateConnection } from '../../common/writes';
import type { GlueService } from '../../transport';
import { catalogId, checkDescribedType, connectionField, connectionName, optionsField } from './shared';

const newNameField = namedField({
	displayName: 'New Name',
	name: 'newName',
	type: 'string',
	default: '',
	placeholder: 'e.g. sales-postgres-v2',
	description: 'Renames the connection. Leave empty to keep its name.',
});

const replaceNotice: INodeProperties = {
	displayName:
		'AWS replaces the whole connection on update: fields left empty here (including passwords) are removed. Use Create or Update to change only what differs.',
	name: 'updateNotice',
	type: 'notice',
	default: '',
};

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	`Replace the whole definition of an existing AWS Glue connection. Needs its exact name and the complete new settings this tool asks for. ${NO_SECRETS_NOTE} Returns { name, connectionType, action: "updated" }.`;

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionField, replaceNotice, newNameField, ...definitionFields, ...savedConnectionFields, optionsField] as const;
/** A rename holds its new name too. */
export const keys: OperationKeys<typeof description> = ['connection', 'newName'];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, description);
	const name = connectionName(bag.connection);
	const newName = str(bag.newName);
	const input = await resolveSecrets(this, itemIndex, bag, (resolved) => buildConnectionInput(resolved, newName || name));
	await checkDescribedType(await service(), input);
	await updateConnection(await service(), name, input, catalogId(bag));
	return compact({
		name: input.Name,
		previousName: newName && newName !== name ? name : undefined,
		connectionType: input.ConnectionType,
		action: 'updated',
		changed: true,
	});
}
