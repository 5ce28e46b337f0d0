import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { toolDescriptionField } from '../../../shared/toolMode';
import type { GlueService } from '../../transport';
import { catalogId, connectionField, connectionName, optionsField, testConnectionRequest } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Ask AWS Glue to connect with a saved connection, by its exact name. Returns { name, success: true }, or an error with AWS\'s reason.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionField, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

/** Asks AWS Glue to connect with a saved connection. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, description);
	const name = connectionName(bag.connection);
	const { client, sdk } = await service();
	await client.send(new sdk.TestConnectionCommand({ CatalogId: catalogId(bag), ConnectionName: name }), testConnectionRequest(this));
	return { name, success: true };
}
