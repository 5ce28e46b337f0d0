// Concurrency in n8n-core's real engine, with the SDK mocked: how many calls are in flight, output
// order and pairedItem, Continue On Fail, the first failure, one connection at a time, and the
// default of each node version.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const eventBridge = require('@aws-sdk/client-eventbridge');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const glueMock = mockClient(glue.GlueClient);
const eventBridgeMock = mockClient(eventBridge.EventBridgeClient);
beforeEach(() => {
	glueMock.reset();
	eventBridgeMock.reset();
});

const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
const create = (options) => ({
	operation: 'create',
	name: '={{ $json.name }}',
	connectionType: '__other__',
	otherConnectionType: 'SNOWFLAKE',
	additionalConnectionProperties: pairs({ ENDPOINT: 'acme.snowflakecomputing.com' }),
	additionalFields: { description: '={{ "item " + $itemIndex }}' },
	...(options ? { options } : {}),
});
const named = (names) => names.map((name) => ({ name }));
const numbered = (count, prefix = 'c') => named(Array.from({ length: count }, (_, i) => `${prefix}-${i}`));
const tick = () => new Promise((resolve) => setImmediate(resolve));
const awsError = (name, message) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

/** A fake CreateConnection that stays in flight for a few event-loop turns and counts overlap. */
function countingCreate({ fail = {}, turns = 5 } = {}) {
	const seen = { calls: [], inFlight: 0, max: 0, perName: new Map(), maxPerName: 0 };
	glueMock.on(glue.CreateConnectionCommand).callsFake(async (input) => {
		const name = input.ConnectionInput.Name;
		seen.calls.push(`${name}#${input.ConnectionInput.Description}`);
		seen.max = Math.max(seen.max, ++seen.inFlight);
		seen.perName.set(name, (seen.perName.get(name) ?? 0) + 1);
		seen.maxPerName = Math.max(seen.maxPerName, seen.perName.get(name));
		try {
			for (let turn = 0; turn < (fail[name]?.turns ?? turns); turn++) await tick();
			if (fail[name]) throw awsError(fail[name].code, `${name} refused`);
			return { CreateConnectionStatus: 'READY' };
		} finally {
			seen.inFlight--;
			seen.perName.set(name, seen.perName.get(name) - 1);
		}
	});
	return seen;
}

const glueRun = (parameters, options = {}) => runNode({ node: new GlueConnection(), parameters, ...options });

describe('how many items are in flight', () => {
	test('version 1.1 (a new node) defaults to 10 at once', async () => {
		const seen = countingCreate();
		const { output, error } = await glueRun(create(), { inputItems: numbered(40) });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(40);
		expect(seen.max).toBe(10);
	});

	test('version 1 (saved workflows) keeps one at a time', async () => {
		const seen = countingCreate();
		const { output } = await glueRun(create(), { inputItems: numbered(15), typeVersion: 1 });
		expect(output).toHaveLength(15);
		expect(seen.max).toBe(1);
	});

	test('the Concurrency option wins in either version', async () => {
		const three = countingCreate();
		await glueRun(create({ concurrency: 3 }), { inputItems: numbered(12) });
		expect(three.max).toBe(3);
		glueMock.reset();
		const four = countingCreate();
		await glueRun(create({ concurrency: 4 }), { inputItems: numbered(12), typeVersion: 1 });
		expect(four.max).toBe(4);
	});

	test('a Concurrency outside 1 to 50 stops before any AWS call, naming the field', async () => {
		const seen = countingCreate();
		const { error } = await glueRun(create({ concurrency: 51 }), { inputItems: numbered(2) });
		expect(error.message).toBe('Concurrency: must be a whole number from 1 to 50 (item 0)');
		expect(seen.calls).toEqual([]);
	});
});

test('output follows input order with pairedItem, though later items finish first', async () => {
	const seen = { order: [] };
	glueMock.on(glue.CreateConnectionCommand).callsFake(async (input) => {
		const index = Number(input.ConnectionInput.Description.split(' ')[1]);
		// Earlier items stay in flight longer, so completion order is reversed.
		for (let turn = 0; turn < 20 - index; turn++) await tick();
		seen.order.push(index);
		return { CreateConnectionStatus: 'READY' };
	});
	const { output } = await glueRun(create(), { inputItems: numbered(8) });
	expect(seen.order).not.toEqual([...seen.order].sort((a, b) => a - b));
	expect(output.map((item) => [item.pairedItem.item, item.json.name])).toEqual(
		numbered(8).map((item, index) => [index, item.name]),
	);
});

test('Continue On Fail: each failure is its own error item, in place, and every item ran', async () => {
	const seen = countingCreate({ fail: { 'c-1': { code: 'AlreadyExistsException' }, 'c-6': { code: 'ThrottlingException', turns: 0 } } });
	const { output, error } = await glueRun(create(), { inputItems: numbered(9), continueOnFail: true });
	expect(error).toBeUndefined();
	expect(seen.calls).toHaveLength(9);
	expect(output.map((item) => [item.pairedItem.item, item.json.error ?? item.json.action])).toEqual([
		[0, 'created'],
		[1, 'AlreadyExistsException: c-1 refused'],
		[2, 'created'],
		[3, 'created'],
		[4, 'created'],
		[5, 'created'],
		[6, 'ThrottlingException: c-6 refused'],
		[7, 'created'],
		[8, 'created'],
	]);
});

test('without Continue On Fail the first failing item in input order fails the node; nothing new starts', async () => {
	// Item 3 fails at once, item 1 a little later: item 1 is first in input order.
	const seen = countingCreate({ fail: { 'c-3': { code: 'ThrottlingException', turns: 0 }, 'c-1': { code: 'AlreadyExistsException', turns: 3 } } });
	const { error } = await glueRun(create({ concurrency: 5 }), { inputItems: numbered(30) });
	expect(error.message).toBe('AlreadyExistsException: c-1 refused');
	// The five first items were in flight when item 3 failed; none started after, all were awaited.
	expect(seen.calls.map((call) => call.split('#')[0])).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4']);
	expect(seen.inFlight).toBe(0);
});

test('bad input in one item fails the node before that item reaches AWS; items after it never start', async () => {
	const seen = countingCreate();
	const { error } = await glueRun(create({ concurrency: 2 }), { inputItems: [{ name: 'ok-0' }, { name: '' }, ...numbered(20)] });
	expect(error.message).toBe('Name: is required (item 1)');
	expect(seen.calls.map((call) => call.split('#')[0])).toEqual(['ok-0']);
});

test('two items naming one connection are never in flight at once, and keep their input order', async () => {
	const seen = countingCreate();
	const names = ['a', 'b', 'A', 'c', 'a', 'd', 'b', 'e', 'a'];
	const { output } = await glueRun(create(), { inputItems: named(names), continueOnFail: true });
	expect(output).toHaveLength(names.length);
	expect(seen.maxPerName).toBe(1);
	expect(seen.max).toBeGreaterThan(1);
	// Glue names are compared ignoring case: "A" waits for "a" too.
	const onA = seen.calls.filter((call) => /^a#/i.test(call)).map((call) => call.split('#')[1]);
	expect(onA).toEqual(['item 0', 'item 2', 'item 4', 'item 8']);
});

test('JSON Definitions: two items whose definitions name one connection are never in flight at once; other names run together', async () => {
	const seen = countingCreate();
	const definition = (name, index) => ({ definition: { Name: name, ConnectionType: 'SNOWFLAKE', Description: `item ${index}`, ConnectionProperties: { ENDPOINT: 'acme.snowflakecomputing.com' } } });
	const names = ['a', 'b', 'a', 'c', 'A', 'd'];
	const { error } = await glueRun(
		{ operation: 'create', definitionFrom: 'json', definitionJson: '={{ $json.definition }}' },
		{ inputItems: names.map(definition) },
	);
	expect(error).toBeUndefined();
	expect(seen.maxPerName).toBe(1);
	expect(seen.max).toBeGreaterThan(1);
	// Names are compared ignoring case: a and A kept their input order.
	const onA = seen.calls.filter((call) => /^a#/i.test(call)).map((call) => call.split('#')[1]);
	expect(onA).toEqual(['item 0', 'item 2', 'item 4']);
});

test('Glue: the same name in two Data Catalogs may run at once', async () => {
	const seen = countingCreate();
	const parameters = { ...create(), options: { catalogId: '={{ $json.catalog }}' } };
	await glueRun(parameters, { inputItems: [{ name: 'same', catalog: '111111111111' }, { name: 'same', catalog: '222222222222' }] });
	expect(seen.maxPerName).toBe(2);
});

describe('EventBridge', () => {
	const locator = '={{ $json.name }}';
	const get = (options) => ({ operation: 'get', connection: { __rl: true, mode: 'name', value: locator }, ...(options ? { options } : {}) });

	function countingDescribe() {
		const seen = { inFlight: 0, max: 0, perName: new Map(), maxPerName: 0 };
		eventBridgeMock.on(eventBridge.DescribeConnectionCommand).callsFake(async ({ Name }) => {
			seen.max = Math.max(seen.max, ++seen.inFlight);
			seen.perName.set(Name, (seen.perName.get(Name) ?? 0) + 1);
			seen.maxPerName = Math.max(seen.maxPerName, seen.perName.get(Name));
			for (let turn = 0; turn < 5; turn++) await tick();
			seen.inFlight--;
			seen.perName.set(Name, seen.perName.get(Name) - 1);
			return { Name, ConnectionState: 'AUTHORIZED', AuthorizationType: 'API_KEY' };
		});
		return seen;
	}
	const ebRun = (parameters, options = {}) => runNode({ node: new EventBridgeConnection(), parameters, ...options });

	test('Get runs 10 at once by default in 1.1, one at a time in 1, and takes the option (shown for every operation)', async () => {
		const byDefault = countingDescribe();
		const { output } = await ebRun(get(), { inputItems: numbered(25) });
		expect(output.map((item) => [item.pairedItem.item, item.json.Name])).toEqual(numbered(25).map((item, index) => [index, item.name]));
		expect(byDefault.max).toBe(10);

		eventBridgeMock.reset();
		const versionOne = countingDescribe();
		await ebRun(get(), { inputItems: numbered(6), typeVersion: 1 });
		expect(versionOne.max).toBe(1);

		eventBridgeMock.reset();
		const two = countingDescribe();
		await ebRun(get({ concurrency: 2 }), { inputItems: numbered(6) });
		expect(two.max).toBe(2);
	});

	test('items naming one connection run one after another (names compared exactly)', async () => {
		const seen = countingDescribe();
		await ebRun(get(), { inputItems: named(['x', 'x', 'y', 'x', 'X']) });
		expect(seen.maxPerName).toBe(1);
		expect(seen.max).toBeGreaterThan(1);
	});
});

describe('each operation declares the fields that name its connections', () => {
	const glueConnection = require('../../../nodes/GlueConnection/actions/connection');
	const glueConnectionType = require('../../../nodes/GlueConnection/actions/connectionType');
	const eventBridgeConnection = require('../../../nodes/EventBridgeConnection/actions/connection');
	const NAME_FIELDS = ['name', 'newName', 'newConnectionType', 'definitionJson'];
	const operations = [
		...Object.entries(glueConnection.operations).map(([name, operation]) => [`Glue connection ${name}`, operation]),
		...Object.entries(glueConnectionType.operations).map(([name, operation]) => [`Glue connection type ${name}`, operation]),
		...Object.entries(eventBridgeConnection.operations).map(([name, operation]) => [`EventBridge ${name}`, operation]),
	];

	test.each(operations)('%s: every name or locator field it shows is one of its keys, and every key is a field it shows', (_, operation) => {
		const shown = operation.description.filter((field) => field.type === 'resourceLocator' || NAME_FIELDS.includes(field.name)).map((field) => field.name);
		expect([...(operation.keys ?? [])].sort()).toEqual([...new Set(shown)].sort());
		for (const key of operation.keys ?? []) expect(operation.description.some((field) => field.name === key)).toBe(true);
	});

	/** A fake command that stays in flight for a few turns, counting overlap per name. */
	function counting(command, nameOf) {
		const seen = { max: 0, inFlight: 0, perName: new Map(), maxPerName: 0 };
		glueMock.on(command).callsFake(async (input) => {
			const name = nameOf(input).toLowerCase();
			seen.max = Math.max(seen.max, ++seen.inFlight);
			seen.perName.set(name, (seen.perName.get(name) ?? 0) + 1);
			seen.maxPerName = Math.max(seen.maxPerName, seen.perName.get(name));
			for (let turn = 0; turn < 5; turn++) await tick();
			seen.inFlight--;
			seen.perName.set(name, seen.perName.get(name) - 1);
			return {};
		});
		return seen;
	}
	const locator = { __rl: true, mode: 'name', value: '={{ $json.name }}' };

	test('Glue Delete: items on one connection one after another, the others at once', async () => {
		const seen = counting(glue.DeleteConnectionCommand, (input) => input.ConnectionName);
		const { output } = await glueRun({ operation: 'delete', connection: locator }, { inputItems: named(['a', 'b', 'a', 'c', 'A', 'd']) });
		expect(output).toHaveLength(6);
		expect(seen.maxPerName).toBe(1);
		expect(seen.max).toBeGreaterThan(1);
	});

	test('Glue Update: a rename holds its new name, so an update of that name waits', async () => {
		const seen = { order: [], inFlight: 0, max: 0 };
		glueMock.on(glue.UpdateConnectionCommand).callsFake(async (input) => {
			seen.max = Math.max(seen.max, ++seen.inFlight);
			seen.order.push(`${input.Name}<-${input.ConnectionInput.Name}`);
			for (let turn = 0; turn < 5; turn++) await tick();
			seen.inFlight--;
			return {};
		});
		const update = { ...create(), operation: 'update', connection: locator, newName: '={{ $json.newName }}' };
		delete update.name;
		await glueRun(update, { inputItems: [{ name: 'old', newName: 'new' }, { name: 'new', newName: '' }, { name: 'other', newName: '' }] });
		// "new" (item 1) waits for the rename to "new" (item 0); "other" does not.
		expect(seen.max).toBe(2);
		expect(seen.order.indexOf('old<-new')).toBeLessThan(seen.order.indexOf('new<-new'));
	});

	test('Glue Connection Type Delete: items on one type one after another', async () => {
		const seen = counting(glue.DeleteConnectionTypeCommand, (input) => input.ConnectionType);
		await glueRun(
			{ resource: 'connectionType', operation: 'delete', connectionTypeName: { __rl: true, mode: 'name', value: '={{ $json.name }}' } },
			{ inputItems: named(['REST-A', 'REST-B', 'REST-A', 'REST-A']) },
		);
		expect(seen.maxPerName).toBe(1);
		expect(seen.max).toBe(2);
	});
});
