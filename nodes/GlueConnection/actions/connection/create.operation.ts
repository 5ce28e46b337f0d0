import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ServiceProvider } from '../../../shared/router';
import type { GlueService } from '../../transport';
import { readNamedDefinition } from './shared';

export const description = [];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const { name, input, tags, catalogId } = await readNamedDefinition(this, itemIndex);
	const { client, sdk } = await service();
	const response = await client.send(
		new sdk.CreateConnectionCommand({ CatalogId: catalogId, ConnectionInput: input, Tags: tags }),
	);
	return {
		name,
		connectionType: input.ConnectionType,
		status: response?.CreateConnectionStatus ?? 'READY',
		action: 'created',
		changed: true,
	};
}
