import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testAwsCredential, testConnectionSecret } from './transport/credentialTest';

/** The name under which both nodes register the credential test (and name it in `testedBy`). */
const CREDENTIAL_TEST = 'awsConnectionsApiTest';

/** The subtitle of both nodes: "operation: resource". */
export const CONNECTION_SUBTITLE = '={{$parameter["operation"] + ": " + $parameter["resource"]}}';

const CONNECTION_RESOURCE = { name: 'Connection', value: 'connection' };

/**
 * Both nodes: the Resource field (Connection first and by default, then the node's own further
 * resources, e.g. Glue's Connection Type), inputs and outputs. Each node still writes `icon`,
 * `subtitle`, `usableAsTool` and `credentials` in its own class, where the n8n linter looks for them.
 */
export function connectionNodeDescription({
	moreResources = [],
	...node
}: {
	displayName: string;
	name: string;
	description: string;
	properties: INodeProperties[];
	moreResources?: Array<{ name: string; value: string }>;
}): Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool' | 'credentials'> {
	return {
		...node,
		group: ['output'],
		// 1.1: several items in flight at once (Options → Concurrency, default 10); 1 keeps one at a time.
		version: [1, 1.1],
		defaultVersion: 1.1,
		defaults: { name: node.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [CONNECTION_RESOURCE, ...moreResources],
				default: 'connection',
			},
			...node.properties,
		],
	};
}

/** The credential test both nodes name in `testedBy`. */
export const credentialTest = { [CREDENTIAL_TEST]: testAwsCredential, awsConnectionSecretTest: testConnectionSecret };
