import type { AuthenticationConfigurationInput } from '@aws-sdk/client-glue';
import type { INodeProperties } from 'n8n-workflow';

import { byName } from '../../shared/descriptions';
import { keyValueCollection, toStringMap } from '../../shared/keyValue';
import { SECRET_ROW_HINT, secretField } from '../../shared/secrets';
import { GLUE_AUTHENTICATION_TYPES, GLUE_OAUTH2_GRANT_TYPES } from '../../shared/sdkEnums.generated';
import { compact, str } from '../../shared/validation';
import { secretValue } from '../connectionTypes/common';
import type { ParameterBag } from '../connectionTypes/types';

const LABELS: Record<string, string> = { BASIC: 'Basic', CUSTOM: 'Custom', IAM: 'IAM', OAUTH2: 'OAuth2' };
const GRANT_LABELS: Record<string, string> = {
	AUTHORIZATION_CODE: 'Authorization Code',
	CLIENT_CREDENTIALS: 'Client Credentials',
	JWT_BEARER: 'JWT Bearer',
	REFRESH_TOKEN: 'Refresh Token',
};
const onlyFor = (...types: string[]) => ({ show: { authenticationType: types } });
const forGrant = (...grants: string[]) => ({
	show: { authenticationType: ['OAUTH2'], authOauth2GrantType: grants },
});

/** The AuthenticationConfiguration part of a Glue connection, shown on every definition form. */
export const authenticationFields: INodeProperties[] = [
	{
		displayName: 'Authentication Type',
		name: 'authenticationType',
		type: 'options',
		default: '',
		description: 'How AWS Glue authenticates to the data source. SaaS types such as SALESFORCE need OAuth2.',
		options: [
			{ name: 'None', value: '' },
			...GLUE_AUTHENTICATION_TYPES.map((value) => ({ name: LABELS[value] ?? value, value })),
		].sort(byName),
	},
	{
		displayName: 'Secret ARN',
		name: 'authCredentialsArn',
		type: 'string',
		default: '',
		placeholder: 'e.g. arn:aws:secretsmanager:eu-west-1:123456789012:secret:glue-creds',
		description: 'A Secrets Manager secret that holds the credentials (instead of typing them here)',
		displayOptions: onlyFor('BASIC', 'CUSTOM', 'OAUTH2'),
	},
	{
		displayName: 'Username',
		name: 'authBasicUsername',
		type: 'string',
		default: '',
		description: 'Leave empty when the Secret ARN holds the credentials',
		displayOptions: onlyFor('BASIC'),
	},
	...secretField({
		displayName: 'Password',
		name: 'authBasicPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: onlyFor('BASIC'),
	}),
	{
		...keyValueCollection({
			name: 'authCustomCredentials',
			displayName: 'Custom Credentials',
			description: `Key/value credentials for a CUSTOM authentication (stored by AWS as secrets). ${SECRET_ROW_HINT}`,
			valueIsPassword: true,
		}),
		displayOptions: onlyFor('CUSTOM'),
	},
	{
		displayName: 'Grant Type',
		name: 'authOauth2GrantType',
		type: 'options',
		default: 'CLIENT_CREDENTIALS',
		options: GLUE_OAUTH2_GRANT_TYPES.map((value) => ({ name: GRANT_LABELS[value] ?? value, value })).sort(byName),
		displayOptions: onlyFor('OAUTH2'),
	},
	{
		displayName: 'Client Application',
		name: 'authOauth2ClientApplication',
		type: 'options',
		default: 'userManaged',
		options: [
			{ name: 'AWS Managed', value: 'awsManaged' },
			{ name: 'User Managed', value: 'userManaged' },
		],
		displayOptions: onlyFor('OAUTH2'),
	},
	{
		displayName: 'Client ID',
		name: 'authOauth2ClientId',
		type: 'string',
		default: '',
		displayOptions: { show: { authenticationType: ['OAUTH2'], authOauth2ClientApplication: ['userManaged'] } },
	},
	...secretField({
		displayName: 'Client Secret',
		name: 'authOauth2ClientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { authenticationType: ['OAUTH2'], authOauth2ClientApplication: ['userManaged'] } },
	}),
	{
		displayName: 'AWS Managed Client Application Reference',
		name: 'authOauth2AwsManagedReference',
		type: 'string',
		default: '',
		displayOptions: { show: { authenticationType: ['OAUTH2'], authOauth2ClientApplication: ['awsManaged'] } },
	},
	{
		displayName: 'Token URL',
		name: 'authOauth2EndpointUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://login.salesforce.com/services/oauth2/token',
		displayOptions: onlyFor('OAUTH2'),
	},
	{
		...keyValueCollection({
			name: 'authOauth2TokenUrlParameters',
			displayName: 'Token URL Parameters',
			description: 'Extra parameters sent with the token request',
		}),
		displayOptions: onlyFor('OAUTH2'),
	},
	...secretField({
		displayName: 'Authorization Code',
		name: 'authOauth2AuthorizationCode',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: forGrant('AUTHORIZATION_CODE'),
	}),
	{
		displayName: 'Redirect URI',
		name: 'authOauth2RedirectUri',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://eu-west-1.console.aws.amazon.com/gluestudio/oauth',
		displayOptions: forGrant('AUTHORIZATION_CODE'),
	},
	...secretField({
		displayName: 'Access Token',
		name: 'authOauth2AccessToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: forGrant('AUTHORIZATION_CODE', 'REFRESH_TOKEN'),
	}),
	...secretField({
		displayName: 'Refresh Token',
		name: 'authOauth2RefreshToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: forGrant('AUTHORIZATION_CODE', 'REFRESH_TOKEN'),
	}),
	...secretField({
		displayName: 'JWT Token',
		name: 'authOauth2JwtToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: forGrant('JWT_BEARER'),
	}),
	{
		displayName: 'KMS Key ARN',
		name: 'authKmsKeyArn',
		type: 'string',
		default: '',
		placeholder: 'e.g. arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		description: 'A customer managed key that encrypts the stored credentials',
		displayOptions: onlyFor('BASIC', 'CUSTOM', 'IAM', 'OAUTH2'),
	},
];

/** A secret as typed (never trimmed: spaces may belong to it); undefined when empty. */
const secret = (bag: ParameterBag, name: string) => secretValue(bag[name]) || undefined;

/** Pure: the OAuth2Properties the fields say; common/check.ts holds the rules. */
function oauth2Properties(bag: ParameterBag): AuthenticationConfigurationInput['OAuth2Properties'] {
	const grantType = str(bag.authOauth2GrantType) || 'CLIENT_CREDENTIALS';
	const userManaged = (str(bag.authOauth2ClientApplication) || 'userManaged') === 'userManaged';
	const clientId = str(bag.authOauth2ClientId);
	const credentials = compact({
		UserManagedClientApplicationClientSecret: userManaged ? secret(bag, 'authOauth2ClientSecret') : undefined,
		AccessToken: secret(bag, 'authOauth2AccessToken'),
		RefreshToken: secret(bag, 'authOauth2RefreshToken'),
		JwtToken: secret(bag, 'authOauth2JwtToken'),
	});
	return compact({
		OAuth2GrantType: grantType as never,
		OAuth2ClientApplication: userManaged
			? clientId
				? { UserManagedClientApplicationClientId: clientId }
				: undefined
			: { AWSManagedClientApplicationReference: str(bag.authOauth2AwsManagedReference) },
		TokenUrl: str(bag.authOauth2EndpointUrl) || undefined,
		TokenUrlParametersMap: toStringMap(bag.authOauth2TokenUrlParameters, 'Token URL Parameters'),
		AuthorizationCodeProperties:
			grantType === 'AUTHORIZATION_CODE'
				? compact({ AuthorizationCode: secret(bag, 'authOauth2AuthorizationCode'), RedirectUri: str(bag.authOauth2RedirectUri) || undefined })
				: undefined,
		OAuth2Credentials: Object.keys(credentials).length ? credentials : undefined,
	});
}

/** Pure: the AuthenticationConfiguration of the definition, or undefined for None (common/check.ts holds the rules). */
export function toAuthenticationConfiguration(bag: ParameterBag): AuthenticationConfigurationInput | undefined {
	const type = str(bag.authenticationType);
	if (!type) return undefined;
	const config: AuthenticationConfigurationInput = compact({
		AuthenticationType: type as never,
		SecretArn: str(bag.authCredentialsArn) || undefined,
		KmsKeyArn: str(bag.authKmsKeyArn) || undefined,
	});
	if (type === 'BASIC') {
		const username = str(bag.authBasicUsername);
		const password = secretValue(bag.authBasicPassword);
		if (username || password) config.BasicAuthenticationCredentials = compact({ Username: username || undefined, Password: password || undefined });
	}
	if (type === 'CUSTOM') config.CustomAuthenticationCredentials = toStringMap(bag.authCustomCredentials, 'Custom Credentials');
	if (type === 'OAUTH2') config.OAuth2Properties = oauth2Properties(bag);
	return compact(config);
}
