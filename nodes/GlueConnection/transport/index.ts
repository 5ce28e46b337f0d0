import type * as GlueSdk from '@aws-sdk/client-glue';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { type AwsService, awsService } from '../../shared/transport/awsClient';
import type { ConnectionTypeDescription } from '../common/describedType';

export type GlueService = AwsService<GlueSdk.GlueClient, typeof GlueSdk> & {
	/**
	 * AWS's description of a connection type (DescribeConnectionType), asked once per service (one
	 * execution) and type however many items use it; undefined when AWS does not describe the type
	 * or the call is not allowed: the definition is then sent unchecked, as AWS will judge it.
	 */
	describeConnectionType(type: string): Promise<ConnectionTypeDescription | undefined>;
};

/** Loads the Glue SDK on first use (never at n8n start-up) and builds one client. */
export async function glueService(ctx: IExecuteFunctions | ILoadOptionsFunctions): Promise<GlueService> {
	const sdk = await import('@aws-sdk/client-glue');
	const service = await awsService(ctx, sdk, sdk.GlueClient);
	const descriptions = new Map<string, Promise<ConnectionTypeDescription | undefined>>();
	const describe = async (type: string) => {
		try {
			return await service.client.send(new sdk.DescribeConnectionTypeCommand({ ConnectionType: type }));
		} catch {
			return undefined;
		}
	};
	const describeConnectionType = async (type: string) => {
		if (!descriptions.has(type)) descriptions.set(type, describe(type));
		return await descriptions.get(type);
	};
	return { ...service, describeConnectionType };
}
