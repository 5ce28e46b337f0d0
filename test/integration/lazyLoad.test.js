// n8n requires every node file at start-up: the built node files must not evaluate the AWS SDK,
// nor hold the operation code, until they run. Checked on dist/ (the published files) in a fresh
// Node process.
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
const vendored = () =>
	Object.keys(require.cache)
		.filter((key) => key.includes('/dist/vendor/') || key.endsWith('.execute.js'))
		.map((key) => key.split('/').pop());
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

test.each(Object.entries(nodes))('%s: loading evaluates neither the SDK nor the operation code, running does', (className, { file, sdk, operation }) => {
	const result = probeRun(file, className, operation, moto.credentials);
	expect(result.afterLoad).toEqual([]);
	expect(result.error).toBeUndefined();
	expect(result.afterRun).toContain(`${sdk}.js`);
	expect(result.afterRun).toContain(`${className}.execute.js`);
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
		{ region: 'us-east-1', authentication: 'host', roleArn: 'arn:aws:iam::123456789012:role/n8n-provisioner', endpoint: moto.endpoint },
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

// The operation code is minified without its function names: it is known by the router's refusal
// of an unknown operation, the retry strategy's refusal, the SDK commands and the SDK's lazy import.
test.each(Object.entries(nodes))('%s: the node file holds the description, not the operation code', (className, { file }) => {
	const nodeFile = fs.readFileSync(path.join(root, file), 'utf8');
	const codeFile = fs.readFileSync(path.join(root, file.replace(/\.node\.js$/, '.execute.js')), 'utf8');
	const operationCode = [/is not supported/, /No retry token available/, /Command\b/, /import\("\.\.\/\.\.\/vendor\//];
	for (const marker of operationCode) {
		expect(codeFile).toMatch(marker);
		expect(nodeFile).not.toMatch(marker);
	}
	// The only import the node file makes of our own code: its operation code, on first use.
	expect(new Set([...nodeFile.matchAll(/(?:import|require)\("([^"]+)"\)/g)].map(([, module]) => module))).toEqual(new Set([
		'n8n-workflow',
		`./${className}.execute.js`,
	]));
});

// The build stores the node's form as data (gulpfile.js): it must be the very form the sources build.
test.each(Object.entries(nodes))('%s: the built node describes itself exactly as the sources do', (className, { file }) => {
	const built = new (require(path.join(root, file))[className])();
	const source = new (require(path.join(root, 'nodes', className, `${className}.node.ts`))[className])();
	expect(built.description).toEqual(source.description);
	expect(JSON.stringify(built.description)).toBe(JSON.stringify(source.description));
	expect(Object.keys(built.methods)).toEqual(Object.keys(source.methods));
	for (const group of Object.keys(source.methods)) expect(Object.keys(built.methods[group])).toEqual(Object.keys(source.methods[group]));
});

const methodProbe = `
const [file, className, group, method, credentials] = process.argv.slice(1);
const loaded = () => Object.keys(require.cache).filter((key) => key.endsWith('.execute.js')).length;
const node = new (require(file)[className])();
const beforeCall = loaded();
const context = {
	getCredentials: async () => JSON.parse(credentials),
	getNode: () => ({ name: className, type: className, typeVersion: 1.1, parameters: {} }),
	getNodeParameter: (name, fallback) => fallback,
	getCurrentNodeParameter: () => undefined,
};
node.methods[group][method].call(context).then((result) => console.log(JSON.stringify({ beforeCall, afterCall: loaded(), result })));
`;

test.each(Object.entries(nodes))('%s: the editor\'s list search runs through the node file, loading the operation code on its call', async (className, { file }) => {
	const stdout = execFileSync(process.execPath, ['-e', methodProbe, path.join(root, file), className, 'listSearch', 'searchConnections', JSON.stringify(moto.credentials)], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
	});
	const { beforeCall, afterCall, result } = JSON.parse(stdout.trim().split('\n').pop());
	expect(beforeCall).toBe(0);
	expect(afterCall).toBe(1);
	expect(result).toEqual({ results: expect.any(Array) });
});

test('the credential test runs through the node file: a wrong endpoint is reported, not thrown', () => {
	const credential = { id: 'c1', name: 'AWS', type: 'awsConnectionsApi', data: { ...moto.credentials, endpoint: 'http://127.0.0.1:9' } };
	const probe = `
const node = new (require(process.argv[1]).GlueConnection)();
node.methods.credentialTest.awsConnectionsApiTest.call({}, JSON.parse(process.argv[2])).then((result) => console.log(JSON.stringify(result)));`;
	const stdout = execFileSync(process.execPath, ['-e', probe, path.join(root, nodes.GlueConnection.file), JSON.stringify(credential)], {
		cwd: root,
		encoding: 'utf8',
	});
	expect(JSON.parse(stdout.trim().split('\n').pop())).toMatchObject({ status: 'Error', message: expect.any(String) });
});
