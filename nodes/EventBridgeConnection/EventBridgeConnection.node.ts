import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testAwsCredential } from '../shared/transport/credentialTest';
import { description as connectionDescription } from './actions/connection';
import { router } from './actions/router';
import { searchConnections } from './methods/listSearch';

export class EventBridgeConnection implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AWS EventBridge Connection',
		name: 'eventBridgeConnection',
		icon: { light: 'file:eventbridge.svg', dark: 'file:eventbridge.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and keep in shape Amazon EventBridge connections for API destinations',
		defaults: { name: 'AWS EventBridge Connection' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'awsConnectionsApi', required: true, testedBy: 'awsConnectionsApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Connection', value: 'connection' }],
				default: 'connection',
			},
			...connectionDescription,
		],
	};

	methods = {
		listSearch: { searchConnections },
		credentialTest: { awsConnectionsApiTest: testAwsCredential },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
