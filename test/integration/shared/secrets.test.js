// Secrets by reference, in n8n's real engine against moto (Secrets Manager, Glue, EventBridge behind
// a recording proxy): the value read from Secrets Manager or from the AWS Connection Secret
// credential is what AWS receives, each secret is read once per execution, bad input stops before
// any AWS call (Secrets Manager included), and no secret reaches the node's output or its errors.
const sm = require('@aws-sdk/client-secrets-manager');
const glue = require('@aws-sdk/client-glue');
const { startMoto } = require('../../support/moto');
const { startRecordingProxy } = require('../../support/recordingProxy');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const API_KEY = 'sm-api-key-value-7f3a';
const DB_PASSWORD = 'sm-db-password-91c2';
const CREDENTIAL_PASSWORD = 'cred-db-password-4e8d';
const ALL_SECRETS = [API_KEY, DB_PASSWORD, CREDENTIAL_PASSWORD];

let moto;
let proxy;
let secrets;
let direct;
beforeAll(async () => {
	moto = await startMoto();
	proxy = await startRecordingProxy(moto.endpoint);
	const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
	secrets = new sm.SecretsManagerClient(config);
	direct = new glue.GlueClient(config);
}, 60000);
afterAll(async () => {
	secrets?.destroy();
	direct?.destroy();
	await proxy?.close();
	await moto?.stop();
});
let apiKeyArn;
beforeEach(async () => {
	await moto.reset();
	({ ARN: apiKeyArn } = await secrets.send(new sm.CreateSecretCommand({ Name: 'partner/api', SecretString: JSON.stringify({ apiKey: API_KEY, other: 'x' }) })));
	await secrets.send(new sm.CreateSecretCommand({ Name: 'glue/orders-db', SecretString: DB_PASSWORD }));
	proxy.clear();
});

const run = (node, parameters, options = {}) => runNode({ node, parameters, credentials: { ...moto.credentials, endpoint: proxy.endpoint }, ...options });
const bodies = (operation) => proxy.requests.filter((request) => request.operation.endsWith(`.${operation}`)).map((request) => request.body);
const count = (operation) => bodies(operation).length;
const expectNoSecretIn = (value) => {
	const text = JSON.stringify(value ?? null);
	for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
};
const apiKeyFromSecretsManager = (extra = {}) => ({
	operation: 'create',
	name: '={{ $json.name }}',
	authorizationType: 'API_KEY',
	keyHeaderName: 'x-api-key',
	secretSource: 'secretsManager',
	apiKeyValueFromSecretsManager: apiKeyArn,
	apiKeyValueFromSecretsManagerKey: 'apiKey',
	...extra,
});
const jdbc = (extra = {}) => ({
	operation: 'create',
	name: 'orders-db',
	connectionType: 'JDBC',
	jdbcConnectUsing: 'url',
	jdbcConnectionUrl: 'jdbc:postgresql://orders.example.com:5432/orders',
	jdbcUsername: 'etl',
	...extra,
});

test('EventBridge: the API key comes from a JSON secret, read once for three items; AWS receives the value', async () => {
	const { output, error } = await run(new EventBridgeConnection(), apiKeyFromSecretsManager(), { inputItems: [{ name: 'partner-a' }, { name: 'partner-b' }, { name: 'partner-c' }] });
	expect(error).toBeUndefined();
	expect(output.map((item) => item.json.action)).toEqual(['created', 'created', 'created']);
	expect(count('GetSecretValue')).toBe(1);
	expect(bodies('GetSecretValue')[0]).toEqual({ SecretId: apiKeyArn });
	expect(bodies('CreateConnection').map((body) => body.AuthParameters.ApiKeyAuthParameters)).toEqual(
		['partner-a', 'partner-b', 'partner-c'].map(() => ({ ApiKeyName: 'x-api-key', ApiKeyValue: API_KEY })),
	);
	expectNoSecretIn(output);
});

test('EventBridge: a secret invocation header from "name#key"; a plain header stays as typed', async () => {
	const { error } = await run(
		new EventBridgeConnection(),
		apiKeyFromSecretsManager({
			name: 'partner-rows',
			additionalFields: {
				invocationHeaders: {
					pairs: [
						{ key: 'x-partner-token', value: 'partner/api#apiKey', isValueSecret: true },
						{ key: 'x-tenant', value: 'acme', isValueSecret: false },
					],
				},
			},
		}),
	);
	expect(error).toBeUndefined();
	expect(count('GetSecretValue')).toBe(2); // the ARN and the name are two references to read
	const [create] = bodies('CreateConnection');
	expect(create.AuthParameters.InvocationHttpParameters.HeaderParameters).toEqual([
		{ Key: 'x-partner-token', Value: API_KEY, IsValueSecret: true },
		{ Key: 'x-tenant', Value: 'acme', IsValueSecret: false },
	]);
});

test('Glue: the JDBC password comes from a plain-text secret by name; moto stores the value', async () => {
	const { output, error } = await run(new GlueConnection(), jdbc({ secretSource: 'secretsManager', jdbcPasswordFromSecretsManager: 'glue/orders-db' }));
	expect(error).toBeUndefined();
	const { Connection } = await direct.send(new glue.GetConnectionCommand({ Name: 'orders-db', HidePassword: false }));
	expect(Connection.ConnectionProperties).toEqual({ JDBC_CONNECTION_URL: 'jdbc:postgresql://orders.example.com:5432/orders', USERNAME: 'etl', PASSWORD: DB_PASSWORD });
	expectNoSecretIn(output);
});

test('Glue: the JDBC password comes from the AWS Connection Secret credential; Secrets Manager is not called', async () => {
	const { output, error } = await run(new GlueConnection(), jdbc({ secretSource: 'credential', jdbcPasswordFromCredential: 'password' }), {
		extraCredentials: { awsConnectionSecretApi: { password: CREDENTIAL_PASSWORD, apiKey: '', clientSecret: '' } },
	});
	expect(error).toBeUndefined();
	expect(count('GetSecretValue')).toBe(0);
	expect(bodies('CreateConnection')[0].ConnectionInput.ConnectionProperties.PASSWORD).toBe(CREDENTIAL_PASSWORD);
	expectNoSecretIn(output);
});

test('the credential source without a credential: a clear error, nothing sent', async () => {
	const { error } = await run(new GlueConnection(), jdbc({ secretSource: 'credential', jdbcPasswordFromCredential: 'password' }));
	expect(error.message).toMatch(/Secret Values From: choose an AWS Connection Secret credential/);
	expect(count('CreateConnection')).toBe(0);
});

test('the credential holds no value for the field chosen: the field is named', async () => {
	const { error } = await run(new GlueConnection(), jdbc({ secretSource: 'credential', jdbcPasswordFromCredential: 'clientSecret' }), {
		extraCredentials: { awsConnectionSecretApi: { password: CREDENTIAL_PASSWORD, clientSecret: '' } },
	});
	expect(error.message).toBe('Password: Credential Field: the AWS Connection Secret credential has no Client Secret (item 0)');
	expect(count('CreateConnection')).toBe(0);
});

test('bad input elsewhere stops the item before any AWS call, Secrets Manager included', async () => {
	const { error } = await run(new GlueConnection(), jdbc({ jdbcConnectionUrl: 'postgresql://no-jdbc-prefix', secretSource: 'secretsManager', jdbcPasswordFromSecretsManager: 'glue/orders-db' }));
	expect(error.message).toMatch(/^JDBC URL: must be/);
	expect(proxy.operations).toEqual([]);
});

test('a missing secret is an AWS error naming the code, per item with Continue On Fail; nothing is created', async () => {
	const { output, error } = await run(new GlueConnection(), jdbc({ secretSource: 'secretsManager', jdbcPasswordFromSecretsManager: 'glue/no-such-secret' }), {
		continueOnFail: true,
		inputItems: [{}, {}],
	});
	expect(error).toBeUndefined();
	expect(output.map((item) => [item.pairedItem.item, item.json.error.split(':')[0]])).toEqual([
		[0, 'ResourceNotFoundException'],
		[1, 'ResourceNotFoundException'],
	]);
	expect(count('CreateConnection')).toBe(0);
});

test('a JSON key the secret does not have: the field is named, the secret is not echoed', async () => {
	const { error } = await run(new EventBridgeConnection(), apiKeyFromSecretsManager({ name: 'partner-x', apiKeyValueFromSecretsManagerKey: 'apikey' }));
	expect(error.message).toBe('API Key Value: Secret Name or ARN: the secret has no text value under the JSON key "apikey" (item 0)');
	expectNoSecretIn(error.message);
	expect(count('CreateConnection')).toBe(0);
});

describe("nothing secret in n8n's record of a failed run (resultData)", () => {
	const TYPED = 'typed-secret-in-node-5b7e';
	const recordOf = (run) => JSON.stringify(run.data.resultData);

	test('Glue, an AWS error (AlreadyExists): the error carries the node with its password masked', async () => {
		await direct.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'taken', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:mysql://h/d', USERNAME: 'u', PASSWORD: 'p' } } }));
		const { error, run: execution } = await run(new GlueConnection(), jdbc({ name: 'taken', jdbcPassword: TYPED }));
		expect(error.message).toMatch(/^AlreadyExistsException/);
		expect(execution.data.resultData.error.node.parameters.jdbcPassword).toBe('**hidden**');
		expect(execution.data.resultData.error.node.parameters.jdbcUsername).toBe('etl');
		expect(recordOf(execution)).not.toContain(TYPED);
	});

	test('EventBridge, an input error: the API key and a secret header row are masked', async () => {
		const { error, run: execution } = await run(new EventBridgeConnection(), {
			operation: 'create',
			name: 'bad name with spaces',
			authorizationType: 'API_KEY',
			keyHeaderName: 'x-api-key',
			apiKeyValue: TYPED,
			additionalFields: { invocationHeaders: { pairs: [{ key: 'x-token', value: `${TYPED}-row`, isValueSecret: true }] } },
		});
		expect(error.message).toMatch(/^Name: /);
		expect(execution.data.resultData.error.node.parameters.apiKeyValue).toBe('**hidden**');
		expect(recordOf(execution)).not.toContain(TYPED);
		expect(proxy.operations).toEqual([]);
	});

});
