// The shared "secret source" builder and the pure half of its resolver: which references an item's
// parameters hold, how their values are put in place, how a JSON secret is read, and what the
// editor shows (decided by n8n-workflow's own display rules on the built descriptions).
const { NodeHelpers } = require('n8n-workflow');
const {
	secretField,
	secretReferences,
	secretSourceField,
	secretValueFrom,
	withSecretValues,
} = require('../../../nodes/shared/secrets');
const { InputProblem } = require('../../../nodes/shared/validation');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const SECRET = 'S3cret-marker-never-echoed';
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders-db-AbCdEf';
const problem = (run) => {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InputProblem);
		expect(error.message).not.toContain(SECRET);
		return error;
	}
	throw new Error('expected an InputProblem');
};

describe('secretField: one field becomes its variants for the three sources', () => {
	const field = { displayName: 'Password', name: 'dbPassword', type: 'string', typeOptions: { password: true }, default: '', displayOptions: { show: { mode: ['a'] } } };
	const fields = secretField(field);

	test('names, and each keeps the field’s own display conditions', () => {
		expect(fields.map((f) => f.name)).toEqual(['dbPassword', 'dbPasswordStoredInWorkflowNotice', 'dbPasswordFromSecretsManager', 'dbPasswordFromSecretsManagerKey', 'dbPasswordFromCredential']);
		for (const f of fields) expect(f.displayOptions.show.mode).toEqual(['a']);
		expect(fields[0].typeOptions).toEqual({ password: true });
		expect(fields[4].default).toBe('password');
	});

	const description = { properties: [secretSourceField({}), ...fields] };
	const shown = (values) => {
		const all = NodeHelpers.getNodeParameters(description.properties, { mode: 'a', ...values }, true, false, { typeVersion: 1 }, description);
		return description.properties.filter((p) => p.name !== 'secretSource' && NodeHelpers.displayParameter(all, p, { typeVersion: 1 }, description)).map((p) => p.name);
	};
	const withMode = { properties: [{ displayName: 'Mode', name: 'mode', type: 'options', default: 'a', options: [{ name: 'A', value: 'a' }] }, ...description.properties] };
	description.properties = withMode.properties;

	test('typed in the node: the field, and the unencrypted-storage notice only while it holds literal text', () => {
		expect(shown({ secretSource: 'node', dbPassword: '' })).toEqual(['mode', 'dbPassword']);
		expect(shown({ secretSource: 'node', dbPassword: SECRET })).toEqual(['mode', 'dbPassword', 'dbPasswordStoredInWorkflowNotice']);
		expect(shown({ secretSource: 'node', dbPassword: '={{ $json.password }}' })).toEqual(['mode', 'dbPassword']);
	});

	test('Secrets Manager: secret and JSON key; credential: the credential field', () => {
		expect(shown({ secretSource: 'secretsManager' })).toEqual(['mode', 'dbPasswordFromSecretsManager', 'dbPasswordFromSecretsManagerKey']);
		expect(shown({ secretSource: 'credential' })).toEqual(['mode', 'dbPasswordFromCredential']);
	});
});

// Field names in messages are the labels the user sees (from the secret model's declarations).
describe('secretReferences (pure)', () => {
	test('typed in the node (the default): no references, whatever else is filled', () => {
		expect(secretReferences({ jdbcPasswordFromSecretsManager: ARN })).toEqual([]);
		expect(secretReferences({ secretSource: 'node', jdbcPasswordFromSecretsManager: ARN })).toEqual([]);
	});

	test('Secrets Manager: each named secret with its JSON key; empty ones are not references', () => {
		expect(
			secretReferences({
				secretSource: 'secretsManager',
				jdbcPasswordFromSecretsManager: ARN,
				jdbcPasswordFromSecretsManagerKey: 'password',
				oauthClientSecretFromSecretsManager: ' prod/oauth ',
				apiKeyValueFromSecretsManager: '',
			}),
		).toEqual([
			{ field: 'Password: Secret Name or ARN', path: ['jdbcPassword'], source: 'secretsManager', secretId: ARN, jsonKey: 'password' },
			{ field: 'Client Secret: Secret Name or ARN', path: ['oauthClientSecret'], source: 'secretsManager', secretId: 'prod/oauth', jsonKey: undefined },
		]);
	});

	test('Secrets Manager: rows marked secret, and every row of an all-secret collection, hold "name#key"; unmarked rows are values', () => {
		const bag = {
			secretSource: 'secretsManager',
			additionalFields: {
				invocationHeaders: {
					pairs: [
						{ key: 'X-Token', value: 'partner/api#token', isValueSecret: true },
						{ key: 'X-Plain', value: 'not-a-reference', isValueSecret: false },
					],
				},
			},
			authCustomCredentials: { pairs: [{ key: 'token', value: ARN }] },
		};
		expect(secretReferences(bag)).toEqual([
			{ field: 'Secret row "token"', path: ['authCustomCredentials', 'pairs', 0, 'value'], source: 'secretsManager', secretId: ARN, jsonKey: undefined },
			{ field: 'Secret row "X-Token"', path: ['additionalFields', 'invocationHeaders', 'pairs', 0, 'value'], source: 'secretsManager', secretId: 'partner/api', jsonKey: 'token' },
		]);
	});

	test('a described type\'s Secret Connection Properties rows are references too, whatever their key', () => {
		const bag = { secretSource: 'credential', describedSecretProperties: { pairs: [{ key: 'A_NEW_SECRET_PROPERTY', value: 'apiKey' }] } };
		expect(secretReferences(bag).map(({ path, member }) => [path.join('.'), member])).toEqual([['describedSecretProperties.pairs.0.value', 'apiKey']]);
	});

	test('credential: each field takes the credential field chosen; rows name one', () => {
		const bag = { secretSource: 'credential', apiKeyValueFromCredential: 'apiKey', additionalFields: { invocationBody: { pairs: [{ key: 'secret', value: 'clientSecret', isValueSecret: true }] } } };
		expect(secretReferences(bag).map(({ path, member }) => [path.join('.'), member])).toEqual([
			['apiKeyValue', 'apiKey'],
			['additionalFields.invocationBody.pairs.0.value', 'clientSecret'],
		]);
	});

	test.each([
		['a secret name with a space', { secretSource: 'secretsManager', jdbcPasswordFromSecretsManager: 'my secret' }, 'Password: Secret Name or ARN'],
		['an ARN of another service', { secretSource: 'secretsManager', jdbcPasswordFromSecretsManager: 'arn:aws:kms:eu-west-1:123456789012:key/abc' }, 'Password: Secret Name or ARN'],
		['a secret row that names no secret', { secretSource: 'secretsManager', oauthOptions: { oauthHeaders: { pairs: [{ key: 'X', value: '#key', isValueSecret: true }] } } }, 'Secret row "X"'],
		['a credential field that does not exist', { secretSource: 'credential', jdbcPasswordFromCredential: 'token' }, 'Password: Credential Field'],
		['a secret typed in a row under the credential source', { secretSource: 'credential', authCustomCredentials: { pairs: [{ key: 'X', value: SECRET }] } }, 'Secret row "X"'],
		['an unknown source', { secretSource: 'vault' }, 'Secret Values From'],
	])('refuses %s, naming the field', (_, bag, field) => {
		expect(problem(() => secretReferences(bag)).field).toBe(field);
	});
});

test('withSecretValues puts each value at its path in a copy', () => {
	const bag = { secretSource: 'secretsManager', jdbcPasswordFromSecretsManager: 'x', authCustomCredentials: { pairs: [{ key: 'k', value: 'ref' }] } };
	const references = secretReferences(bag);
	const resolved = withSecretValues(bag, references, ['pw-1', 'row-1']);
	expect(resolved.jdbcPassword).toBe('pw-1');
	expect(resolved.authCustomCredentials.pairs[0].value).toBe('row-1');
	expect(bag.authCustomCredentials.pairs[0].value).toBe('ref');
});

describe('secretValueFrom (pure)', () => {
	test('a plain-text secret as it is; a JSON secret by key (numbers and booleans as text)', () => {
		expect(secretValueFrom(` ${SECRET} `, undefined, 'f')).toBe(` ${SECRET} `);
		expect(secretValueFrom(JSON.stringify({ username: 'etl', password: SECRET, port: 5432 }), 'password', 'f')).toBe(SECRET);
		expect(secretValueFrom(JSON.stringify({ port: 5432 }), 'port', 'f')).toBe('5432');
	});

	test.each([
		['a JSON key on a plain-text secret', SECRET, 'password'],
		['a key the JSON does not have', JSON.stringify({ username: SECRET }), 'password'],
		['a key whose value is an object', JSON.stringify({ password: { nested: SECRET } }), 'password'],
	])('refuses %s without echoing the secret', (_, secret, key) => {
		expect(problem(() => secretValueFrom(secret, key, 'Password: JSON Key')).field).toBe('Password: JSON Key');
	});
});

describe('both nodes', () => {
	test.each([
		['Glue', new GlueConnection().description, { operation: 'create', connectionType: 'JDBC' }],
		['EventBridge', new EventBridgeConnection().description, { operation: 'create', authorizationType: 'API_KEY' }],
	])('%s: the AWS Connection Secret credential is shown only for that source', (_, description, chosen) => {
		const secretCredential = description.credentials.find((credential) => credential.name === 'awsConnectionSecretApi');
		expect(secretCredential.required).toBe(false);
		const shownWith = (secretSource) => {
			const values = NodeHelpers.getNodeParameters(description.properties, { ...chosen, secretSource }, true, false, { typeVersion: 1 }, description);
			return NodeHelpers.displayParameter(values, secretCredential, { typeVersion: 1 }, description);
		};
		expect(shownWith('credential')).toBe(true);
		expect(shownWith('node')).toBe(false);
		expect(shownWith('secretsManager')).toBe(false);
	});

	test('every secret field of both nodes has its variants (a password field without them would be a field the design missed)', () => {
		const names = (properties) =>
			properties.flatMap((p) => [p, ...(p.options ?? []).flatMap((o) => o.values ?? [o])]).filter((p) => p.typeOptions?.password === true).map((p) => p.name);
		for (const { properties } of [new GlueConnection().description, new EventBridgeConnection().description]) {
			const all = new Set(properties.map((p) => p.name));
			// Key/value rows (Value of Custom Credentials) are resolved row by row instead.
			for (const name of names(properties).filter((n) => n !== 'value')) expect(all).toContain(`${name}FromSecretsManager`);
		}
	});
});
