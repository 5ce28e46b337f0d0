// The lean per-item path in n8n's real engine: only the parameters the chosen operation and type
// show are read, and those without an expression once per execution, not once per item.
const { mockClient } = require('aws-sdk-client-mock');
const core = require('n8n-core');
const glue = require('@aws-sdk/client-glue');
const eventBridge = require('@aws-sdk/client-eventbridge');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const glueMock = mockClient(glue.GlueClient);
const eventBridgeMock = mockClient(eventBridge.EventBridgeClient);

/** Records every parameter read of the node under test: [name, itemIndex]. */
let reads = [];
let contextClass = core.ExecuteContext.prototype;
while (!Object.prototype.hasOwnProperty.call(contextClass, '_getNodeParameter')) contextClass = Object.getPrototypeOf(contextClass);
const original = contextClass._getNodeParameter;
beforeAll(() => {
	contextClass._getNodeParameter = function (name, itemIndex, ...rest) {
		if (this.node?.name === 'Subject') reads.push([name, itemIndex]);
		return original.call(this, name, itemIndex, ...rest);
	};
});
afterAll(() => {
	contextClass._getNodeParameter = original;
});
beforeEach(() => {
	reads = [];
	glueMock.reset();
	eventBridgeMock.reset();
});

const items = (count) => Array.from({ length: count }, (_, i) => ({ name: `conn-${i}`, database: `db${i}` }));
const readsOf = (itemIndex) => reads.filter(([, index]) => index === itemIndex).map(([name]) => name);

test('Glue JDBC create: after the first item, only the fields holding expressions are read again', async () => {
	glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
	const { output, error } = await runNode({
		node: new GlueConnection(),
		parameters: {
			operation: 'create',
			name: '={{ $json.name }}',
			connectionType: 'JDBC',
			jdbcConnectUsing: 'hostPort',
			jdbcEngine: 'postgres',
			jdbcHost: 'db.internal.example.com',
			jdbcPort: 5432,
			jdbcDatabase: '={{ $json.database }}',
			jdbcCredentials: 'secret',
			jdbcSecretId: 'glue/sales',
			additionalFields: { description: 'bulk', tags: { pairs: [{ key: 'team', value: 'data' }] } },
		},
		inputItems: items(20),
	});
	expect(error).toBeUndefined();
	// Every item got its own, complete definition.
	const sent = glueMock.commandCalls(glue.CreateConnectionCommand).map((call) => call.args[0].input);
	expect(sent[7].ConnectionInput.ConnectionProperties.JDBC_CONNECTION_URL).toBe('jdbc:postgresql://db.internal.example.com:5432/db7');
	expect(sent[19].Tags).toEqual({ team: 'data' });
	expect(output).toHaveLength(20);

	// Later items read only the two expressions, each once (the name is read ahead to keep two
	// items on one connection apart, and that value serves the request too).
	for (const itemIndex of [1, 10, 19]) expect(readsOf(itemIndex).sort()).toEqual(['jdbcDatabase', 'name']);
	// Nothing of another connection type, another credentials choice or another operation is read.
	const readNames = new Set(reads.map(([name]) => name));
	for (const hidden of ['kafkaBootstrapServers', 'mongodbConnectionUrl', 'jdbcConnectionUrl', 'jdbcUsername', 'jdbcPassword', 'connection', 'newName', 'hidePassword']) {
		expect(readNames.has(hidden)).toBe(false);
	}
	// All parameter reads of the whole execution: far fewer than one per field per item.
	expect(reads.length).toBeLessThan(20 * 2 + 30);
});

test('EventBridge API-key create: later items read only the name, once', async () => {
	eventBridgeMock.on(eventBridge.CreateConnectionCommand).resolves({ ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/x/1', ConnectionState: 'AUTHORIZED' });
	const { output, error } = await runNode({
		node: new EventBridgeConnection(),
		parameters: { operation: 'create', name: '={{ $json.name }}', authorizationType: 'API_KEY', keyHeaderName: 'x-api-key', apiKeyValue: 'lean-path-key-value' },
		inputItems: items(12),
	});
	expect(error).toBeUndefined();
	expect(output).toHaveLength(12);
	const sent = eventBridgeMock.commandCalls(eventBridge.CreateConnectionCommand).map((call) => call.args[0].input);
	expect(sent.map((input) => input.Name)).toEqual(items(12).map((item) => item.name));
	expect(sent[11].AuthParameters.ApiKeyAuthParameters).toEqual({ ApiKeyName: 'x-api-key', ApiKeyValue: 'lean-path-key-value' });
	for (const itemIndex of [1, 11]) expect(readsOf(itemIndex)).toEqual(['name']);
});

test('a value shared by every item is frozen: a mapping that changed it would fail loudly, not leak into the next item', async () => {
	const { parameterValue } = require('../../../nodes/shared/parameters');
	const ctx = {
		getNode: () => ({ parameters: { additionalFields: { tags: { pairs: [{ key: 'a', value: 'b' }] } } } }),
		getNodeParameter: jest.fn(() => ({ tags: { pairs: [{ key: 'a', value: 'b' }] } })),
	};
	const first = parameterValue(ctx, 0, 'additionalFields', null);
	const second = parameterValue(ctx, 1, 'additionalFields', null);
	expect(second).toBe(first);
	expect(ctx.getNodeParameter).toHaveBeenCalledTimes(1);
	expect(() => {
		'use strict';
		first.tags.pairs[0].value = 'changed';
	}).toThrow(TypeError);
});

describe('a definition whose only per-item value is the name is mapped once per execution', () => {
	const glueDefinition = require('../../../nodes/GlueConnection/common/definition');
	const eventBridgeDefinition = require('../../../nodes/EventBridgeConnection/common/definition');
	const glueCreate = {
		operation: 'create',
		name: '={{ $json.name }}',
		connectionType: 'JDBC',
		jdbcConnectUsing: 'url',
		jdbcConnectionUrl: 'jdbc:postgresql://db:5432/sales',
		jdbcCredentials: 'secret',
		jdbcSecretId: 'glue/sales',
		additionalFields: { description: 'bulk', tags: { pairs: [{ key: 'team', value: 'data' }] } },
		options: { concurrency: 10 },
	};
	afterEach(() => jest.restoreAllMocks());

	test('Glue: one mapping, each request under its own name, the rest the same', async () => {
		const mapping = jest.spyOn(glueDefinition, 'buildConnectionInput');
		glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
		const { output, error } = await runNode({ node: new GlueConnection(), parameters: glueCreate, inputItems: items(25) });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.name)).toEqual(items(25).map((item) => item.name));
		expect(mapping).toHaveBeenCalledTimes(1);
		const sent = glueMock.commandCalls(glue.CreateConnectionCommand).map((call) => call.args[0].input);
		expect(sent.map((input) => input.ConnectionInput.Name).sort()).toEqual(items(25).map((item) => item.name).sort());
		for (const input of sent) {
			expect(input.ConnectionInput).toEqual({ ...sent[0].ConnectionInput, Name: input.ConnectionInput.Name });
			expect(input.Tags).toEqual({ team: 'data' });
		}
	});

	test('Glue: a second expression maps every item (no value of one item reaches another)', async () => {
		const mapping = jest.spyOn(glueDefinition, 'buildConnectionInput');
		glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
		const parameters = { ...glueCreate, additionalFields: { description: '={{ "for " + $json.database }}' } };
		const { error } = await runNode({ node: new GlueConnection(), parameters, inputItems: items(6) });
		expect(error).toBeUndefined();
		expect(mapping).toHaveBeenCalledTimes(6);
		const sent = glueMock.commandCalls(glue.CreateConnectionCommand).map((call) => call.args[0].input.ConnectionInput);
		for (const input of sent) expect(input.Description).toBe(`for db${input.Name.split('-')[1]}`);
	});

	test('Glue: an item whose own name is refused fails alone, the items waiting on its mapping map their own', async () => {
		glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
		const inputItems = items(12);
		inputItems[0].name = 'line\nbreak';
		const { output, error } = await runNode({ node: new GlueConnection(), parameters: glueCreate, inputItems, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output[0].json.error).toMatch(/Name/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output.slice(1).map((item) => item.json.action)).toEqual(Array(11).fill('created'));
		expect(glueMock.commandCalls(glue.CreateConnectionCommand)).toHaveLength(11);
	});

	test('EventBridge: one mapping, each request under its own name checked as the mapping checks it', async () => {
		const mapping = jest.spyOn(eventBridgeDefinition, 'buildCreateRequest');
		eventBridgeMock.on(eventBridge.CreateConnectionCommand).resolves({ ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/x/1', ConnectionState: 'AUTHORIZED' });
		const inputItems = items(10);
		inputItems[6].name = 'not a valid name!';
		const { output, error } = await runNode({
			node: new EventBridgeConnection(),
			parameters: { operation: 'create', name: '={{ $json.name }}', authorizationType: 'API_KEY', keyHeaderName: 'x-api-key', apiKeyValue: 'shared-mapping-key' },
			inputItems,
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(mapping).toHaveBeenCalledTimes(1);
		expect(output[6].json.error).toMatch(/Name/);
		expect(output[6].json.error).not.toContain('shared-mapping-key');
		const sent = eventBridgeMock.commandCalls(eventBridge.CreateConnectionCommand).map((call) => call.args[0].input);
		expect(sent.map((input) => input.Name)).toEqual(inputItems.filter((_, i) => i !== 6).map((item) => item.name));
		for (const input of sent) expect(input.AuthParameters).toEqual(sent[0].AuthParameters);
	});
});

test('no field of either node asks n8n to check its type (parameter reads skip that check: normalize is the check)', () => {
	const declaresValidateType = (field) =>
		'validateType' in field || [...(field.options ?? []), ...(field.values ?? [])].some((inner) => typeof inner === 'object' && declaresValidateType(inner));
	for (const node of [new GlueConnection(), new EventBridgeConnection()]) {
		expect(node.description.properties.filter(declaresValidateType).map((field) => field.name)).toEqual([]);
	}
});
