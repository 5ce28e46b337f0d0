// The Glue node in n8n-core's real engine, with the SDK mocked: the exact SDK input of every
// operation, the output handed to the next node, pairedItem and continueOnFail.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const glueMock = mockClient(glue.GlueClient);
beforeEach(() => glueMock.reset());

const run = (parameters, options = {}) => runNode({ node: new GlueConnection(), parameters, ...options });
const locator = (value) => ({ __rl: true, mode: 'name', value });
const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
const sent = (Command) => glueMock.commandCalls(Command).map((call) => call.args[0].input);

// A type without a first-class form: only the generic fields and the key/value list apply.
const snowflake = {
	connectionType: '__other__',
	otherConnectionType: 'snowflake',
	additionalConnectionProperties: pairs({ ENDPOINT: 'acme.snowflakecomputing.com', ROLE_ARN: 'arn:aws:iam::123456789012:role/glue' }),
};

describe('create', () => {
	test('sends the mapped ConnectionInput, tags and catalog, and returns name and status', async () => {
		glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
		const { output, error } = await run({
			operation: 'create',
			name: '={{ $json.name }}',
			...snowflake,
			physicalConnectionRequirements: { subnetId: 'subnet-0abc', securityGroupIds: 'sg-01, sg-02', availabilityZone: 'eu-west-1a' },
			additionalFields: { description: 'Warehouse', matchCriteria: 'prod, sales', tags: pairs({ team: 'data' }), validateCredentials: true },
			options: { catalogId: '123456789012' },
		}, { inputItems: [{ name: 'wh-1' }] });
		expect(error).toBeUndefined();
		expect(sent(glue.CreateConnectionCommand)).toEqual([
			{
				CatalogId: '123456789012',
				Tags: { team: 'data' },
				ConnectionInput: {
					Name: 'wh-1',
					Description: 'Warehouse',
					ConnectionType: 'SNOWFLAKE',
					MatchCriteria: ['prod', 'sales'],
					ConnectionProperties: { ENDPOINT: 'acme.snowflakecomputing.com', ROLE_ARN: 'arn:aws:iam::123456789012:role/glue' },
					PhysicalConnectionRequirements: { SubnetId: 'subnet-0abc', SecurityGroupIdList: ['sg-01', 'sg-02'], AvailabilityZone: 'eu-west-1a' },
					ValidateCredentials: true,
				},
			},
		]);
		expect(output).toEqual([
			{ json: { name: 'wh-1', connectionType: 'SNOWFLAKE', status: 'READY', action: 'created', changed: true }, pairedItem: { item: 0 } },
		]);
	});

	test('bad input stops before any AWS call, naming the field and the item', async () => {
		glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
		const { error } = await run({ operation: 'create', name: '={{ $json.name }}', ...snowflake }, { inputItems: [{ name: 'ok' }, { name: '' }] });
		expect(error.message).toBe('Name: is required (item 1)');
		// Item 0 was valid and sent; item 1 never reached AWS.
		expect(sent(glue.CreateConnectionCommand).map((input) => input.ConnectionInput.Name)).toEqual(['ok']);
	});

	test('an AWS failure becomes a NodeApiError with the AWS code; continueOnFail keeps going with pairedItem', async () => {
		const exists = Object.assign(new Error('Connection already exists.'), {
			name: 'AlreadyExistsException',
			$metadata: { httpStatusCode: 400, requestId: 'rid-9' },
		});
		glueMock.on(glue.CreateConnectionCommand).callsFake(async (input) => {
			if (input.ConnectionInput.Name === 'taken') throw exists;
			return { CreateConnectionStatus: 'READY' };
		});
		const params = { operation: 'create', name: '={{ $json.name }}', ...snowflake };
		const failed = await run(params, { inputItems: [{ name: 'taken' }] });
		expect(failed.error.message).toBe('AlreadyExistsException: Connection already exists.');
		expect(failed.error.description).toContain('rid-9');

		const { output } = await run(params, { inputItems: [{ name: 'taken' }, { name: 'free' }], continueOnFail: true });
		expect(output.map((item) => [item.pairedItem.item, item.json.error ?? item.json.action])).toEqual([
			[0, 'AlreadyExistsException: Connection already exists.'],
			[1, 'created'],
		]);
	});
});

describe('get and get many', () => {
	const connection = {
		Name: 'wh-1',
		ConnectionType: 'SNOWFLAKE',
		ConnectionProperties: { ENDPOINT: 'acme' },
		CreationTime: new Date('2026-01-02T03:04:05Z'),
	};

	test('get asks AWS to hide passwords by default and returns ISO times without $metadata', async () => {
		glueMock.on(glue.GetConnectionCommand).resolves({ Connection: connection, $metadata: { requestId: 'x' } });
		const { output } = await run({ operation: 'get', connection: locator('wh-1'), hidePassword: true });
		expect(sent(glue.GetConnectionCommand)).toEqual([{ Name: 'wh-1', HidePassword: true }]);
		expect(output[0].json).toEqual({ Name: 'wh-1', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'acme' }, CreationTime: '2026-01-02T03:04:05.000Z' });
	});

	test('get can return the password when the user turns hiding off; hiding also drops other secret properties', async () => {
		const kafka = { Name: 'k', ConnectionType: 'KAFKA', ConnectionProperties: { KAFKA_BOOTSTRAP_SERVERS: 'b:9092', KAFKA_SASL_SCRAM_PASSWORD: 'scram-pw-1', KAFKA_CLIENT_KEYSTORE_PASSWORD: 'ks-pw-1' } };
		glueMock.on(glue.GetConnectionCommand).resolves({ Connection: kafka });
		const shown = await run({ operation: 'get', connection: locator('k'), hidePassword: false });
		expect(sent(glue.GetConnectionCommand)[0].HidePassword).toBe(false);
		expect(shown.output[0].json.ConnectionProperties).toEqual(kafka.ConnectionProperties);
		const hidden = await run({ operation: 'get', connection: locator('k'), hidePassword: true });
		expect(hidden.output[0].json.ConnectionProperties).toEqual({ KAFKA_BOOTSTRAP_SERVERS: 'b:9092' });
	});

	test('get many pages with the paginator and stops at the limit', async () => {
		const pages = [['c0', 'c1', 't1'], ['c2', 'c3', 't2'], ['c4', 'c5', undefined]];
		const inputs = [];
		// The paginator reuses its input object: keep a copy of each request as it was sent.
		glueMock.on(glue.GetConnectionsCommand).callsFake((input) => {
			inputs.push({ ...input });
			const [a, b, NextToken] = pages.shift();
			return { ConnectionList: [a, b].map((Name) => ({ Name, ConnectionType: 'JDBC' })), NextToken };
		});
		const { output } = await run({ operation: 'getMany', returnAll: false, limit: 3, filters: { connectionType: 'JDBC', matchCriteria: 'prod' }, hidePassword: true });
		expect(output.map((item) => item.json.Name)).toEqual(['c0', 'c1', 'c2']);
		expect(inputs).toEqual([
			{ HidePassword: true, Filter: { ConnectionType: 'JDBC', MatchCriteria: ['prod'] }, MaxResults: 3 },
			{ HidePassword: true, Filter: { ConnectionType: 'JDBC', MatchCriteria: ['prod'] }, MaxResults: 3, NextToken: 't1' },
		]);
	});

	test('get many with Return All follows every page', async () => {
		glueMock
			.on(glue.GetConnectionsCommand)
			.resolvesOnce({ ConnectionList: [{ Name: 'a' }], NextToken: 'n' })
			.resolvesOnce({ ConnectionList: [{ Name: 'b' }] });
		const { output } = await run({ operation: 'getMany', returnAll: true, hidePassword: true });
		expect(output.map((item) => item.json.Name)).toEqual(['a', 'b']);
		expect(output.every((item) => item.pairedItem.item === 0)).toBe(true);
	});
});

describe('update, delete and test connection', () => {
	test('update sends the whole definition under the located name, with an optional rename', async () => {
		glueMock.on(glue.UpdateConnectionCommand).resolves({});
		const { output } = await run({ operation: 'update', connection: locator('wh-1'), newName: 'wh-2', ...snowflake });
		expect(sent(glue.UpdateConnectionCommand)).toEqual([
			{
				Name: 'wh-1',
				ConnectionInput: {
					Name: 'wh-2',
					ConnectionType: 'SNOWFLAKE',
					ConnectionProperties: { ENDPOINT: 'acme.snowflakecomputing.com', ROLE_ARN: 'arn:aws:iam::123456789012:role/glue' },
				},
			},
		]);
		expect(output[0].json).toEqual({ name: 'wh-2', previousName: 'wh-1', connectionType: 'SNOWFLAKE', action: 'updated', changed: true });
	});

	test('delete returns { deleted: true } per item', async () => {
		glueMock.on(glue.DeleteConnectionCommand).resolves({});
		const { output } = await run({ operation: 'delete', connection: locator('={{ $json.n }}') }, { inputItems: [{ n: 'a' }, { n: 'b' }] });
		expect(sent(glue.DeleteConnectionCommand)).toEqual([{ ConnectionName: 'a' }, { ConnectionName: 'b' }]);
		expect(output).toEqual([
			{ json: { name: 'a', deleted: true }, pairedItem: { item: 0 } },
			{ json: { name: 'b', deleted: true }, pairedItem: { item: 1 } },
		]);
	});

	test('delete of a missing connection reports EntityNotFoundException', async () => {
		glueMock.on(glue.DeleteConnectionCommand).rejects(Object.assign(new Error('Connection not found'), { name: 'EntityNotFoundException', $metadata: {} }));
		const { error } = await run({ operation: 'delete', connection: locator('nope') });
		expect(error.message).toBe('EntityNotFoundException: Connection not found');
	});

	test('test connection by name, and with an inline definition', async () => {
		glueMock.on(glue.TestConnectionCommand).resolves({});
		const byName = await run({ operation: 'testConnection', connection: locator('wh-1') });
		expect(byName.output[0].json).toEqual({ name: 'wh-1', success: true });
		const inline = await run({ operation: 'testDefinition', ...snowflake });
		expect(inline.output[0].json).toEqual({ connectionType: 'SNOWFLAKE', success: true });
		expect(sent(glue.TestConnectionCommand)).toEqual([
			{ ConnectionName: 'wh-1' },
			{
				TestConnectionInput: {
					ConnectionType: 'SNOWFLAKE',
					ConnectionProperties: { ENDPOINT: 'acme.snowflakecomputing.com', ROLE_ARN: 'arn:aws:iam::123456789012:role/glue' },
				},
			},
		]);
	});
});

describe('the AWS client of an execution', () => {
	const destroyed = () => jest.spyOn(glue.GlueClient.prototype, 'destroy');
	afterEach(() => jest.restoreAllMocks());

	test('is built once for all items and destroyed after the last one', async () => {
		glueMock.on(glue.GetConnectionCommand).resolves({ Connection: { Name: 'a', ConnectionType: 'JDBC' } });
		const destroy = destroyed();
		const { output, error } = await run({ operation: 'get', connection: locator('a') }, { inputItems: [{}, {}, {}] });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(destroy).toHaveBeenCalledTimes(1);
	});

	test('is destroyed when an AWS error stops the run, and never built when input is refused', async () => {
		glueMock.on(glue.GetConnectionCommand).rejects(Object.assign(new Error('gone'), { name: 'EntityNotFoundException' }));
		const destroy = destroyed();
		expect((await run({ operation: 'get', connection: locator('a') })).error.message).toMatch(/^EntityNotFoundException/);
		expect(destroy).toHaveBeenCalledTimes(1);
		const refused = await run({ operation: 'get', connection: locator('={{ $json.name }}') }, { inputItems: [{ name: '' }] });
		expect(refused.error.message).toMatch(/^Connection: is required/);
		expect(destroy).toHaveBeenCalledTimes(1);
	});
});
