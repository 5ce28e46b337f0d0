import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { namesOf, routeOperation, secretFieldsOf } from '../../shared/router';
import { eventBridgeService } from '../transport';
import { nameField } from '../common/definition';
import { description, operations } from './connection';
import { connectionField } from './connection/shared';

// Passwords and the values of rows marked secret are redacted from every error message.
// Found on the first run, not when n8n loads the node file at start-up.
let secretFields: ReturnType<typeof secretFieldsOf> | undefined;

/** Items on one connection never run at once (e.g. a create followed by an update of it). */
const connectionKeys = (ctx: IExecuteFunctions, itemIndex: number) => namesOf(ctx, itemIndex, [nameField, connectionField]);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations, async () => await eventBridgeService(this), (secretFields ??= secretFieldsOf(description)), connectionKeys);
}
