import type * as GlueSdk from '@aws-sdk/client-glue';
import type { DescribeConnectionTypeResponse as ConnectionTypeDescription } from '@aws-sdk/client-glue';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { type AwsAccess, type AwsService, awsService } from '../../shared/transport/awsClient';

export type GlueService = AwsService<GlueSdk.GlueClient, typeof GlueSdk> & {
	/**
	 * AWS's description of a connection type (DescribeConnectionType), asked once per service (one
	 * execution) and type however many items use it; undefined when AWS does not describe the type
	 * or the call is not allowed: the definition is then sent unchecked, as AWS will judge it. Any
	 * other failure (throttling or 5xx after the retries) fails the item and is asked again next time.
	 */
	describeConnectionType(type: string): Promise<ConnectionTypeDescription | undefined>;
	/**
	 * The same for what is only a refinement (the SECRET properties a Get leaves out, where AWS's
	 * HidePassword already guards): undefined when the type is not reported, and, once
	 * DescribeConnectionType has failed in this execution, at once for every type not yet described.
	 * An endpoint that cannot describe types then costs one request's retries, not one per connection.
	 */
	describeConnectionTypeIfAnswering(type: string | undefined): Promise<ConnectionTypeDescription | undefined>;
};

/** DescribeConnectionType's answers for a type AWS does not describe, or a caller not allowed to ask. */
const NOT_DESCRIBED = ['AccessDeniedException', 'ValidationException', 'InvalidInputException', 'EntityNotFoundException'];

/** Loads the Glue SDK on first use (never at n8n start-up) and builds one client. */
export async function glueService(ctx: IExecuteFunctions | ILoadOptionsFunctions, access?: AwsAccess): Promise<GlueService> {
	const sdk = await import('@aws-sdk/client-glue');
	const service = await awsService(ctx, 'glue', sdk, sdk.GlueClient, access);
	type Answer = { description?: ConnectionTypeDescription; failure?: unknown };
	const answers = new Map<string, Promise<Answer>>();
	const describe = async (type: string): Promise<Answer> => {
		try {
			return { description: await service.client.send(new sdk.DescribeConnectionTypeCommand({ ConnectionType: type })) };
		} catch (error) {
			if (NOT_DESCRIBED.includes((error as Error).name)) return {};
			answers.delete(type);
			return { failure: error };
		}
	};
	const describeConnectionType = async (type: string) => {
		if (!answers.has(type)) answers.set(type, describe(type));
		const { description, failure } = (await answers.get(type)) as Answer;
		// The router reports it as a NodeApiError with AWS's code, for this item only.
		if (failure) throw failure;
		return description;
	};
	let answering = true;
	const describeConnectionTypeIfAnswering = async (type: string | undefined) => {
		if (!type || (!answering && !answers.has(type))) return undefined;
		return await describeConnectionType(type).catch(() => {
			answering = false;
			return undefined;
		});
	};
	return { ...service, describeConnectionType, describeConnectionTypeIfAnswering };
}
