import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testAwsCredential } from '../shared/transport/credentialTest';
import { description as connectionDescription } from './actions/connection';
import { router } from './actions/router';
import { searchConnections } from './methods/listSearch';

export class GlueConnection implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AWS Glue Connection',
		name: 'glueConnection',
		icon: { light: 'file:glue.svg', dark: 'file:glue.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and keep in shape AWS Glue Data Catalog connections',
		defaults: { name: 'AWS Glue Connection' },
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
