import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parameterValue } from '../../shared/parameters';
import { type KeyScope, routeOperation } from '../../shared/router';
import { glueConnectionView } from '../common/output';
import { glueService } from '../transport';
import * as connection from './connection';
import * as connectionType from './connectionType';

export const description = [...connection.description, ...connectionType.description];

/**
 * Items on one connection of one Data Catalog never run at once (each operation declares the
 * fields that name its connections). Names are compared ignoring case: holding back one item too
 * many is harmless, one too few is not.
 */
const inCatalog: KeyScope = (ctx, itemIndex, names) => {
	const catalog = String(parameterValue(ctx, itemIndex, 'options.catalogId', '') ?? '').trim();
	return names.map((name) => `${catalog}/${name.toLowerCase()}`);
};

/** Items on one connection type never run at once either. */
const connectionTypeScope: KeyScope = (_, __, names) => names.map((name) => `type/${name.toLowerCase()}`);

/** The node's resources: each has its own operations (their names may repeat across resources). */
const resources = {
	connection: { operations: connection.operations, scope: inCatalog, view: glueConnectionView },
	connectionType: { operations: connectionType.operations, scope: connectionTypeScope, view: undefined },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = resources[this.getNodeParameter('resource', 0, 'connection') as keyof typeof resources] ?? resources.connection;
	return await routeOperation(this, resource.operations, async () => await glueService(this), resource.scope, resource.view);
}
