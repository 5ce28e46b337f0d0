import type { ConnectionInput } from '@aws-sdk/client-glue';

import { GLUE_AUTHENTICATION_TYPES } from '../../shared/sdkEnums.generated';
import { hasUrlCredentials } from '../../shared/secretModel';
import { checkArn, checkLength, checkMaxItems, checkOneOf, checkPattern, fail } from '../../shared/validation';
import { findConnectionTypeForm } from '../connectionTypes';
import type { Label } from '../connectionTypes/types';

/**
 * The one request checker of the Glue node: every rule about a ConnectionInput (and its Tags),
 * whatever built it (the form, a JSON Definition, a Reconcile item, a tool call). `at` names a
 * request path as the user knows it: the form's field label, or the JSON path of the definition.
 * Lengths, patterns and enums are the API model's (../shared/aws-models) and the SDK's.
 */
// The model's NameString: one line of printable Unicode.
const NAME_PATTERN = /^[\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}\t]*$/u;
const DESCRIPTION_PATTERN = /^[\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}\r\n\t]*$/u;
/* eslint-disable-next-line no-control-regex */
const KEY_PATTERN = /^[^\x00-\x1F\x7F]+$/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NO_SPACE = /^\S+$/;
const ASCII = /^[\x20-\x7E]+$/;

export function checkConnectionName(name: string, field = 'Name'): string {
	return checkPattern(checkLength(name, field, 1, 255), field, NAME_PATTERN, 'a single line of text without control characters');
}

/** A text map's keys: present, one line, not a reserved object key; at most `max` entries. */
function checkMap(map: Record<string, string> | undefined, field: string, max?: number) {
	if (!map) return;
	const keys = Object.keys(map);
	if (max !== undefined) checkMaxItems(keys, field, max);
	for (const key of keys) {
		if (!key.trim() || RESERVED_KEYS.has(key)) fail(field, 'has a key that cannot be used (empty, __proto__, constructor or prototype)');
		checkPattern(key, field, KEY_PATTERN, 'keys without control characters or line breaks');
	}
}

function checkAuthentication(input: Partial<ConnectionInput>, at: Label) {
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
	const grantType = oauth.OAuth2GrantType ?? 'CLIENT_CREDENTIALS';
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

/**
 * Pure: throws an InputProblem (named through `at`) for the first rule the request breaks. `saved`
 * is false for Test Definition (a TestConnectionInput: no name, description or network).
 */
export function checkGlueRequest(input: Partial<ConnectionInput>, at: Label, tags?: Record<string, string>, saved = true): void {
	if (saved) checkConnectionName(String(input.Name ?? ''), at('Name'));
	// AWS's own types are codes; a registered one (RegisterConnectionType) is named REST-….
	const type = checkPattern(String(input.ConnectionType ?? ''), at('ConnectionType'), /^([A-Z0-9_]{1,64}|REST-\S{1,250})$/, 'a connection type code such as JDBC or SNOWFLAKE, or a registered REST-… type');
	if (input.Description) checkPattern(checkLength(input.Description, at('Description'), 0, 2048), at('Description'), DESCRIPTION_PATTERN, 'printable text');
	for (const criterion of checkMaxItems(input.MatchCriteria ?? [], at('MatchCriteria'), 10)) checkConnectionName(criterion, at('MatchCriteria'));
	const properties = input.ConnectionProperties ?? {};
	checkMap(properties, at('ConnectionProperties'), 100);
	for (const [key, value] of Object.entries(properties)) {
		if (hasUrlCredentials(value)) fail(at(`ConnectionProperties.${key}`), 'must not contain a password: use the credential fields');
	}
	checkMap(input.SparkProperties, at('SparkProperties'));
	checkMap(input.AthenaProperties, at('AthenaProperties'));
	checkMap(input.PythonProperties, at('PythonProperties'));
	checkMap(tags, at('Tags'), 50);
	const network = input.PhysicalConnectionRequirements;
	if (network?.SubnetId) checkPattern(network.SubnetId, at('PhysicalConnectionRequirements.SubnetId'), /^subnet-[0-9a-f]+$/, 'a subnet ID such as subnet-0123456789abcdef0');
	for (const id of checkMaxItems(network?.SecurityGroupIdList ?? [], at('PhysicalConnectionRequirements.SecurityGroupIdList'), 50)) {
		checkPattern(id, at('PhysicalConnectionRequirements.SecurityGroupIdList'), /^sg-[0-9a-f]+$/, 'security group IDs such as sg-0123456789abcdef0');
	}
	if (network?.AvailabilityZone) {
		checkPattern(network.AvailabilityZone, at('PhysicalConnectionRequirements.AvailabilityZone'), /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/, 'an Availability Zone such as eu-west-1a');
	}
	checkAuthentication(input, at);
	findConnectionTypeForm(type)?.checkRequest?.(input, at, saved);
}
