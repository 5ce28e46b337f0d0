import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { CONNECTION_SUBTITLE, connectionNodeDescription, credentialTest } from '../shared/node';
import { description as connectionDescription } from './actions/connection';
import { router } from './actions/router';
import { searchConnections } from './methods/listSearch';

export class GlueConnection implements INodeType {
	description: INodeTypeDescription = {
		...connectionNodeDescription({
			displayName: 'AWS Glue Connection',
			name: 'glueConnection',
			description: 'Create and keep in shape AWS Glue Data Catalog connections',
			properties: connectionDescription,
		}),
		icon: { light: 'file:glue.svg', dark: 'file:glue.dark.svg' },
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
