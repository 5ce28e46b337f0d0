import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parameterValue } from '../../shared/parameters';
import { namesOf, routeOperation } from '../../shared/router';
import { glueService } from '../transport';
import * as connection from './connection';
import { connectionField, nameField } from './connection/shared';
import { newNameField } from './connection/update.operation';
import * as connectionType from './connectionType';

export const description = [...connection.description, ...connectionType.description];

/**
 * Items on one connection of one Data Catalog never run at once (a rename also holds its new name).
 * Names are compared ignoring case: holding back one item too many is harmless, one too few is not.
 */
function connectionKeys(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const catalog = String(parameterValue(ctx, itemIndex, 'options.catalogId', '') ?? '').trim();
	return namesOf(ctx, itemIndex, [nameField, connectionField, newNameField]).map((name) => `${catalog}/${name.toLowerCase()}`);
}

const connectionTypeNameFields = connectionType.description.filter((field) => ['newConnectionType', 'connectionTypeName'].includes(field.name));

/** Items on one connection type never run at once either. */
function connectionTypeKeys(ctx: IExecuteFunctions, itemIndex: number): string[] {
	return namesOf(ctx, itemIndex, connectionTypeNameFields).map((name) => `type/${name.toLowerCase()}`);
}

/** The node's resources: each has its own operations (their names may repeat across resources). */
const resources = {
	connection: { operations: connection.operations, itemKeys: connectionKeys },
	connectionType: { operations: connectionType.operations, itemKeys: connectionTypeKeys },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = resources[this.getNodeParameter('resource', 0, 'connection') as keyof typeof resources] ?? resources.connection;
	return await routeOperation(this, resource.operations, async () => await glueService(this), resource.itemKeys);
}
