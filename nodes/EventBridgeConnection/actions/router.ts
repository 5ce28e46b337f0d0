import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, secretFieldNames } from '../../shared/router';
import { eventBridgeService } from '../transport';
import { description, operations } from './connection';

// Passwords and the values of rows marked secret are redacted from every error message.
const secretFields = secretFieldNames(description);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, async () => await eventBridgeService(this), secretFields);
}
