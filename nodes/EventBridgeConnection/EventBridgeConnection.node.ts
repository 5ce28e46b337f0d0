import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { CONNECTION_SUBTITLE, connectionNodeDescription, credentialTest } from '../shared/node';
import { description as connectionDescription } from './actions/connection';
import { router } from './actions/router';
import { searchConnections } from './methods/listSearch';

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
		subtitle: CONNECTION_SUBTITLE,
		usableAsTool: true,
		credentials: [
			{ name: 'awsConnectionsApi', required: true, testedBy: 'awsConnectionsApiTest' },
			// Only for "Secret Values From: AWS Connection Secret Credential" (nodes/shared/secrets.ts).
			{ name: 'awsConnectionSecretApi', required: false, testedBy: 'awsConnectionSecretTest', displayOptions: { show: { secretSource: ['credential'] } } },
		],
	};

	methods = { listSearch: { searchConnections }, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
