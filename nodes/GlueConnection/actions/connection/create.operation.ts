import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ServiceProvider } from '../../../shared/router';
import type { OperationKeys } from '../../../shared/form';
import { definitionFields, savedConnectionFields } from '../../common/definition';
import { createConnection } from '../../common/writes';
import type { GlueService } from '../../transport';
import { checkDescribedType, nameField, optionsField, readNamedDefinition } from './shared';

export const description = [nameField, ...definitionFields, ...savedConnectionFields, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['name'];

export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const { name, input, tags, catalogId } = await readNamedDefinition(this, itemIndex, description);
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
