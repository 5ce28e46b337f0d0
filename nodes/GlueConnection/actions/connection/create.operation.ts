import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ServiceProvider } from '../../../shared/router';
import { createConnection } from '../../common/writes';
import type { GlueService } from '../../transport';
import { checkDescribedType, readNamedDefinition } from './shared';

export const description = [];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const { name, input, tags, catalogId } = await readNamedDefinition(this, itemIndex);
	await checkDescribedType(await service(), input);
	const response = await createConnection(await service(), { input, tags, catalogId });
	return {
		name,
		connectionType: input.ConnectionType,
		status: response?.CreateConnectionStatus ?? 'READY',
		action: 'created',
		changed: true,
	};
}
