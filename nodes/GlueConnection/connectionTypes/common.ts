/**
 * Building blocks shared by the connection type forms: value readers that accept what n8n hands
 * over when a field holds an expression (booleans and numbers as strings), S3 URL and class name
 * checks, and the "username and password, or a Secrets Manager secret" credentials block used by
 * JDBC, MONGODB and the connector types.
 */
import type { ConnectionInput } from '@aws-sdk/client-glue';
import type { INodeProperties } from 'n8n-workflow';

import { secretField } from '../../shared/secrets';
import { checkLength, checkPattern, checkSecretId, fail, str } from '../../shared/validation';
import type { Label, ParameterBag } from './types';

/** ConnectionProperties from a map whose unset entries are undefined or '' (they are left out). */
export function definedProperties(map: Record<string, string | undefined>): Record<string, string> {
	return Object.fromEntries(Object.entries(map).filter((entry): entry is [string, string] => !!entry[1]));
}

/** true for true and 'true' (any case), false for everything else. */
export function bool(value: unknown): boolean {
	return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** A secret as typed: not trimmed (spaces may belong to it), numbers from expressions kept. */
export function secretValue(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return '';
}

const S3_URL = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/\S+$/;

/** An s3://bucket/key URL. */
export function checkS3Url(value: string, field: string): string {
	return checkPattern(value, field, S3_URL, 'an S3 URL such as s3://my-bucket/path/file');
}

const JAVA_CLASS = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export function checkJavaClassName(value: string, field: string): string {
	return checkPattern(value, field, JAVA_CLASS, 'a Java class name such as org.postgresql.Driver');
}

const NO_SPACE = /^\S+$/;

export function checkNoSpace(value: string, field: string, expected = 'without spaces'): string {
	return checkPattern(value, field, NO_SPACE, expected);
}

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

export const CREDENTIALS_USERNAME_PASSWORD = 'usernamePassword';
export const CREDENTIALS_SECRET = 'secret';
export const CREDENTIALS_FROM_AUTHENTICATION = 'authentication';

/**
 * The credentials block: a "Credentials" choice and the fields of each choice. Field names are
 * `${prefix}Credentials`, `${prefix}Username`, `${prefix}Password`, `${prefix}SecretId`; `show`
 * adds the form's own conditions (e.g. only for Jdbc connectors).
 */
export function credentialFields(prefix: string, options: { show?: Show; fromAuthentication?: boolean } = {}): INodeProperties[] {
	const choice = `${prefix}Credentials`;
	const when = (value: string) => ({ show: { ...options.show, [choice]: [value] } });
	return [
		{
			displayName: 'Credentials',
			name: choice,
			type: 'options',
			default: CREDENTIALS_USERNAME_PASSWORD,
			description: 'How AWS Glue signs in to the data store',
			// The secret first: AWS Glue reads it itself, so neither n8n nor the workflow ever holds the password.
			options: [
				{
					name: 'Secrets Manager Secret (Read by AWS Glue)',
					value: CREDENTIALS_SECRET,
					description: 'Recommended: a secret that holds "username" and "password"; only its name is sent (SECRET_ID)',
				},
				{ name: 'Username and Password', value: CREDENTIALS_USERNAME_PASSWORD, description: 'Sent to AWS Glue, which stores them' },
				...(options.fromAuthentication
					? [{ name: 'From Authentication Type', value: CREDENTIALS_FROM_AUTHENTICATION, description: 'The Authentication Type below supplies them' }]
					: []),
			],
			...(options.show ? { displayOptions: { show: options.show } } : {}),
		},
		{
			displayName: 'Username',
			name: `${prefix}Username`,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. glue_etl',
			displayOptions: when(CREDENTIALS_USERNAME_PASSWORD),
		},
		...secretField({
			displayName: 'Password',
			name: `${prefix}Password`,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: when(CREDENTIALS_USERNAME_PASSWORD),
		}),
		{
			displayName: 'Secret ID',
			name: `${prefix}SecretId`,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. glue/sales-db',
			description: 'The name or ARN of the Secrets Manager secret',
			displayOptions: when(CREDENTIALS_SECRET),
		},
	];
}

/** USERNAME + PASSWORD or SECRET_ID from a credentials block (nothing for "From Authentication Type"); checkCredentialProperties judges them. */
export function credentialProperties(bag: ParameterBag, prefix: string, fromAuthentication = false): Record<string, string> {
	const choice = str(bag[`${prefix}Credentials`]) || CREDENTIALS_USERNAME_PASSWORD;
	if (choice === CREDENTIALS_SECRET) return { SECRET_ID: str(bag[`${prefix}SecretId`]) };
	if (choice === CREDENTIALS_FROM_AUTHENTICATION && fromAuthentication) return {};
	if (choice !== CREDENTIALS_USERNAME_PASSWORD) fail('Credentials', 'must be one of the listed choices');
	return { USERNAME: str(bag[`${prefix}Username`]), PASSWORD: secretValue(bag[`${prefix}Password`]) };
}

/** The form's labels of the credentials block's properties. */
export const CREDENTIAL_LABELS: Record<string, string> = {
	'ConnectionProperties.USERNAME': 'Username',
	'ConnectionProperties.PASSWORD': 'Password',
	'ConnectionProperties.SECRET_ID': 'Secret ID',
};

/**
 * The request's rules for USERNAME, PASSWORD and SECRET_ID, whoever set them: AWS requires USERNAME
 * and PASSWORD or SECRET_ID (JDBC, MONGODB, JDBC connectors); for JDBC (`orAuthentication`) an
 * Authentication Type may supply them instead.
 */
export function checkCredentialProperties(input: Partial<ConnectionInput>, at: Label, orAuthentication = false) {
	const { USERNAME: username, PASSWORD: password, SECRET_ID: secretId } = input.ConnectionProperties ?? {};
	if (secretId !== undefined) checkSecretId(secretId, at('ConnectionProperties.SECRET_ID'));
	if (username === undefined && password === undefined) {
		if (secretId !== undefined || (orAuthentication && input.AuthenticationConfiguration?.AuthenticationType)) return;
		if (orAuthentication) fail(at('AuthenticationConfiguration.AuthenticationType'), 'is required without a Username and Password or a Secret ID');
	}
	checkNoSpace(checkLength(username ?? '', at('ConnectionProperties.USERNAME'), 1, 512), at('ConnectionProperties.USERNAME'));
	checkLength(password ?? '', at('ConnectionProperties.PASSWORD'), 1, 1024);
}

/** A type's rules for its ConnectionProperties values, by key: each runs when its key is set (whoever set it). */
export function checkPropertyValues(properties: Record<string, string>, at: Label, rules: Record<string, (value: string, field: string) => unknown>) {
	for (const [key, rule] of Object.entries(rules)) if (properties[key] !== undefined) rule(properties[key], at(`ConnectionProperties.${key}`));
}

/** A property that only makes sense with another: e.g. SKIP_CUSTOM_JDBC_CERT_VALIDATION with CUSTOM_JDBC_CERT. */
export function checkNeeds(properties: Record<string, string>, at: Label, key: string, needed: string, problem: string) {
	const value = properties[key];
	if (value !== undefined && value !== '' && value.toLowerCase() !== 'false' && !properties[needed]) fail(at(`ConnectionProperties.${key}`), problem);
}
