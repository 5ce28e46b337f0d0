import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ServiceProvider } from '../../../shared/router';
import { connectionOutput } from '../../common/output';
import type { EventBridgeService } from '../../transport';
import { locatedName } from './shared';

export const description: INodeProperties[] = [];

/** DescribeConnection, without secrets (AWS keeps them in Secrets Manager, behind SecretArn). */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const Name = locatedName(this, itemIndex);
	const eventBridge = await service();
	return connectionOutput(await eventBridge.client.send(new eventBridge.sdk.DescribeConnectionCommand({ Name })));
}
