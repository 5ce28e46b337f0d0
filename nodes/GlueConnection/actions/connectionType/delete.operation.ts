import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import type { GlueService } from '../../transport';
import { connectionTypeLocator, locatedType } from './shared';

export const description = [connectionTypeLocator('The custom connection type to delete (built-in types cannot be deleted)')] as const;
export const keys: OperationKeys<typeof description> = ['connectionTypeName'];

/** DeleteConnectionType: removes a custom (REST-) connection type. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const type = locatedType(this, itemIndex, description);
	const { client, sdk } = await service();
	await client.send(new sdk.DeleteConnectionTypeCommand({ ConnectionType: type }));
	return { connectionType: type, deleted: true };
}
