import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import type { GlueService } from '../../transport';
import { connectionTypeLocator, connectionTypeName } from './shared';

const typeField = connectionTypeLocator('The custom connection type to delete (built-in types cannot be deleted)');

export const description = [typeField] as const;
export const keys: OperationKeys<typeof description> = ['connectionTypeName'];

/** DeleteConnectionType: removes a custom (REST-) connection type. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, description);
	const type = connectionTypeName(bag.connectionTypeName);
	const { client, sdk } = await service();
	await client.send(new sdk.DeleteConnectionTypeCommand({ ConnectionType: type }));
	return { connectionType: type, deleted: true };
}
