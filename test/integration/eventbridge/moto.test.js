// The EventBridge node in the real engine against moto in server mode (a real AWS API emulator on
// a loopback port), read back with a plain SDK EventBridgeClient. Known moto 5.2 gaps, covered by
// test/engine/eventbridge instead:
// - DeauthorizeConnection is not implemented;
// - the state is always AUTHORIZED (no CREATING/AUTHORIZING, so waiting returns at once);
// - creating a name that exists overwrites it instead of failing with ResourceAlreadyExistsException;
// - ListConnections ignores NamePrefix, ConnectionState, Limit and NextToken (one page of everything),
//   so here the node's own limit is checked; the exact requests are asserted in the engine tests.
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
