import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { CONNECTION_SUBTITLE, connectionNodeDescription, operationCode } from '../shared/node';
import { description } from './actions/router';

// Only the description is evaluated when n8n loads this file; the code runs from ./GlueConnection.execute.
const operations = operationCode(async () => await import('./GlueConnection.execute'));

export class GlueConnection implements INodeType {
	description: INodeTypeDescription = {
		...connectionNodeDescription({
			displayName: 'AWS Glue Connection',
			name: 'glueConnection',
			description: 'Create and keep in shape AWS Glue Data Catalog connections',
			properties: description,
			moreResources: [{ name: 'Connection Type', value: 'connectionType' }],
		}),
		icon: { light: 'file:glue.svg', dark: 'file:glue.dark.svg' },
		documentationUrl: 'https://github.com/n8n-nodes-aws-connections/n8n-nodes-aws-connections/blob/main/docs/glue-connection.md',
		subtitle: CONNECTION_SUBTITLE,
		usableAsTool: true,
		credentials: [
			{ name: 'awsConnectionsApi', required: true, testedBy: 'awsConnectionsApiTest' },
			// Only for "Secret Values From: AWS Connection Secret Credential" (nodes/shared/secrets.ts).
			{ name: 'awsConnectionSecretApi', required: false, testedBy: 'awsConnectionSecretTest', displayOptions: { show: { secretSource: ['credential'] } } },
		],
	};

	methods = operations.methods({
		listSearch: { searchConnections: true, searchConnectionTypes: true },
		loadOptions: { getConnectionTypes: true, getSecretConnectionProperties: true },
		resourceMapping: { getConnectionProperties: true },
		credentialTest: { awsConnectionsApiTest: true, awsConnectionSecretTest: true },
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await (await operations.code()).execute.call(this);
	}
}
