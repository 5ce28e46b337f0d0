import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { CONNECTION_SUBTITLE, connectionNodeDescription, operationCode } from '../shared/node';
import { description as connectionDescription } from './actions/connection';

// Only the description is evaluated when n8n loads this file; the code runs from ./EventBridgeConnection.execute.
const operations = operationCode(async () => await import('./EventBridgeConnection.execute'));

/** Amazon EventBridge connections: the authorization API destinations use to call HTTP endpoints. */
export class EventBridgeConnection implements INodeType {
	description: INodeTypeDescription = {
		...connectionNodeDescription({
			displayName: 'AWS EventBridge Connection',
			name: 'eventBridgeConnection',
			description: 'Create and keep in shape Amazon EventBridge connections for API destinations',
			properties: connectionDescription,
		}),
		icon: { light: 'file:eventbridge.svg', dark: 'file:eventbridge.dark.svg' },
		documentationUrl: 'https://github.com/n8n-nodes-aws-connections/n8n-nodes-aws-connections/blob/main/docs/eventbridge-connection.md',
		subtitle: CONNECTION_SUBTITLE,
		usableAsTool: true,
		credentials: [
			{ name: 'awsConnectionsApi', required: true, testedBy: 'awsConnectionsApiTest' },
			// Only for "Secret Values From: AWS Connection Secret Credential" (nodes/shared/secrets.ts).
			{ name: 'awsConnectionSecretApi', required: false, testedBy: 'awsConnectionSecretTest', displayOptions: { show: { secretSource: ['credential'] } } },
		],
	};

	methods = operations.methods({
		listSearch: { searchConnections: true },
		credentialTest: { awsConnectionsApiTest: true, awsConnectionSecretTest: true },
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await (await operations.code()).execute.call(this);
	}
}
