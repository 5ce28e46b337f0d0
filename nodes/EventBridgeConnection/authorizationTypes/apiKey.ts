import { authValue, omitSecret, onlySet, requiredAuthValue } from '../common/values';
import type { AuthorizationType } from './types';

const show = { show: { authorizationType: ['API_KEY'] } };

/** A header name and value that EventBridge adds to every call. */
export const apiKey: AuthorizationType = {
	value: 'API_KEY',
	name: 'API Key',
	description: 'A header name and value, such as x-api-key',
	fields: [
		{
			displayName: 'API Key Header Name',
			name: 'keyHeaderName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. x-api-key',
			description: 'The name of the header that carries the key',
			displayOptions: show,
		},
		{
			displayName: 'API Key Value',
			name: 'apiKeyValue',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: show,
		},
	],
	toCreate: (bag) => ({
		ApiKeyAuthParameters: {
			ApiKeyName: requiredAuthValue(bag.keyHeaderName, 'API Key Header Name'),
			ApiKeyValue: requiredAuthValue(bag.apiKeyValue, 'API Key Value', true),
		},
	}),
	toUpdate: (bag) =>
		onlySet('ApiKeyAuthParameters', {
			ApiKeyName: authValue(bag.keyHeaderName, 'API Key Header Name'),
			ApiKeyValue: authValue(bag.apiKeyValue, 'API Key Value', true),
		}),
	withoutSecrets: (auth) => omitSecret(auth, 'ApiKeyAuthParameters', 'ApiKeyValue'),
};
