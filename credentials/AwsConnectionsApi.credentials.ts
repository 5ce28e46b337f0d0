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
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for temporary credentials',
		},
		{
			displayName: 'Assume Role',
			name: 'assumeRole',
			type: 'boolean',
			default: false,
			description: 'Whether to call STS AssumeRole with the keys above and act as that role',
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
