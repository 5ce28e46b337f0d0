import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { namesOf, routeOperation } from '../../shared/router';
import { eventBridgeService } from '../transport';
import { nameField } from '../common/definition';
import { operations } from './connection';
import { connectionField } from './connection/shared';

/** Items on one connection never run at once (e.g. a create followed by an update of it). */
const connectionKeys = (ctx: IExecuteFunctions, itemIndex: number) => namesOf(ctx, itemIndex, [nameField, connectionField]);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, async () => await eventBridgeService(this), connectionKeys);
}
