// The form each operation shows, judged as n8n's editor judges it (n8n-workflow's displayParameter
// over the node's whole description): every operation shows exactly the fields its own file lists,
// in that order; each field stands once in the description; and the fields users know stand where
// they stood before operation files owned their fields.
const { NodeHelpers } = require('n8n-workflow');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');
const glueConnection = require('../../../nodes/GlueConnection/actions/connection');
const glueConnectionType = require('../../../nodes/GlueConnection/actions/connectionType');
const eventBridgeConnection = require('../../../nodes/EventBridgeConnection/actions/connection');
const { resourceProperties } = require('../../../nodes/shared/form');

const nodes = [
	{ node: new GlueConnection().description, resources: { connection: glueConnection.operations, connectionType: glueConnectionType.operations } },
	{ node: new EventBridgeConnection().description, resources: { connection: eventBridgeConnection.operations } },
];

/** Values that change what a definition form shows, beyond the defaults. */
const SCENARIOS = [
	{},
	{ connectionType: 'KAFKA', kafkaSaslMechanism: 'PLAIN', authenticationType: 'BASIC', secretSource: 'secretsManager' },
	{ connectionType: '__other__', authenticationType: 'OAUTH2', secretSource: 'credential', returnAll: true, output: 'definitions' },
	{ authorizationType: 'OAUTH_CLIENT_CREDENTIALS', secretSource: 'secretsManager' },
	{ authorizationType: 'API_KEY' },
];

/** The fields n8n shows for these values: all parameters resolved with their defaults first, as the editor does. */
function shown(description, fields, values, version = 1.1) {
	const node = { typeVersion: version };
	const all = NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description);
	return fields.filter((field) => NodeHelpers.displayParameter(all, field, node, description));
}
const label = (field) => `${field.name}: ${field.displayName}`;

describe.each(nodes.map(({ node, resources }) => [node.displayName, node, resources]))('%s', (_, description, resources) => {
	const cases = Object.entries(resources).flatMap(([resource, operations]) => Object.keys(operations).map((operation) => [resource, operation]));

	test.each(cases)('%s / %s shows exactly the fields its operation file lists, in its order', (resource, operation) => {
		const own = resources[resource][operation].description;
		expect(own.length).toBeGreaterThan(0);
		for (const scenario of SCENARIOS) {
			const values = { resource, operation, ...scenario };
			const visible = shown(description, description.properties, values).map(label);
			// The operation's own list, each field judged by its own conditions only (no operation in them).
			const expected = ['resource: Resource', 'operation: Operation', ...shown(description, own, values).map(label)];
			expect(visible).toEqual(expected);
		}
	});

	test('each field stands once: one property per field an operation lists, none repeated', () => {
		const listed = new Set(Object.values(resources).flatMap((operations) => Object.values(operations).flatMap((operation) => [...operation.description])));
		const operationFields = Object.keys(resources).length;
		expect(description.properties).toHaveLength(1 + operationFields + listed.size);
		const distinct = new Set(description.properties.map((property) => JSON.stringify(property)));
		expect(distinct.size).toBe(description.properties.length);
	});
});

describe('the forms users know', () => {
	const glue = nodes[0].node;
	const eventBridge = nodes[1].node;
	const names = (description, values) => shown(description, description.properties, values).map((field) => field.name);
	const JDBC_FORM = ['connectionType', 'secretSource', 'jdbcConnectUsing', 'jdbcEngine', 'jdbcHost', 'jdbcPort', 'jdbcDatabase', 'jdbcEngineVersion', 'jdbcCredentials', 'jdbcUsername', 'jdbcPassword', 'jdbcEnforceSsl', 'jdbcDriverJarUri', 'jdbcDriverClassName', 'authenticationType', 'additionalConnectionProperties'];
	const SAVED = ['physicalConnectionRequirements', 'additionalFields'];

	test.each([
		['create', ['definitionFrom', 'name', ...JDBC_FORM, ...SAVED, 'options']],
		['createOrUpdate', ['definitionFrom', 'name', ...JDBC_FORM, ...SAVED, 'options']],
		['update', ['connection', 'updateNotice', 'newName', ...JDBC_FORM, ...SAVED, 'options']],
		['testDefinition', [...JDBC_FORM, 'options']],
		['delete', ['connection', 'options']],
		['testConnection', ['connection', 'options']],
		['get', ['connection', 'hidePassword', 'options']],
		['getMany', ['hidePassword', 'returnAll', 'limit', 'filters', 'output', 'options']],
	])('Glue connection / %s', (operation, expected) => {
		expect(names(glue, { resource: 'connection', operation })).toEqual(['resource', 'operation', ...expected]);
	});

	test.each(['create', 'createOrUpdate'])('Glue connection / %s from a Definition (JSON): the JSON field and what a reference to the credential needs, no form field', (operation) => {
		expect(names(glue, { resource: 'connection', operation, definitionFrom: 'json' })).toEqual(['resource', 'operation', 'definitionFrom', 'definitionJson', 'secretSource', 'options']);
	});

	test.each([
		['register', ['newConnectionType', 'integrationType', 'connectorAuthenticationTypes', 'connectionPropertiesConfiguration', 'restConfiguration', 'connectionTypeFields', 'options']],
		['get', ['connectionTypeName', 'options']],
		['delete', ['connectionTypeName', 'options']],
		['getMany', ['returnAll', 'limit', 'options']],
	])('Glue connection type / %s', (operation, expected) => {
		expect(names(glue, { resource: 'connectionType', operation })).toEqual(['resource', 'operation', ...expected]);
	});

	test.each([
		['create', { authorizationType: 'API_KEY' }, ['definitionFrom', 'name', 'secretSource', 'authorizationType', 'keyHeaderName', 'apiKeyValue', 'additionalFields', 'options']],
		['createOrUpdate', { authorizationType: 'API_KEY' }, ['definitionFrom', 'name', 'secretSource', 'authorizationType', 'keyHeaderName', 'apiKeyValue', 'additionalFields', 'options']],
		['update', {}, ['connection', 'secretSource', 'authorizationType', 'additionalFields', 'options']],
		['update', { authorizationType: 'API_KEY' }, ['connection', 'secretSource', 'authorizationType', 'typeChangeNotice', 'keyHeaderName', 'apiKeyValue', 'additionalFields', 'options']],
		['deauthorize', {}, ['connection', 'options']],
		['delete', {}, ['connection', 'options']],
		['get', {}, ['connection', 'options']],
		['getMany', {}, ['returnAll', 'limit', 'filters', 'output', 'options']],
	])('EventBridge connection / %s %j', (operation, values, expected) => {
		expect(names(eventBridge, { resource: 'connection', operation, ...values })).toEqual(['resource', 'operation', ...expected]);
	});

	test('Update offers "Keep Current" and requires nothing; Create requires the type', () => {
		const authorizationType = (operation) => shown(eventBridge, eventBridge.properties, { operation }).find((field) => field.name === 'authorizationType');
		expect(authorizationType('update').default).toBe('');
		expect(authorizationType('update').required).toBeFalsy();
		expect(authorizationType('update').options[0].name).toBe('Keep Current');
		expect(authorizationType('create')).toMatchObject({ default: 'BASIC', required: true });
	});
});

describe('resourceProperties', () => {
	const field = (name, extra = {}) => ({ displayName: name, name, type: 'string', default: '', ...extra });
	const operationField = field('operation');

	test("keeps every operation's order, merges shared fields into one, and keeps a field's own conditions", () => {
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => field(name));
		const limited = field('limited', { displayOptions: { show: { returnAll: [false] }, hide: { x: [''] } } });
		const properties = resourceProperties(operationField, { one: { description: [a, c, limited] }, two: { description: [b, c, d] }, three: { description: [a, b, d] } }, 'res');
		expect(properties.map((property) => property.name)).toEqual(['operation', 'a', 'b', 'c', 'limited', 'd']);
		const show = Object.fromEntries(properties.slice(1).map((property) => [property.name, property.displayOptions]));
		expect(show).toEqual({
			a: { show: { resource: ['res'], operation: ['one', 'three'] } },
			b: { show: { resource: ['res'], operation: ['two', 'three'] } },
			c: { show: { resource: ['res'], operation: ['one', 'two'] } },
			limited: { show: { returnAll: [false], resource: ['res'], operation: ['one'] }, hide: { x: [''] } },
			d: { show: { resource: ['res'], operation: ['two', 'three'] } },
		});
	});

	test('a field every operation lists needs no operation condition; two objects of one name stay two properties', () => {
		const options = field('options');
		const [create, update] = [field('type', { required: true }), field('type')];
		const properties = resourceProperties(operationField, { create: { description: [create, options] }, update: { description: [update, options] } });
		expect(properties.map((property) => [property.name, property.displayOptions])).toEqual([
			['operation', undefined],
			['type', { show: { operation: ['create'] } }],
			['type', { show: { operation: ['update'] } }],
			['options', undefined],
		]);
	});

	test('operations that list fields in contradicting orders are refused when the node loads', () => {
		const [a, b] = [field('a'), field('b')];
		expect(() => resourceProperties(operationField, { one: { description: [a, b] }, two: { description: [b, a] } })).toThrow(/contradicting orders/);
	});
});
