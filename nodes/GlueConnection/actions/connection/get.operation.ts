import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { connectionOutput } from '../../common/output';
import { isToolMode, toolDescriptionField } from '../../../shared/toolMode';
import { secretContext } from '../../common/writes';
import type { GlueService } from '../../transport';
import { catalogId, connectionField, connectionName, hidePasswordField, optionsField } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Read one AWS Glue connection by its exact name. Returns { name, type, state, description, properties }; passwords and other secrets are never returned. Fails with EntityNotFoundException when no connection has that name.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionField, hidePasswordField, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, description);
	const name = connectionName(bag.connection);
	// A model never sees a secret: in tool mode passwords are always hidden.
	const hidePassword = bag.hidePassword !== false || isToolMode(this);
	const glue = await service();
	const { client, sdk } = glue;
	const { Connection } = await client.send(
		new sdk.GetConnectionCommand({ Name: name, CatalogId: catalogId(bag), HidePassword: hidePassword }),
	);
	const connection = Connection ?? { Name: name };
	const context = hidePassword ? await secretContext(glue, connection.ConnectionType) : {};
	return connectionOutput(connection, hidePassword, context);
}
