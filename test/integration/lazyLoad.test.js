// n8n requires every node file at start-up: the built node files must not evaluate the AWS SDK
// until they run. Checked on dist/ (the published files) in a fresh Node process.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startMoto } = require('../support/moto');

const root = path.join(__dirname, '..', '..');
const nodes = {
	GlueConnection: { file: 'dist/nodes/GlueConnection/GlueConnection.node.js', sdk: 'client-glue', operation: { operation: 'getMany', returnAll: true, hidePassword: true } },
	EventBridgeConnection: { file: 'dist/nodes/EventBridgeConnection/EventBridgeConnection.node.js', sdk: 'client-eventbridge', operation: { operation: 'getMany', returnAll: true } },
};

let moto;
beforeAll(async () => (moto = await startMoto()), 60000);
afterAll(async () => await moto?.stop());

const probe = `
const [file, className, parameters, credentials] = process.argv.slice(1);
const vendored = () => Object.keys(require.cache).filter((key) => key.includes('/dist/vendor/')).map((key) => key.split('/').pop());
const { runNode } = require(${JSON.stringify(path.join(root, 'test/support/engine.js'))});
const NodeClass = require(file)[className];
const afterLoad = vendored();
runNode({ node: new NodeClass(), parameters: JSON.parse(parameters), credentials: JSON.parse(credentials) }).then(({ error, output }) => {
	console.log(JSON.stringify({ afterLoad, afterRun: vendored(), error: error && error.message, items: output && output.length }));
});
`;

function probeRun(file, className, operation, credentials, env = {}) {
	const built = path.join(root, file);
	if (!fs.existsSync(built)) throw new Error(`${file} is missing: run \`npm run build\` first`);
	const stdout = execFileSync(process.execPath, ['-e', probe, built, className, JSON.stringify(operation), JSON.stringify(credentials)], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, N8N_LOG_LEVEL: 'silent', ...env },
	});
	return JSON.parse(stdout.trim().split('\n').pop());
}

test.each(Object.entries(nodes))('%s: loading does not evaluate the SDK, running does', (className, { file, sdk, operation }) => {
	const result = probeRun(file, className, operation, moto.credentials);
	expect(result.afterLoad).toEqual([]);
	expect(result.error).toBeUndefined();
	expect(result.afterRun).toContain(`${sdk}.js`);
	// Access keys need no credential provider: that bundle stays unloaded.
	expect(result.afterRun).not.toContain('credential-providers.js');
	// Secrets Manager is loaded only when a secret is read from it.
	expect(result.afterRun).not.toContain('client-secrets-manager.js');
});

test('the credential providers are loaded only when a node runs with the host\'s credentials', () => {
	const { file, operation } = nodes.GlueConnection;
	const result = probeRun(
		file,
		'GlueConnection',
		operation,
		{ region: 'us-east-1', authentication: 'host', endpoint: moto.endpoint },
		{ N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED: 'true', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
	);
	expect(result.afterLoad).toEqual([]);
	expect(result.error).toBeUndefined();
	expect(result.afterRun).toEqual(expect.arrayContaining(['client-glue.js', 'credential-providers.js']));
});

test('the Secrets Manager client is loaded on the first secret read from it, not before', async () => {
	const sm = require('@aws-sdk/client-secrets-manager');
	const client = new sm.SecretsManagerClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	await client.send(new sm.CreateSecretCommand({ Name: 'lazy/api-key', SecretString: 'lazy-key-value' })).finally(() => client.destroy());
	const parameters = {
		operation: 'create',
		name: 'lazy-partner',
		authorizationType: 'API_KEY',
		keyHeaderName: 'x-api-key',
		secretSource: 'secretsManager',
		apiKeyValueFromSecretsManager: 'lazy/api-key',
	};
	const result = probeRun(nodes.EventBridgeConnection.file, 'EventBridgeConnection', parameters, moto.credentials);
	expect(result.afterLoad).toEqual([]);
	expect(result.error).toBeUndefined();
	expect(result.afterRun).toEqual(expect.arrayContaining(['client-eventbridge.js', 'client-secrets-manager.js']));
});
