import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * One AWS credential for both nodes. It is tested by the nodes (testedBy) with STS
 * GetCallerIdentity through the AWS SDK, so the custom endpoint and the assumed role are honoured.
 */
export class AwsConnectionsApi implements ICredentialType {
	name = 'awsConnectionsApi';

	displayName = 'AWS Connections API';

	icon: Icon = { light: 'file:aws.svg', dark: 'file:aws.dark.svg' };

	documentationUrl = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'string',
			default: 'us-east-1',
			required: true,
			placeholder: 'e.g. eu-west-1',
			description: 'The AWS Region code where the connections live',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Access Keys',
					value: 'accessKeys',
					description: "An IAM user's or role's access key, stored in this credential",
				},
				{
					name: 'Credentials of the n8n Host',
					value: 'host',
					description:
						'The AWS identity of the machine, task or pod n8n runs on (no keys stored in n8n). Needs N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true on the n8n server.',
				},
			],
			default: 'accessKeys',
		},
		{
			displayName:
				'Uses, in this order, the first of: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in n8n\'s environment; a web identity token (EKS IRSA: AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE); EKS Pod Identity (AWS_CONTAINER_CREDENTIALS_FULL_URI); an ECS task role (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI); the EC2 instance profile (IMDSv2). Works only when the n8n administrator sets N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true, on the main process and every worker.',
			name: 'hostNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { authentication: ['host'] } },
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['accessKeys'] } },
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['accessKeys'] } },
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for temporary credentials',
			displayOptions: { show: { authentication: ['accessKeys'] } },
		},
		{
			displayName: 'Assume Role',
			name: 'assumeRole',
			type: 'boolean',
			default: false,
			description:
				'Whether to call STS AssumeRole with the credentials above (keys or the host\'s) and act as that role',
		},
		{
			displayName: 'Role ARN',
			name: 'roleArn',
			type: 'string',
			default: '',
			placeholder: 'e.g. arn:aws:iam::123456789012:role/n8n-provisioner',
			displayOptions: { show: { assumeRole: [true] } },
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'The external ID the role trust policy requires, if any',
			displayOptions: { show: { assumeRole: [true] } },
		},
		{
			displayName: 'Role Session Name',
			name: 'roleSessionName',
			type: 'string',
			default: 'n8n-aws-connections',
			displayOptions: { show: { assumeRole: [true] } },
		},
		{
			displayName: 'Custom Endpoint',
			name: 'endpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:5000',
			description:
				'An http(s) URL used for every AWS service instead of the public one: a local emulator, a VPC endpoint or a FIPS endpoint. Leave empty for AWS.',
		},
	];
}
