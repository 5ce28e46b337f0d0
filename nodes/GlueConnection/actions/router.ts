import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem, secretFieldNames } from '../../shared/router';
import { glueService } from '../transport';
import { description, operations } from './connection';

const secretFields = secretFieldNames(description);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported`);
	}
	return await runPerItem(this, operation, async () => await glueService(this), secretFields);
}
