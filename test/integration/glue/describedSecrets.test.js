// A secret no file of this package names: the test registers a connection type whose description
// (DescribeConnectionType) marks a new property SECRET, then proves, in n8n's real engine against
// the emulator, that the secret model treats it as a secret at run time: its value is resolved
// from Secrets Manager or the AWS Connection Secret credential, it is masked in the node copy an
// error carries, Create or Update never compares it (the emulator hides it like AWS with
// HidePassword), and a create whose answer was lost is still reported created.
const glue = require('@aws-sdk/client-glue');
const sm = require('@aws-sdk/client-secrets-manager');
const { startMoto } = require('../../support/moto');
const { startFaultProxy } = require('../../support/faultProxy');
const { compressTime } = require('../../support/fastClock');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const TYPE = 'REST-VAULTED';
const PROPERTY = 'VAULT_SESSION_SEAL';
const FROM_SECRETS_MANAGER = 'sm-seal-3b9e-never-shown';
const FROM_CREDENTIAL = 'cred-seal-77d1-never-shown';
const TYPED = 'typed-seal-c0de-never-shown';
const ALL = [FROM_SECRETS_MANAGER, FROM_CREDENTIAL, TYPED];

let moto;
let direct;
let secrets;
beforeAll(async () => {
	moto = await startMoto();
	const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
	direct = new glue.GlueClient(config);
	secrets = new sm.SecretsManagerClient(config);
}, 60000);
afterAll(async () => {
	direct?.destroy();
	secrets?.destroy();
	await moto?.stop();
});
beforeEach(async () => {
	await moto.reset();
	await direct.send(
		new glue.RegisterConnectionTypeCommand({
			ConnectionType: TYPE,
			IntegrationType: 'REST',
			ConnectionProperties: {
				Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' },
				AdditionalRequestParameters: [{ Name: PROPERTY, Required: true, PropertyType: 'SECRET', PropertyLocation: 'HEADER' }],
			},
			ConnectorAuthenticationConfiguration: { AuthenticationTypes: ['CUSTOM'] },
			RestConfiguration: { GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: '/items', ResponseConfiguration: { ResultPath: '$.items' } } },
		}),
	);
	await secrets.send(new sm.CreateSecretCommand({ Name: 'vault/seal', SecretString: JSON.stringify({ seal: FROM_SECRETS_MANAGER }) }));
});

const credential = { awsConnectionSecretApi: { password: '', apiKey: FROM_CREDENTIAL, clientSecret: '' } };
const run = (parameters, options = {}) => runNode({ node: new GlueConnection(), parameters, credentials: moto.credentials, ...options });
const definition = (name, secretRow, extra = {}) => ({
	name,
	connectionType: TYPE,
	connectionProperties: { mappingMode: 'defineBelow', value: { INSTANCE_URL: 'https://vault.example.com' }, matchingColumns: [], schema: [] },
	describedSecretProperties: { pairs: [{ key: PROPERTY, value: secretRow }] },
	...extra,
});
const stored = async (name, HidePassword) => (await direct.send(new glue.GetConnectionCommand({ Name: name, HidePassword }))).Connection.ConnectionProperties;
const expectNoSecretIn = (value) => {
	const text = JSON.stringify(value ?? null);
	for (const secret of ALL) expect(text).not.toContain(secret);
};

test('the emulator describes the new property as SECRET and hides it with HidePassword, as AWS does', async () => {
	const described = await direct.send(new glue.DescribeConnectionTypeCommand({ ConnectionType: TYPE }));
	expect(described.ConnectionProperties[PROPERTY].PropertyTypes).toEqual(['SECRET']);
	await direct.send(
		new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'raw', ConnectionType: TYPE, ConnectionProperties: { INSTANCE_URL: 'https://x', [PROPERTY]: TYPED } } }),
	);
	expect(await stored('raw', true)).toEqual({ INSTANCE_URL: 'https://x' });
	expect(await stored('raw', false)).toEqual({ INSTANCE_URL: 'https://x', [PROPERTY]: TYPED });
});

test('resolved from Secrets Manager (Create) and from the credential (Create or Update); never compared; never in the output', async () => {
	const created = await run({ operation: 'create', ...definition('vault', 'vault/seal#seal', { secretSource: 'secretsManager' }) });
	expect(created.error).toBeUndefined();
	expect(await stored('vault', false)).toEqual({ INSTANCE_URL: 'https://vault.example.com', [PROPERTY]: FROM_SECRETS_MANAGER });

	// Another value of only the secret: AWS cannot show it, so Create or Update sees nothing to change.
	const upsert = definition('vault', 'apiKey', { secretSource: 'credential' });
	const unchanged = await run({ operation: 'createOrUpdate', ...upsert }, { extraCredentials: credential });
	expect(unchanged.error).toBeUndefined();
	expect(unchanged.output[0].json).toMatchObject({ action: 'unchanged', changed: false, differences: [] });
	expect(await stored('vault', false)).toMatchObject({ [PROPERTY]: FROM_SECRETS_MANAGER });

	// With "Update When Secrets Are Given" it carries a secret, so it is written: the credential's value.
	const rotated = await run({ operation: 'createOrUpdate', ...upsert, options: { updateWhenSecretsGiven: true } }, { extraCredentials: credential });
	expect(rotated.output[0].json).toMatchObject({ action: 'updated', differences: ['(secrets)'] });
	expect(await stored('vault', false)).toMatchObject({ [PROPERTY]: FROM_CREDENTIAL });

	const got = await run({ operation: 'get', connection: { __rl: true, mode: 'name', value: 'vault' } });
	expect(got.output[0].json.ConnectionProperties).toEqual({ INSTANCE_URL: 'https://vault.example.com' });
	expectNoSecretIn([created.output, unchanged.output, rotated.output, got.output]);
});

test('typed, it is masked in the node copy an error carries (AlreadyExists), and the error names no secret', async () => {
	await run({ operation: 'create', ...definition('taken', TYPED) });
	const { error } = await run({ operation: 'create', ...definition('taken', TYPED) });
	expect(error.message).toMatch(/^AlreadyExistsException: /);
	expect(error.node.parameters.describedSecretProperties.pairs[0]).toEqual({ key: PROPERTY, value: '**hidden**' });
	expectNoSecretIn({ message: error.message, description: error.description, node: error.node });
});

test('a create whose answer was lost, retried and told AlreadyExists, is reported created: the read-back knows the SECRET property', async () => {
	const proxy = await startFaultProxy({ target: moto.endpoint, seed: 15, applies: (operation) => operation === 'CreateConnection', script: ['lostAnswer'] });
	const restoreClock = compressTime(50);
	let result;
	try {
		// The longest Request Timeout: the fast clock shortens it too.
		const parameters = { operation: 'create', ...definition('lost', TYPED), options: { requestTimeout: 3600 } };
		result = await run(parameters, { credentials: { ...moto.credentials, endpoint: proxy.endpoint } });
	} finally {
		restoreClock();
		await proxy.stop();
	}
	expect(result.error).toBeUndefined();
	expect(result.output[0].json).toMatchObject({ name: 'lost', action: 'created', changed: true });
	expect(proxy.stats.lostAnswer).toBe(1);
	expect(proxy.stats.byOperation.CreateConnection.forwarded).toBe(2);
	expect(await stored('lost', false)).toEqual({ INSTANCE_URL: 'https://vault.example.com', [PROPERTY]: TYPED });
	expectNoSecretIn(result.output);
});
