import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import { eventBridgeConnectionView } from '../common/output';
import { eventBridgeService } from '../transport';
import { operations } from './connection';

/** Items on one connection never run at once (each operation declares the fields that name it); names compared exactly. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, async () => await eventBridgeService(this), undefined, eventBridgeConnectionView);
}
