/**
 * MONGODB: a MongoDB or Amazon DocumentDB database.
 *
 * AWS: "Required: CONNECTION_URL. Required: All of (USERNAME, PASSWORD) or SECRET_ID."
 */
import type { INodeProperties } from 'n8n-workflow';

import { checkLength, checkPattern, fail, str } from '../../shared/validation';
import { checkCredentialProperties, CREDENTIAL_LABELS, credentialFields, credentialProperties } from './common';
import type { ConnectionTypeForm } from './types';

const fields: INodeProperties[] = [
	{
		displayName: 'Connection URL',
		name: 'mongodbConnectionUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. mongodb://docdb.cluster-abc123.eu-west-1.docdb.amazonaws.com:27017/sales',
		description: 'A mongodb:// or mongodb+srv:// URL, without credentials: they belong in the fields below',
	},
	...credentialFields('mongodb'),
];

export const mongodbForm: ConnectionTypeForm = {
	type: 'MONGODB',
	fields,
	toConnectionProperties: (bag) => ({
		CONNECTION_URL: str(bag.mongodbConnectionUrl),
		...credentialProperties(bag, 'mongodb'),
	}),
	labels: { 'ConnectionProperties.CONNECTION_URL': 'Connection URL', ...CREDENTIAL_LABELS },
	checkRequest(input, at) {
		const properties = input.ConnectionProperties ?? {};
		const field = at('ConnectionProperties.CONNECTION_URL');
		const url = checkLength(properties.CONNECTION_URL ?? fail(field, 'is required'), field, 11, 2048);
		checkPattern(url, field, /^mongodb(\+srv)?:\/\/[^\s/?#]+(\/\S*)?$/, 'a mongodb:// or mongodb+srv:// URL');
		// user:password@ in the URL would store the password in a property that Get shows.
		if (/^mongodb(\+srv)?:\/\/[^/]*@/.test(url)) fail(field, 'must not contain credentials: use the credential fields');
		checkCredentialProperties(input, at);
	},
};
