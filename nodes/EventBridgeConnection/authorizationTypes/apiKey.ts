import { namedSecretType } from './namedSecret';

/** A header name and value that EventBridge adds to every call. */
export const apiKey = namedSecretType({
	value: 'API_KEY',
	name: 'API Key',
	description: 'A header name and value, such as x-api-key',
	section: 'ApiKeyAuthParameters',
	identity: {
		member: 'ApiKeyName',
		field: {
			displayName: 'API Key Header Name',
			name: 'keyHeaderName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. x-api-key',
			description: 'The name of the header that carries the key',
		},
	},
	secret: {
		member: 'ApiKeyValue',
		field: { displayName: 'API Key Value', name: 'apiKeyValue', type: 'string', typeOptions: { password: true }, default: '', required: true },
	},
});
