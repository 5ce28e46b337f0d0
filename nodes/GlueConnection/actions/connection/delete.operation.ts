import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { deleteConnection } from '../../common/writes';
import type { GlueService } from '../../transport';
import { catalogId, connectionField, connectionName, optionsField } from './shared';

export const description = [connectionField, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, description);
	const name = connectionName(bag.connection);
	await deleteConnection(await service(), name, catalogId(bag));
	return { name, deleted: true };
}
