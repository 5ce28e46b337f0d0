import type * as GlueSdk from '@aws-sdk/client-glue';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { type AwsService, awsService } from '../../shared/transport/awsClient';

export type GlueService = AwsService<GlueSdk.GlueClient, typeof GlueSdk>;

/** Loads the Glue SDK on first use (never at n8n start-up) and builds one client. */
export async function glueService(ctx: IExecuteFunctions | ILoadOptionsFunctions): Promise<GlueService> {
	const sdk = await import('@aws-sdk/client-glue');
	return await awsService(ctx, sdk, sdk.GlueClient);
}
