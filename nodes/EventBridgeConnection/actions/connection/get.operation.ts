import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import { connectionOutput } from '../../common/output';
import type { EventBridgeService } from '../../transport';
import { connectionField, locatedName, optionsField } from './shared';

export const description = [connectionField, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

/** DescribeConnection, without secrets (AWS keeps them in Secrets Manager, behind SecretArn). */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const Name = locatedName(this, itemIndex);
	const eventBridge = await service();
	return connectionOutput(await eventBridge.client.send(new eventBridge.sdk.DescribeConnectionCommand({ Name })));
}
