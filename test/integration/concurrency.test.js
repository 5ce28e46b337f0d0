// Concurrency against the real emulator: 200 items at Concurrency 10, through a loopback proxy that
// counts the requests in flight. Asserts counts only (never durations): no more than 10 at once,
// more than one at once, and every connection made exactly once.
const glue = require('@aws-sdk/client-glue');
const eventBridge = require('@aws-sdk/client-eventbridge');
const { startMoto } = require('../support/moto');
const { startCountingProxy } = require('../support/countingProxy');
const { runNode } = require('../support/engine');
const { GlueConnection } = require('../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../nodes/EventBridgeConnection/EventBridgeConnection.node');

let moto;
let proxy;
beforeAll(async () => {
	moto = await startMoto();
	// Each request is held back a little before it reaches the emulator, so items overlap.
	proxy = await startCountingProxy({ target: moto.endpoint, latencyMs: 5 });
}, 60000);
afterAll(async () => {
	await proxy?.stop();
	await moto?.stop();
});
beforeEach(async () => {
	await moto.reset();
	proxy.reset();
});

const ITEMS = 200;
const names = (prefix) => Array.from({ length: ITEMS }, (_, index) => ({ name: `${prefix}-${String(index).padStart(3, '0')}` }));
const throughProxy = () => ({ ...moto.credentials, endpoint: proxy.endpoint });
const direct = (Client) => new Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });

test('Glue: 200 creates at Concurrency 10 never have more than 10 requests in flight', async () => {
	const { output, error } = await runNode({
		node: new GlueConnection(),
		parameters: {
			operation: 'create',
			name: '={{ $json.name }}',
			connectionType: 'NETWORK',
			physicalConnectionRequirements: { subnetId: 'subnet-0abc', securityGroupIds: 'sg-01', availabilityZone: 'us-east-1a' },
			options: { concurrency: 10 },
		},
		inputItems: names('bulk'),
		credentials: throughProxy(),
	});
	expect(error).toBeUndefined();
	expect(output.map((item) => [item.pairedItem.item, item.json.name, item.json.action])).toEqual(
		names('bulk').map(({ name }, index) => [index, name, 'created']),
	);
	expect(proxy.stats.answeredOk).toBe(ITEMS);
	expect(proxy.stats.maxInFlight).toBeLessThanOrEqual(10);
	expect(proxy.stats.maxInFlight).toBeGreaterThan(1);

	const client = direct(glue.GlueClient);
	const made = [];
	for await (const page of glue.paginateGetConnections({ client }, {})) made.push(...page.ConnectionList.map((c) => c.Name));
	client.destroy();
	expect(made.sort()).toEqual(names('bulk').map(({ name }) => name));
});

test('EventBridge: 200 creates at Concurrency 10 never have more than 10 requests in flight', async () => {
	const { output, error } = await runNode({
		node: new EventBridgeConnection(),
		parameters: {
			operation: 'create',
			name: '={{ $json.name }}',
			authorizationType: 'API_KEY',
			keyHeaderName: 'x-api-key',
			apiKeyValue: 'bulk-secret-value',
			options: { concurrency: 10 },
		},
		inputItems: names('bulk'),
		credentials: throughProxy(),
	});
	expect(error).toBeUndefined();
	expect(output).toHaveLength(ITEMS);
	expect(output.every((item, index) => item.pairedItem.item === index && item.json.name === names('bulk')[index].name)).toBe(true);
	expect(proxy.stats.answeredOk).toBe(ITEMS);
	expect(proxy.stats.maxInFlight).toBeLessThanOrEqual(10);
	expect(proxy.stats.maxInFlight).toBeGreaterThan(1);

	// moto's ListConnections ignores paging: read each one back instead.
	const client = direct(eventBridge.EventBridgeClient);
	const found = [];
	for (const { name } of names('bulk')) found.push((await client.send(new eventBridge.DescribeConnectionCommand({ Name: name }))).Name);
	client.destroy();
	expect(found).toEqual(names('bulk').map(({ name }) => name));
});
