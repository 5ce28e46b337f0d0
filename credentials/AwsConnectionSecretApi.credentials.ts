import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Secrets for the connections the nodes write (a database password, an API key, an OAuth client
 * secret), kept encrypted by n8n instead of typed into a node, where n8n would store them in plain
 * text in the workflow. A node uses it with "Secret Values From: AWS Connection Secret Credential";
 * each secret field then takes one of these values. Nothing here signs in to AWS: that is the
 * AWS Connections API credential.
 */
export class AwsConnectionSecretApi implements ICredentialType {
	name = 'awsConnectionSecretApi';

	displayName = 'AWS Connection Secret';

	icon: Icon = { light: 'file:awsConnectionSecret.svg', dark: 'file:awsConnectionSecret.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-aws-connections/n8n-nodes-aws-connections/blob/main/docs/secrets.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Fill only the values your connection needs. The nodes read them when the workflow runs; they never appear in the workflow or its output.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			description: 'For your records: the nodes take the username from their own field',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'A database, Kafka or HTTP Basic password',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The value of an API key header (EventBridge API Key authorization)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'An OAuth client secret (or token)',
		},
	];
}
