import type * as GlueSdk from '@aws-sdk/client-glue';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, createAwsClient } from '../../shared/transport/awsClient';

export interface GlueService {
	client: GlueSdk.GlueClient;
	sdk: typeof GlueSdk;
}

/** Loads the Glue SDK on first use (never at n8n start-up) and builds one client. */
export async function glueService(ctx: IExecuteFunctions | ILoadOptionsFunctions): Promise<GlueService> {
	const sdk = await import('@aws-sdk/client-glue');
	const client = await createAwsClient(await ctx.getCredentials(CREDENTIAL_TYPE), sdk.GlueClient);
	return { client, sdk };
}
