import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parameterValue } from '../../shared/parameters';
import { namesOf, routeOperation, secretFieldsOf } from '../../shared/router';
import { glueService } from '../transport';
import { description, operations } from './connection';
import { connectionField, nameField } from './connection/shared';
import { newNameField } from './connection/update.operation';

const secretFields = secretFieldsOf(description);

/**
 * Items on one connection of one Data Catalog never run at once (a rename also holds its new name).
 * Names are compared ignoring case: holding back one item too many is harmless, one too few is not.
 */
function connectionKeys(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const catalog = String(parameterValue(ctx, itemIndex, 'options.catalogId', '') ?? '').trim();
	return namesOf(ctx, itemIndex, [nameField, connectionField, newNameField]).map((name) => `${catalog}/${name.toLowerCase()}`);
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, async () => await glueService(this), secretFields, connectionKeys);
}
