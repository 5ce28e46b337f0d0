import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

type DisplayOptions = INodeProperties['displayOptions'];

/**
 * The role's fields. With the host's credentials they are always shown and the Role ARN is
 * required (the host's own identity only assumes the role); with access keys, behind Assume Role.
 * Two entries per field with the same name, one per case: the value is the same either way.
 */
const roleFields = (displayOptions: DisplayOptions, required: boolean): INodeProperties[] => [
	{
		displayName: 'Role ARN',
		name: 'roleArn',
		type: 'string',
		default: '',
		required,
		placeholder: 'e.g. arn:aws:iam::123456789012:role/n8n-provisioner',
		description: 'The IAM role the nodes act as (STS AssumeRole)',
		displayOptions,
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'The external ID the role trust policy requires, if any',
		displayOptions,
	},
	{
		displayName: 'Role Session Name',
		name: 'roleSessionName',
		type: 'string',
		default: 'n8n-aws-connections',
		displayOptions,
	},
];

/** Optional endpoints, one per service; each falls back to the Custom Endpoint. */
const serviceEndpoint = (displayName: string, name: string, service: string, host: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: `e.g. https://vpce-0123456789abcdef0-abcdefgh.${host}.eu-west-1.vpce.amazonaws.com`,
	description: `The ${service} endpoint (for example a VPC interface endpoint). Empty: the Custom Endpoint, or AWS's own.`,
	displayOptions: { show: { serviceEndpoints: [true] } },
});

/**
 * One AWS credential for both nodes. It is tested by the nodes (testedBy) with STS
 * GetCallerIdentity through the AWS SDK, so the custom endpoint and the assumed role are honoured.
 */
export class AwsConnectionsApi implements ICredentialType {
	name = 'awsConnectionsApi';

	displayName = 'AWS Connections API';

	icon: Icon = { light: 'file:aws.svg', dark: 'file:aws.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-aws-connections/n8n-nodes-aws-connections/blob/main/docs/credentials-and-iam.md';

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
						'The AWS identity of the machine, task or pod n8n runs on assumes the role below (no keys stored in n8n). Needs N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true on the n8n server.',
				},
			],
			default: 'accessKeys',
		},
		{
			displayName:
				'As n8n\'s own AWS credentials: the host\'s identity is used only to assume the Role ARN below. It comes from the first of, in this order: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in n8n\'s environment; a web identity token (EKS IRSA: AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE); EKS Pod Identity (AWS_CONTAINER_CREDENTIALS_FULL_URI); an ECS task role (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI); the EC2 instance profile (IMDSv2). Works only when the n8n administrator sets N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true, on the main process and every worker; N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES is honoured as n8n honours it.',
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
		...roleFields({ show: { authentication: ['host'] } }, true),
		{
			displayName: 'Assume Role',
			name: 'assumeRole',
			type: 'boolean',
			default: false,
			description: 'Whether to call STS AssumeRole with the keys above and act as that role',
			displayOptions: { show: { authentication: ['accessKeys'] } },
		},
		...roleFields({ show: { authentication: ['accessKeys'], assumeRole: [true] } }, false),
		{
			displayName: 'Custom Endpoint',
			name: 'endpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:5000',
			description:
				'An http(s) URL used for every AWS service that has no endpoint of its own below, instead of the public one: a local emulator, a VPC endpoint or a FIPS endpoint. Leave empty for AWS.',
		},
		{
			displayName: 'Per-Service Endpoints',
			name: 'serviceEndpoints',
			type: 'boolean',
			default: false,
			description:
				'Whether to give Glue, EventBridge, STS or Secrets Manager an endpoint of its own (for example one VPC interface endpoint per service)',
		},
		serviceEndpoint('Glue Endpoint', 'glueEndpoint', 'AWS Glue', 'glue'),
		serviceEndpoint('EventBridge Endpoint', 'eventBridgeEndpoint', 'Amazon EventBridge', 'events'),
		serviceEndpoint('STS Endpoint', 'stsEndpoint', 'AWS STS (credential test and AssumeRole)', 'sts'),
		serviceEndpoint('Secrets Manager Endpoint', 'secretsManagerEndpoint', 'AWS Secrets Manager (secrets read at run time)', 'secretsmanager'),
	];
}
