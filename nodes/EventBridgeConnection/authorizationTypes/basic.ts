import { namedSecretType } from './namedSecret';

/** A username and password that EventBridge sends as an HTTP Basic Authorization header. */
export const basic = namedSecretType({
	value: 'BASIC',
	name: 'Basic',
	description: 'Username and password (HTTP Basic authentication)',
	section: 'BasicAuthParameters',
	identity: {
		member: 'Username',
		field: { displayName: 'Username', name: 'basicUsername', type: 'string', default: '', required: true },
	},
	secret: {
		member: 'Password',
		field: { displayName: 'Password', name: 'basicPassword', type: 'string', typeOptions: { password: true }, default: '', required: true },
	},
});
