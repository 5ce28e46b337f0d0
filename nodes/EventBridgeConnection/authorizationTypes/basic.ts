import { authValue, omitSecret, onlySet, requiredAuthValue } from '../common/values';
import type { AuthorizationType } from './types';

const show = { show: { authorizationType: ['BASIC'] } };

/** A username and password that EventBridge sends as an HTTP Basic Authorization header. */
export const basic: AuthorizationType = {
	value: 'BASIC',
	name: 'Basic',
	description: 'Username and password (HTTP Basic authentication)',
	fields: [
		{ displayName: 'Username', name: 'basicUsername', type: 'string', default: '', required: true, displayOptions: show },
		{
			displayName: 'Password',
			name: 'basicPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: show,
		},
	],
	toCreate: (bag) => ({
		BasicAuthParameters: {
			Username: requiredAuthValue(bag.basicUsername, 'Username'),
			Password: requiredAuthValue(bag.basicPassword, 'Password', true),
		},
	}),
	toUpdate: (bag) =>
		onlySet('BasicAuthParameters', {
			Username: authValue(bag.basicUsername, 'Username'),
			Password: authValue(bag.basicPassword, 'Password', true),
		}),
	withoutSecrets: (auth) => omitSecret(auth, 'BasicAuthParameters', 'Password'),
};
