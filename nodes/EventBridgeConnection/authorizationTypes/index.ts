import type { INodeProperties } from 'n8n-workflow';

import { EVENTBRIDGE_AUTHORIZATION_TYPES } from '../../shared/sdkEnums.generated';
import { checkOneOf, required } from '../../shared/validation';
import { apiKey } from './apiKey';
import { basic } from './basic';
import { oauthClientCredentials } from './oauthClientCredentials';
import type { AuthorizationType, AuthorizationTypeValue } from './types';

/** The registry: one module per authorization type. A new type is one new file and one line here. */
export const authorizationTypes: Record<AuthorizationTypeValue, AuthorizationType> = {
	API_KEY: apiKey,
	BASIC: basic,
	OAUTH_CLIENT_CREDENTIALS: oauthClientCredentials,
};

const TYPE_FIELD = 'Authorization Type';
const choices = () =>
	EVENTBRIDGE_AUTHORIZATION_TYPES.map((value) => authorizationTypes[value]).map(({ name, value, description }) => ({
		name,
		value,
		description,
	}));

/** The module of a type; an unknown value is an input problem naming the field. */
export function authorizationTypeFor(value: unknown): AuthorizationType {
	return authorizationTypes[checkOneOf(required(value, TYPE_FIELD), TYPE_FIELD, EVENTBRIDGE_AUTHORIZATION_TYPES)];
}

/** What Update needs when it switches a connection to each type (AWS requires the whole new authorization). */
export const typeChangeHint = EVENTBRIDGE_AUTHORIZATION_TYPES.map((value) => {
	const type = authorizationTypes[value];
	const needed = type.fields.filter((field) => field.required).map((field) => field.displayName);
	return `${type.name}: ${needed.join(', ')}`;
}).join('; ');

const allTypeFields = EVENTBRIDGE_AUTHORIZATION_TYPES.flatMap((value) => authorizationTypes[value].fields);

/** On Update nothing is required, and a list defaults to "Keep Current" so its default is never sent. */
function optionalForUpdate(field: INodeProperties): INodeProperties {
	if (field.type !== 'options') return { ...field, required: false };
	const keep = { name: 'Keep Current', value: '' };
	return { ...field, required: false, default: '', options: [keep, ...(field.options ?? [])] };
}

/** Create and Create or Update: a type and its fields, the required ones required. */
export const authorizationFields: INodeProperties[] = [
	{
		displayName: TYPE_FIELD,
		name: 'authorizationType',
		type: 'options',
		default: 'BASIC',
		required: true,
		description: 'How EventBridge authorizes its calls to the API destination',
		options: choices(),
	},
	...allTypeFields,
];

/**
 * Update: the same fields, none required, and only for a type the user picks ("Keep Current"
 * leaves the authorization alone).
 */
export const authorizationUpdateFields: INodeProperties[] = [
	{
		displayName: TYPE_FIELD,
		name: 'authorizationType',
		type: 'options',
		default: '',
		description: "Pick the connection's type to change its authorization settings, or another type to switch",
		options: [{ name: 'Keep Current', value: '', description: 'Leave the authorization as it is' }, ...choices()],
	},
	{
		displayName: `Only the fields you fill are sent. Switching to another type needs all of its fields: ${typeChangeHint}.`,
		name: 'typeChangeNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { authorizationType: [''] } },
	},
	...allTypeFields.map(optionalForUpdate),
];
