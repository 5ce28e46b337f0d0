import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import { deleteConnection } from '../../common/writes';
import type { EventBridgeService } from '../../transport';
import { connectionField, locatedName, optionsField } from './shared';

export const description = [connectionField, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

/** Deletes the connection (AWS deletes the secret it kept for it too). */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const name = locatedName(this, itemIndex);
	await deleteConnection(await service(), name);
	return { name, deleted: true };
}
