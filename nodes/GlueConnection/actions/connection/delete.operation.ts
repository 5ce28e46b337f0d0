import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import type { GlueService } from '../../transport';
import { catalogId, connectionField, connectionName, optionsField } from './shared';

export const description = [];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, [connectionField, optionsField]);
	const name = connectionName(bag.connection);
	const { client, sdk } = await service();
	await client.send(new sdk.DeleteConnectionCommand({ ConnectionName: name, CatalogId: catalogId(bag) }));
	return { name, deleted: true };
}
