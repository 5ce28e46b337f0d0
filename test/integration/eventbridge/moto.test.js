// The EventBridge node in the real engine against the project's emulator (moto in server mode with
// the plug-ins of emulator/plugins, on a loopback port), read back with a plain SDK
// EventBridgeClient. Every operation runs over the wire: Create, Get, Get Many (with its filters
// and paging), Update, Create or Update, Deauthorize and Delete, and waiting for the state to settle
// through state sequences scripted in the emulator. What an emulator cannot show (timing: the
// timeout, the poll interval) stays in test/engine/eventbridge with mocked states.
const eb = require('@aws-sdk/client-eventbridge');
const { startMoto } = require('../../support/moto');
const { runNode } = require('../../support/engine');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

let moto;
let direct;
beforeAll(async () => {
	moto = await startMoto();
	direct = new eb.EventBridgeClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}, 60000);
afterAll(async () => {
	direct?.destroy();
	await moto?.stop();
});
beforeEach(async () => await moto.reset());

const rows = (...entries) => ({ pairs: entries.map(([key, value, isValueSecret = false]) => ({ key, value, isValueSecret })) });
const locator = (value) => ({ __rl: true, mode: 'name', value });
const run = (parameters, options = {}) => runNode({ node: new EventBridgeConnection(), parameters, credentials: moto.credentials, ...options });
const apiKey = (name, header = 'x-api-key') => ({
	name,
	authorizationType: 'API_KEY',
	keyHeaderName: header,
	apiKeyValue: 'moto-key-value-1',
	additionalFields: { description: 'made by the node', invocationHeaders: rows(['x-tenant', 'acme']) },
});

test('create: the connection exists afterwards, read back with a plain SDK call; waiting returns AUTHORIZED', async () => {
	const { output, error } = await run({ operation: 'create', ...apiKey('orders-api'), options: { waitForState: true, pollInterval: 0.01 } });
	expect(error).toBeUndefined();
	expect(output[0].json).toMatchObject({ name: 'orders-api', action: 'created', changed: true, state: 'AUTHORIZED' });
	expect(output[0].json.connectionArn).toMatch(/^arn:aws:events:us-east-1:\d{12}:connection\/orders-api\//);
	const described = await direct.send(new eb.DescribeConnectionCommand({ Name: 'orders-api' }));
	expect(described).toMatchObject({
		Name: 'orders-api',
		Description: 'made by the node',
		AuthorizationType: 'API_KEY',
		AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key' } },
	});
});

test('get: the described connection without secrets; a missing name is a ResourceNotFoundException', async () => {
	await run({ operation: 'create', ...apiKey('orders-api') });
	const { output } = await run({ operation: 'get', connection: locator('orders-api') });
	expect(output[0].json).toMatchObject({ Name: 'orders-api', AuthorizationType: 'API_KEY', ConnectionState: 'AUTHORIZED' });
	expect(typeof output[0].json.CreationTime).toBe('string');
	expect(JSON.stringify(output)).not.toContain('moto-key-value-1');
	const missing = await run({ operation: 'get', connection: locator('nope') });
	expect(missing.error.message).toMatch(/^ResourceNotFoundException: /);
});

test('get many: Return All lists every connection; the limit is honoured', async () => {
	for (const name of ['orders-1', 'orders-2', 'orders-3', 'billing-1']) await run({ operation: 'create', ...apiKey(name) });
	const all = await run({ operation: 'getMany', returnAll: true });
	expect(all.output.map((item) => item.json.Name).sort()).toEqual(['billing-1', 'orders-1', 'orders-2', 'orders-3']);
	expect(all.output.every((item) => item.json.ConnectionState === 'AUTHORIZED' && typeof item.json.CreationTime === 'string')).toBe(true);
	const limited = await run({ operation: 'getMany', returnAll: false, limit: 2 });
	expect(limited.output).toHaveLength(2);
});

test('create twice: the second is a ResourceAlreadyExistsException and the first connection is kept', async () => {
	await run({ operation: 'create', ...apiKey('orders-api') });
	const again = await run({ operation: 'create', ...apiKey('orders-api', 'x-other') });
	expect(again.error.message).toMatch(/^ResourceAlreadyExistsException: /);
	const described = await direct.send(new eb.DescribeConnectionCommand({ Name: 'orders-api' }));
	expect(described.AuthParameters.ApiKeyAuthParameters.ApiKeyName).toBe('x-api-key');
});

test('update: only the given fields change', async () => {
	await run({ operation: 'create', ...apiKey('orders-api') });
	const { output, error } = await run({ operation: 'update', connection: locator('orders-api'), authorizationType: '', additionalFields: { description: 'changed' } });
	expect(error).toBeUndefined();
	expect(output[0].json).toMatchObject({ name: 'orders-api', action: 'updated' });
	const described = await direct.send(new eb.DescribeConnectionCommand({ Name: 'orders-api' }));
	expect(described.Description).toBe('changed');
	expect(described.AuthorizationType).toBe('API_KEY');
});

test('create or update: creates, then reports unchanged, then updates what differs', async () => {
	const first = await run({ operation: 'createOrUpdate', ...apiKey('orders-api') });
	expect(first.output[0].json).toMatchObject({ action: 'created', changed: true });
	const second = await run({ operation: 'createOrUpdate', ...apiKey('orders-api') });
	expect(second.error).toBeUndefined();
	expect(second.output[0].json).toMatchObject({ action: 'unchanged', changed: false, differences: [] });
	const third = await run({ operation: 'createOrUpdate', ...apiKey('orders-api', 'x-key') });
	expect(third.output[0].json).toMatchObject({ action: 'updated', changed: true, differences: ['AuthParameters.ApiKeyAuthParameters.ApiKeyName'] });
	const described = await direct.send(new eb.DescribeConnectionCommand({ Name: 'orders-api' }));
	expect(described.AuthParameters.ApiKeyAuthParameters.ApiKeyName).toBe('x-key');
});

test('delete: the connection is gone afterwards', async () => {
	await run({ operation: 'create', ...apiKey('orders-api') });
	const { output } = await run({ operation: 'delete', connection: locator('orders-api') });
	expect(output[0].json).toEqual({ name: 'orders-api', deleted: true });
	await expect(direct.send(new eb.DescribeConnectionCommand({ Name: 'orders-api' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
});

const oauth = (name) => ({
	name,
	authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
	oauthClientId: 'client-1',
	oauthClientSecret: 'oauth-secret-1',
	oauthAuthorizationEndpoint: 'https://auth.example.com/token',
	oauthHttpMethod: 'POST',
});
// A generous timeout: the emulator settles within two polls, but a loaded CI machine can be slow.
const wait = { waitForState: true, pollInterval: 0.01, waitTimeout: 30 };

test('create with OAuth: AWS answers AUTHORIZING; waiting returns once DescribeConnection shows AUTHORIZED', async () => {
	const answered = await run({ operation: 'create', ...oauth('crm') });
	expect(answered.error).toBeUndefined();
	expect(answered.output[0].json).toMatchObject({ name: 'crm', action: 'created', state: 'AUTHORIZING' });
	await direct.send(new eb.DeleteConnectionCommand({ Name: 'crm' }));
	const waited = await run({ operation: 'create', ...oauth('crm'), options: wait });
	expect(waited.output[0].json).toMatchObject({ name: 'crm', action: 'created', state: 'AUTHORIZED' });
	expect(typeof waited.output[0].json.lastAuthorizedTime).toBe('string');
	expect(JSON.stringify(waited.output)).not.toContain('oauth-secret-1');
});

test('wait for state: a scripted AUTHORIZING, AUTHORIZING, AUTHORIZED is polled through to AUTHORIZED', async () => {
	await moto.scriptConnectionStates('orders-api', [{ State: 'AUTHORIZING' }, { State: 'AUTHORIZING' }, { State: 'AUTHORIZED' }]);
	const { output, error } = await run({ operation: 'create', ...apiKey('orders-api'), options: wait });
	expect(error).toBeUndefined();
	// Each DescribeConnection takes one scripted state: AUTHORIZED comes only with the third poll.
	expect(output[0].json).toMatchObject({ action: 'created', state: 'AUTHORIZED' });
});

test('wait for state: FAILED_CONNECTIVITY is an error that carries the state and AWS\'s reason, per item with continueOnFail', async () => {
	await moto.scriptConnectionStates('orders-api', [
		{ State: 'AUTHORIZING' },
		{ State: 'FAILED_CONNECTIVITY', StateReason: 'Timeout connecting to the private endpoint' },
	]);
	const failed = await run({ operation: 'create', ...apiKey('orders-api'), options: wait });
	expect(failed.error.message).toBe('Connection "orders-api" is in state FAILED_CONNECTIVITY: Timeout connecting to the private endpoint');
	expect(failed.error.description).toContain('State: FAILED_CONNECTIVITY');
	const tolerant = await run(
		{ operation: 'update', connection: locator('={{ $json.name }}'), authorizationType: '', additionalFields: { description: 'again' }, options: wait },
		{ inputItems: [{ name: 'orders-api' }, { name: 'missing' }], continueOnFail: true },
	);
	expect(tolerant.output.map((item) => [item.pairedItem.item, item.json.error.split(':')[0]])).toEqual([
		[0, 'Connection "orders-api" is in state FAILED_CONNECTIVITY'],
		[1, 'ResourceNotFoundException'],
	]);
});

test('wait for state: still AUTHORIZING at the timeout is an error naming the state', async () => {
	await moto.scriptConnectionStates('orders-api', [{ State: 'AUTHORIZING' }]);
	const { error } = await run({ operation: 'create', ...apiKey('orders-api'), options: { ...wait, waitTimeout: 0.05 } });
	expect(error.message).toMatch(/^Connection "orders-api" did not settle within 0 s; it is still AUTHORIZING/);
});

test('deauthorize: AWS answers DEAUTHORIZING, waiting returns DEAUTHORIZED; the authorization is gone; an update re-authorizes', async () => {
	await run({ operation: 'create', ...apiKey('orders-api') });
	await run({ operation: 'create', ...apiKey('billing-api') });
	const answered = await run({ operation: 'deauthorize', connection: locator('orders-api') });
	expect(answered.error).toBeUndefined();
	expect(answered.output[0].json).toMatchObject({ name: 'orders-api', action: 'deauthorized', changed: true, state: 'DEAUTHORIZING' });
	const waited = await run({ operation: 'deauthorize', connection: locator('billing-api'), options: wait });
	expect(waited.output[0].json).toMatchObject({ name: 'billing-api', action: 'deauthorized', state: 'DEAUTHORIZED' });
	const described = await direct.send(new eb.DescribeConnectionCommand({ Name: 'orders-api' }));
	expect(described.ConnectionState).toBe('DEAUTHORIZED');
	expect(described.AuthParameters).toBeUndefined();
	const reauthorized = await run({ operation: 'update', connection: locator('orders-api'), authorizationType: 'API_KEY', keyHeaderName: 'x-api-key', apiKeyValue: 'new-key-1', options: wait });
	expect(reauthorized.output[0].json).toMatchObject({ action: 'updated', state: 'AUTHORIZED' });
	const missing = await run({ operation: 'deauthorize', connection: locator('nope') });
	expect(missing.error.message).toMatch(/^ResourceNotFoundException: /);
}, 60000);

test('get many: Name Prefix and Connection State filter in AWS; Return All follows NextToken past a 100-connection page', async () => {
	for (let i = 0; i < 103; i++) {
		await direct.send(
			new eb.CreateConnectionCommand({
				Name: `bulk-${String(i).padStart(3, '0')}`,
				AuthorizationType: 'API_KEY',
				AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: 'v' } },
			}),
		);
	}
	for (const name of ['orders-1', 'orders-2']) await run({ operation: 'create', ...apiKey(name) });
	await direct.send(new eb.DeauthorizeConnectionCommand({ Name: 'bulk-007' }));
	await direct.send(new eb.DescribeConnectionCommand({ Name: 'bulk-007' }));
	const all = await run({ operation: 'getMany', returnAll: true });
	expect(all.output).toHaveLength(105);
	expect(new Set(all.output.map((item) => item.json.Name)).size).toBe(105);
	const prefixed = await run({ operation: 'getMany', returnAll: true, filters: { namePrefix: 'orders-' } });
	expect(prefixed.output.map((item) => item.json.Name)).toEqual(['orders-1', 'orders-2']);
	const deauthorized = await run({ operation: 'getMany', returnAll: true, filters: { connectionState: 'DEAUTHORIZED' } });
	expect(deauthorized.output.map((item) => item.json.Name)).toEqual(['bulk-007']);
	const limited = await run({ operation: 'getMany', returnAll: false, limit: 101, filters: { namePrefix: 'bulk-' } });
	expect(limited.output.map((item) => item.json.Name)).toEqual(Array.from({ length: 101 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`));
}, 60000);

test('create or update a private-API connection with a KMS key: ACTIVE when settled, unchanged on the next run', async () => {
	const privateApi = {
		...apiKey('private-api'),
		additionalFields: {
			description: 'made by the node',
			resourceConfigurationArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0',
			kmsKeyIdentifier: 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555',
		},
	};
	const first = await run({ operation: 'createOrUpdate', ...privateApi, options: wait });
	expect(first.error).toBeUndefined();
	expect(first.output[0].json).toMatchObject({ action: 'created', state: 'ACTIVE' });
	const second = await run({ operation: 'createOrUpdate', ...privateApi });
	expect(second.output[0].json).toMatchObject({ action: 'unchanged', changed: false, differences: [] });
});
