// Endpoints that cannot describe connection types, as users meet them: moto as PyPI ships it (no
// DescribeConnectionType: an HTML 500 from its web server on every attempt, and no ConnectionType
// in what GetConnection reports), and our emulator behind a proxy that answers DescribeConnectionType
// with that same 500, a 500 that says "not implemented", or LocalStack's 501. Get and Get Many of
// first-class types never ask; a described type's Get falls back to AWS's HidePassword once the 500
// is recognised as persistent (about ten seconds); "not implemented" is asked once. Everything here
// runs at the defaults a user gets, on a real clock; the assertions count requests.
const glue = require('@aws-sdk/client-glue');
const { startMoto } = require('../../support/moto');
const { startFaultProxy } = require('../../support/faultProxy');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { PERSISTENT_STREAK } = require('../../../nodes/shared/transport/retry');

const WERKZEUG_500 = {
	status: 500,
	contentType: 'text/html; charset=utf-8',
	body: '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request.</p>\n',
};
const json = (status, type, message) => ({ status, body: JSON.stringify({ __type: type, message }) });
const NOT_IMPLEMENTED_500 = json(500, 'InternalFailure', 'The describe_connection_type action has not been implemented');
const LOCALSTACK_501 = json(501, 'InternalFailure', "API action 'DescribeConnectionType' for service 'glue' not yet implemented or pro feature");

/** One request's attempts until a 500 on every attempt is called persistent: at least 5, far fewer than the default 20. */
const expectOnePersistentRequest = (requests) => {
	expect(requests).toBeGreaterThanOrEqual(PERSISTENT_STREAK.answers);
	expect(requests).toBeLessThan(20);
};
// A real clock: persistence is judged over ten real seconds.
jest.setTimeout(120000);

let plain;
let emulator;
beforeAll(async () => {
	[plain, emulator] = await Promise.all([startMoto({ plugins: false }), startMoto()]);
}, 60000);
afterAll(async () => {
	await Promise.all([plain?.stop(), emulator?.stop()]);
});
beforeEach(async () => await Promise.all([plain.reset(), emulator.reset()]));

/** Runs the node at its defaults through a proxy in front of `moto`; the proxy's per-operation counts come back. */
async function run(moto, parameters, answers = {}, inputItems) {
	const proxy = await startFaultProxy({ target: moto.endpoint, answers });
	const started = Date.now();
	try {
		const result = await runNode({ node: new GlueConnection(), parameters, credentials: { ...moto.credentials, endpoint: proxy.endpoint }, inputItems });
		const count = (operation) => proxy.stats.byOperation[operation]?.requests ?? 0;
		if (process.env.PRINT_COUNTS) process.stderr.write(`COUNTS ${parameters.operation} ${((Date.now() - started) / 1000).toFixed(1)} s ${JSON.stringify(proxy.stats.byOperation)}\n`);
		return { ...result, count };
	} finally {
		await proxy.stop();
	}
}

const locator = (value) => ({ __rl: true, mode: 'name', value });
const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
const client = (moto) => new glue.GlueClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });

async function createDirectly(moto, connections) {
	const glueClient = client(moto);
	for (const [name, type, properties] of connections) {
		await glueClient.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: name, ConnectionType: type, ConnectionProperties: properties } }));
	}
	glueClient.destroy();
}

describe('moto without our plug-ins', () => {
	test('a JDBC Create and a Get send no DescribeConnectionType (the type is first-class; moto reports none)', async () => {
		const created = await run(plain, {
			operation: 'create',
			name: 'sales-pg',
			connectionType: 'JDBC',
			jdbcHost: 'db.example.com',
			jdbcDatabase: 'sales',
			jdbcUsername: 'etl',
			jdbcPassword: 'plain-moto-password',
		});
		expect(created.error).toBeUndefined();
		expect(created.output[0].json).toMatchObject({ name: 'sales-pg', action: 'created' });
		const got = await run(plain, { operation: 'get', connection: locator('sales-pg') });
		expect(got.error).toBeUndefined();
		expect(got.output[0].json.Name).toBe('sales-pg');
		expect(JSON.stringify(got.output)).not.toContain('plain-moto-password');
		expect([created.count('CreateConnection'), got.count('GetConnection')]).toEqual([1, 1]);
		expect(created.count('DescribeConnectionType') + got.count('DescribeConnectionType')).toBe(0);
	});

	test('Get of a SNOWFLAKE connection, and Get Many over 20 connections of 7 types: no DescribeConnectionType', async () => {
		const types = ['JDBC', 'SNOWFLAKE', 'KAFKA', 'BIGQUERY', 'MONGODB', 'ZENDESK', 'SALESFORCE'];
		await createDirectly(plain, Array.from({ length: 20 }, (_, i) => [`c-${String(i).padStart(2, '0')}`, types[i % types.length], { ENDPOINT: 'x' }]));
		const got = await run(plain, { operation: 'get', connection: locator('c-01') });
		expect(got.error).toBeUndefined();
		expect(got.output[0].json.Name).toBe('c-01');
		const { output, error, count } = await run(plain, { operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(20);
		expect(count('DescribeConnectionType') + got.count('DescribeConnectionType')).toBe(0);
	});

	test('a described-type Create is checked against a description moto cannot give: the 500 is recognised as persistent, the item fails, nothing created', async () => {
		const { error, count } = await run(plain, {
			operation: 'create',
			name: 'warehouse',
			connectionType: '__other__',
			otherConnectionType: 'SNOWFLAKE',
			additionalConnectionProperties: pairs({ ENDPOINT: 'acme.snowflakecomputing.com' }),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error.message).toMatch(/^UnexpectedResponse: .*HTTP 500.*Not retried further: DescribeConnectionType has answered only server errors in this execution/);
		expectOnePersistentRequest(count('DescribeConnectionType'));
		expect(count('CreateConnection')).toBe(0);
	});
});

describe('our emulator, with DescribeConnectionType failing', () => {
	const connections = [
		['snow-1', 'SNOWFLAKE', { ENDPOINT: 'a.snowflakecomputing.com' }],
		['snow-2', 'SNOWFLAKE', { ENDPOINT: 'b.snowflakecomputing.com' }],
		['bq-1', 'BIGQUERY', { PROJECT_ID: 'p' }],
		['zen-1', 'ZENDESK', { INSTANCE_URL: 'https://acme.zendesk.com' }],
		['db-1', 'JDBC', { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/x', USERNAME: 'u', PASSWORD: 'jdbc-password' }],
	];
	beforeEach(async () => await createDirectly(emulator, connections));

	test('an HTML 500 on every attempt: Get of a described type falls back once the 500 is persistent', async () => {
		const { output, error, count } = await run(emulator, { operation: 'get', connection: locator('snow-1') }, { DescribeConnectionType: WERKZEUG_500 });
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ Name: 'snow-1', ConnectionType: 'SNOWFLAKE' });
		expectOnePersistentRequest(count('DescribeConnectionType'));
	});

	test('the same for Get Many of 3 described types and JDBC: one request retried, not one per connection or type', async () => {
		const { output, error, count } = await run(emulator, { operation: 'getMany', returnAll: true }, { DescribeConnectionType: WERKZEUG_500 });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.Name).sort()).toEqual(connections.map(([name]) => name).sort());
		expect(JSON.stringify(output)).not.toContain('jdbc-password');
		expectOnePersistentRequest(count('DescribeConnectionType'));
	});

	test.each([
		['a 500 that says "has not been implemented" (moto)', NOT_IMPLEMENTED_500],
		['a 501 (LocalStack)', LOCALSTACK_501],
	])('%s: asked once; Get and Get Many fall back, a described-type Create fails at once', async (_name, answer) => {
		const answers = { DescribeConnectionType: answer };
		const got = await run(emulator, { operation: 'get', connection: locator('snow-1') }, answers);
		expect(got.error).toBeUndefined();
		expect(got.count('DescribeConnectionType')).toBe(1);
		const many = await run(emulator, { operation: 'getMany', returnAll: true }, answers);
		expect(many.output).toHaveLength(connections.length);
		expect(many.count('DescribeConnectionType')).toBe(1);
		const created = await run(
			emulator,
			{ operation: 'create', name: 'snow-3', connectionType: '__other__', otherConnectionType: 'SNOWFLAKE', additionalConnectionProperties: pairs({ ENDPOINT: 'c' }) },
			answers,
		);
		expect(created.error.message).toMatch(/^InternalFailure: /);
		expect([created.count('DescribeConnectionType'), created.count('CreateConnection')]).toEqual([1, 0]);
	});
});
