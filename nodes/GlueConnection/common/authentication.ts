import type { AuthenticationConfigurationInput } from '@aws-sdk/client-glue';
import type { INodeProperties } from 'n8n-workflow';

import { byName } from '../../shared/descriptions';
import { keyValueCollection, toStringMap } from '../../shared/keyValue';
import { SECRET_ROW_HINT, secretField } from '../../shared/secrets';
import { GLUE_AUTHENTICATION_TYPES, GLUE_OAUTH2_GRANT_TYPES } from '../../shared/sdkEnums.generated';
import { checkArn, checkLength, checkPattern, compact, fail, str } from '../../shared/validation';
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

const ASCII = /^[\x20-\x7E]*$/;
const NO_SPACE = /^\S+$/;

function secret(bag: ParameterBag, name: string, field: string, max: number): string | undefined {
	const value = str(bag[name]);
	if (!value) return undefined;
	checkLength(value, field, 1, max);
	return checkPattern(value, field, ASCII, 'printable ASCII characters');
}

function oauth2Properties(bag: ParameterBag): AuthenticationConfigurationInput['OAuth2Properties'] {
	const grantType = str(bag.authOauth2GrantType) || 'CLIENT_CREDENTIALS';
	const userManaged = (str(bag.authOauth2ClientApplication) || 'userManaged') === 'userManaged';
	const clientId = str(bag.authOauth2ClientId);
	const awsReference = str(bag.authOauth2AwsManagedReference);
	if (userManaged && clientId) checkPattern(checkLength(clientId, 'Client ID', 1, 2048), 'Client ID', NO_SPACE, 'without spaces');
	if (!userManaged && !awsReference) fail('AWS Managed Client Application Reference', 'is required for an AWS managed client application');
	const tokenUrl = str(bag.authOauth2EndpointUrl);
	if (tokenUrl) {
		checkLength(tokenUrl, 'Token URL', 1, 256);
		checkPattern(tokenUrl, 'Token URL', /^(https?):\/\/[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$/, 'an http(s) URL');
	} else if (grantType === 'CLIENT_CREDENTIALS' && !str(bag.authCredentialsArn)) {
		fail('Token URL', 'is required for the Client Credentials grant');
	}
	const redirectUri = str(bag.authOauth2RedirectUri);
	if (redirectUri) checkPattern(redirectUri, 'Redirect URI', /^(https?):\/\/[^\s/$.?#].[^\s]*$/, 'an http(s) URL');
	const jwtToken = secret(bag, 'authOauth2JwtToken', 'JWT Token', 8000);
	if (jwtToken) checkPattern(jwtToken, 'JWT Token', /^([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_\-+/=]*)$/, 'a JWT (three dot-separated parts)');
	if (grantType === 'JWT_BEARER' && !jwtToken && !str(bag.authCredentialsArn)) fail('JWT Token', 'is required for the JWT Bearer grant');
	const authorizationCode = str(bag.authOauth2AuthorizationCode);
	if (grantType === 'AUTHORIZATION_CODE' && !authorizationCode) fail('Authorization Code', 'is required for the Authorization Code grant');

	const credentials = compact({
		UserManagedClientApplicationClientSecret: userManaged ? secret(bag, 'authOauth2ClientSecret', 'Client Secret', 512) : undefined,
		AccessToken: secret(bag, 'authOauth2AccessToken', 'Access Token', 4096),
		RefreshToken: secret(bag, 'authOauth2RefreshToken', 'Refresh Token', 4096),
		JwtToken: jwtToken,
	});
	return compact({
		OAuth2GrantType: grantType as never,
		OAuth2ClientApplication: userManaged
			? clientId
				? { UserManagedClientApplicationClientId: clientId }
				: undefined
			: { AWSManagedClientApplicationReference: awsReference },
		TokenUrl: tokenUrl || undefined,
		TokenUrlParametersMap: toStringMap(bag.authOauth2TokenUrlParameters, 'Token URL Parameters'),
		AuthorizationCodeProperties:
			grantType === 'AUTHORIZATION_CODE'
				? compact({ AuthorizationCode: authorizationCode, RedirectUri: redirectUri || undefined })
				: undefined,
		OAuth2Credentials: Object.keys(credentials).length ? credentials : undefined,
	});
}

/** Pure: the AuthenticationConfiguration of the definition, or undefined for None. */
export function toAuthenticationConfiguration(bag: ParameterBag): AuthenticationConfigurationInput | undefined {
	const type = str(bag.authenticationType);
	if (!type) return undefined;
	if (!(GLUE_AUTHENTICATION_TYPES as readonly string[]).includes(type)) {
		fail('Authentication Type', `must be one of ${GLUE_AUTHENTICATION_TYPES.join(', ')}`);
	}
	const secretArn = str(bag.authCredentialsArn);
	if (secretArn) {
		checkPattern(secretArn, 'Secret ARN', /^arn:aws(-(cn|us-gov|iso(-[bef])?))?:secretsmanager:.*$/, 'a Secrets Manager secret ARN');
	}
	const kmsKeyArn = str(bag.authKmsKeyArn);
	if (kmsKeyArn) checkArn(kmsKeyArn, 'KMS Key ARN', 'kms');

	const config: AuthenticationConfigurationInput = compact({
		AuthenticationType: type as never,
		SecretArn: secretArn || undefined,
		KmsKeyArn: kmsKeyArn || undefined,
	});
	if (type === 'BASIC') {
		const username = str(bag.authBasicUsername);
		const password = typeof bag.authBasicPassword === 'string' ? bag.authBasicPassword : '';
		if (!secretArn && (!username || !password)) {
			fail(username ? 'Password' : 'Username', 'is required for Basic authentication unless a Secret ARN is given');
		}
		if (username) {
			checkPattern(checkLength(username, 'Username', 1, 512), 'Username', NO_SPACE, 'without spaces');
			config.BasicAuthenticationCredentials = compact({ Username: username, Password: password || undefined });
		}
		if (password.length > 512) fail('Password', 'must be at most 512 characters long');
	}
	if (type === 'CUSTOM') {
		const custom = toStringMap(bag.authCustomCredentials, 'Custom Credentials');
		if (!custom && !secretArn) fail('Custom Credentials', 'are required for Custom authentication unless a Secret ARN is given');
		if (custom) config.CustomAuthenticationCredentials = custom;
	}
	if (type === 'OAUTH2') config.OAuth2Properties = oauth2Properties(bag);
	return config;
}
