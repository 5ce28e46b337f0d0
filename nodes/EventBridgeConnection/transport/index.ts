import type * as EventBridgeSdk from '@aws-sdk/client-eventbridge';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { type AwsAccess, type AwsService, awsService } from '../../shared/transport/awsClient';

export type EventBridgeService = AwsService<EventBridgeSdk.EventBridgeClient, typeof EventBridgeSdk>;

/**
 * The SDK is imported here, on first use, so that n8n's start-up (which requires every node file)
 * never pays for it. Callers build one service per execution, not one per item.
 */
export async function eventBridgeService(ctx: IExecuteFunctions | ILoadOptionsFunctions, access?: AwsAccess): Promise<EventBridgeService> {
	const sdk = await import('@aws-sdk/client-eventbridge');
	return await awsService(ctx, 'eventbridge', sdk, sdk.EventBridgeClient, access);
}
