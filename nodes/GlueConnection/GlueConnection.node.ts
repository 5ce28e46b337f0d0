import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { CONNECTION_SUBTITLE, connectionNodeDescription, credentialTest } from '../shared/node';
import { description, router } from './actions/router';
import { getConnectionProperties, getConnectionTypes, getSecretConnectionProperties } from './methods/describedTypes';
import { searchConnections, searchConnectionTypes } from './methods/listSearch';

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
		subtitle: CONNECTION_SUBTITLE,
		usableAsTool: true,
		credentials: [
			{ name: 'awsConnectionsApi', required: true, testedBy: 'awsConnectionsApiTest' },
			// Only for "Secret Values From: AWS Connection Secret Credential" (nodes/shared/secrets.ts).
			{ name: 'awsConnectionSecretApi', required: false, testedBy: 'awsConnectionSecretTest', displayOptions: { show: { secretSource: ['credential'] } } },
		],
	};

	methods = {
		listSearch: { searchConnections, searchConnectionTypes },
		loadOptions: { getConnectionTypes, getSecretConnectionProperties },
		resourceMapping: { getConnectionProperties },
		credentialTest,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
