import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { buildTestConnectionInput, definitionFields } from '../../common/definition';
import type { GlueService } from '../../transport';
import { catalogId, connectionField, connectionName, optionsField } from './shared';

const testByField: INodeProperties = {
	displayName: 'Test',
	name: 'testBy',
	type: 'options',
	default: 'name',
	options: [
		{ name: 'Existing Connection', value: 'name', description: 'Test a saved connection by its name' },
		{ name: 'Inline Definition', value: 'definition', description: 'Test a definition before saving it' },
	],
	displayOptions: { show: { operation: ['testConnection'] } },
};

export const description = [testByField];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, [testByField, connectionField, ...definitionFields, optionsField]);
	if (bag.testBy === 'definition') {
		const input = buildTestConnectionInput(bag);
		const { client, sdk } = await service();
		await client.send(new sdk.TestConnectionCommand({ CatalogId: catalogId(bag), TestConnectionInput: input }));
		return { connectionType: input.ConnectionType, success: true };
	}
	const name = connectionName(bag.connection);
	const { client, sdk } = await service();
	await client.send(new sdk.TestConnectionCommand({ CatalogId: catalogId(bag), ConnectionName: name }));
	return { name, success: true };
}
