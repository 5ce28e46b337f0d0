import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ServiceProvider } from '../../../shared/router';
import type { OperationKeys } from '../../../shared/form';
import { NO_SECRETS_NOTE, toolDescriptionField } from '../../../shared/toolMode';
import { definitionFields, savedConnectionFields } from '../../common/definition';
import { createConnection } from '../../common/writes';
import type { GlueService } from '../../transport';
import { checkDescribedType, definitionFrom, nameField, optionsField, readNamedDefinition } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	`Create a new AWS Glue Data Catalog connection. Needs a name not yet used in the catalog (1-255 characters, one line) and the connection's settings this tool asks for. ${NO_SECRETS_NOTE} Returns { name, connectionType, status, action: "created" }. Fails with AlreadyExistsException if the name is taken: get it first, or pick another name.`;

export const description = [toolDescriptionField(TOOL_DESCRIPTION), ...definitionFrom, nameField, ...definitionFields, ...savedConnectionFields, optionsField] as const;
// A JSON Definition's Name is a key too: two items on one connection never run at once either way.
export const keys: OperationKeys<typeof description> = ['name', 'definitionJson'];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const { name, input, tags, catalogId } = await readNamedDefinition(this, itemIndex, description);
	const glue = await service();
	await checkDescribedType(glue, input);
	const response = await createConnection(glue, { input, tags, catalogId });
	return {
		name,
		connectionType: input.ConnectionType,
		status: response?.CreateConnectionStatus ?? 'READY',
		action: 'created',
		changed: true,
	};
}
