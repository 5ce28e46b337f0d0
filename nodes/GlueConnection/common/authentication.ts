import type { AuthenticationConfigurationInput, ConnectionInput } from '@aws-sdk/client-glue';
import type { INodeProperties } from 'n8n-workflow';

import type { Schema } from '../../shared/definitionJson';
import { byName } from '../../shared/descriptions';
import { keyValueCollection, toStringMap } from '../../shared/keyValue';
import { SECRET_ROW_HINT, secretField } from '../../shared/secrets';
import { GLUE_AUTHENTICATION_TYPES, GLUE_OAUTH2_GRANT_TYPES } from '../../shared/sdkEnums.generated';
import { hasUrlCredentials } from '../../shared/secretModel';
import { checkArn, checkLength, checkMap, checkOneOf, checkPattern, compact, fail, str } from '../../shared/validation';
import { secretValue } from '../connectionTypes/common';
import type { Label, ParameterBag } from '../connectionTypes/types';

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

/** AuthenticationConfiguration in a JSON Definition (what the definition's parser, the checker and Export read). */
export const AUTHENTICATION_SCHEMA: Schema = {
	object: {
		AuthenticationType: 'string',
		SecretArn: 'string',
		KmsKeyArn: 'string',
		OAuth2Properties: {
			object: {
				OAuth2GrantType: 'string',
				OAuth2ClientApplication: { object: { UserManagedClientApplicationClientId: 'string', AWSManagedClientApplicationReference: 'string' } },
				TokenUrl: 'string',
				TokenUrlParametersMap: 'stringMap',
				AuthorizationCodeProperties: { object: { AuthorizationCode: 'string', RedirectUri: 'string' } },
				OAuth2Credentials: { object: { UserManagedClientApplicationClientSecret: 'string', AccessToken: 'string', RefreshToken: 'string', JwtToken: 'string' } },
			},
		},
		BasicAuthenticationCredentials: { object: { Username: 'string', Password: 'string' } },
		CustomAuthenticationCredentials: 'stringMap',
	},
};

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

const NO_SPACE = /^\S+$/;
const ASCII = /^[\x20-\x7E]+$/;

/**
 * Pure: the request checker's rules about AuthenticationConfiguration (common/check.ts runs them on
 * every request, whatever built it). Messages name the path through `at`.
 */
export function checkAuthenticationRequest(input: Partial<ConnectionInput>, at: Label) {
	const auth = input.AuthenticationConfiguration;
	if (!auth) return;
	const path = 'AuthenticationConfiguration';
	const type = checkOneOf(String(auth.AuthenticationType), at(`${path}.AuthenticationType`), GLUE_AUTHENTICATION_TYPES);
	if (auth.SecretArn) checkPattern(auth.SecretArn, at(`${path}.SecretArn`), /^arn:aws(-(cn|us-gov|iso(-[bef])?))?:secretsmanager:.*$/, 'a Secrets Manager secret ARN');
	if (auth.KmsKeyArn) checkArn(auth.KmsKeyArn, at(`${path}.KmsKeyArn`), 'kms');
	if (type === 'BASIC') {
		const basic = auth.BasicAuthenticationCredentials;
		const username = basic?.Username ?? '';
		const password = basic?.Password ?? '';
		if (!auth.SecretArn && (!username.trim() || !password)) {
			const missing = username.trim() ? 'Password' : 'Username';
			fail(at(`${path}.BasicAuthenticationCredentials.${missing}`), 'is required for Basic authentication unless a Secret ARN is given');
		}
		if (username) checkPattern(checkLength(username, at(`${path}.BasicAuthenticationCredentials.Username`), 1, 512), at(`${path}.BasicAuthenticationCredentials.Username`), NO_SPACE, 'without spaces');
		if (password.length > 512) fail(at(`${path}.BasicAuthenticationCredentials.Password`), 'must be at most 512 characters long');
	}
	if (type === 'CUSTOM') {
		const custom = auth.CustomAuthenticationCredentials;
		if (!(custom && Object.keys(custom).length) && !auth.SecretArn) fail(at(`${path}.CustomAuthenticationCredentials`), 'are required for Custom authentication unless a Secret ARN is given');
		checkMap(custom, at(`${path}.CustomAuthenticationCredentials`));
	}
	if (type === 'OAUTH2') checkOauth2(input, at);
}

function checkOauth2(input: Partial<ConnectionInput>, at: Label) {
	const auth = input.AuthenticationConfiguration ?? {};
	const path = 'AuthenticationConfiguration.OAuth2Properties';
	const oauth = auth.OAuth2Properties ?? {};
	const grantType = checkOneOf(String(oauth.OAuth2GrantType ?? 'CLIENT_CREDENTIALS'), at(`${path}.OAuth2GrantType`), GLUE_OAUTH2_GRANT_TYPES);
	const client = oauth.OAuth2ClientApplication;
	const clientId = client?.UserManagedClientApplicationClientId;
	if (clientId) checkPattern(checkLength(clientId, at(`${path}.OAuth2ClientApplication.UserManagedClientApplicationClientId`), 1, 2048), at(`${path}.OAuth2ClientApplication.UserManagedClientApplicationClientId`), NO_SPACE, 'without spaces');
	if (client && !clientId && !client.AWSManagedClientApplicationReference) {
		fail(at(`${path}.OAuth2ClientApplication.AWSManagedClientApplicationReference`), 'is required for an AWS managed client application');
	}
	const tokenUrl = oauth.TokenUrl;
	if (tokenUrl) {
		checkLength(tokenUrl, at(`${path}.TokenUrl`), 1, 256);
		checkPattern(tokenUrl, at(`${path}.TokenUrl`), /^(https?):\/\/[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$/, 'an http(s) URL');
		if (hasUrlCredentials(tokenUrl)) fail(at(`${path}.TokenUrl`), 'must not contain a password: use the client secret');
	} else if (grantType === 'CLIENT_CREDENTIALS' && !auth.SecretArn) {
		fail(at(`${path}.TokenUrl`), 'is required for the Client Credentials grant');
	}
	checkMap(oauth.TokenUrlParametersMap, at(`${path}.TokenUrlParametersMap`));
	const code = oauth.AuthorizationCodeProperties;
	if (code?.RedirectUri) checkPattern(code.RedirectUri, at(`${path}.AuthorizationCodeProperties.RedirectUri`), /^(https?):\/\/[^\s/$.?#].[^\s]*$/, 'an http(s) URL');
	if (grantType === 'AUTHORIZATION_CODE' && !code?.AuthorizationCode) fail(at(`${path}.AuthorizationCodeProperties.AuthorizationCode`), 'is required for the Authorization Code grant');
	const credentials = oauth.OAuth2Credentials ?? {};
	const secrets: Array<[keyof typeof credentials, number]> = [
		['UserManagedClientApplicationClientSecret', 512],
		['AccessToken', 4096],
		['RefreshToken', 4096],
		['JwtToken', 8000],
	];
	for (const [member, max] of secrets) {
		const value = credentials[member];
		if (value === undefined) continue;
		const field = at(`${path}.OAuth2Credentials.${member}`);
		checkPattern(checkLength(value, field, 1, max), field, ASCII, 'printable ASCII characters');
	}
	if (credentials.JwtToken) checkPattern(credentials.JwtToken, at(`${path}.OAuth2Credentials.JwtToken`), /^([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_=]+)\.([a-zA-Z0-9_\-+/=]*)$/, 'a JWT (three dot-separated parts)');
	if (grantType === 'JWT_BEARER' && !credentials.JwtToken && !auth.SecretArn) fail(at(`${path}.OAuth2Credentials.JwtToken`), 'is required for the JWT Bearer grant');
}
