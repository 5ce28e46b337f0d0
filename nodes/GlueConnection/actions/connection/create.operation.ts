import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { buildConnectionInput, buildTags, definitionFields } from '../../common/definition';
import type { GlueService } from '../../transport';
import { catalogId, connectionName, nameField, optionsField } from './shared';

export const description = [];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, [nameField, ...definitionFields, optionsField]);
	const name = connectionName(bag.name, 'Name');
	const input = buildConnectionInput(bag, name);
	const tags = buildTags(bag);
	const { client, sdk } = await service();
	const response = await client.send(
		new sdk.CreateConnectionCommand({ CatalogId: catalogId(bag), ConnectionInput: input, Tags: tags }),
	);
	return {
		name,
		connectionType: input.ConnectionType,
		status: response.CreateConnectionStatus ?? 'READY',
		action: 'created',
		changed: true,
	};
}
