import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, secretFieldNames } from '../../shared/router';
import { glueService } from '../transport';
import { description, operations } from './connection';

const secretFields = secretFieldNames(description);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, async () => await glueService(this), secretFields);
}
