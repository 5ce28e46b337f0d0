// The bad-input corpus (test/support/badInputCorpus.js) through n8n-core's real engine, against a
// loopback endpoint that records every request, STS included (the credential assumes a role, so
// building a client would call STS first). Every malformed input must end in a NodeOperationError
// naming the field and the item (or, with Continue On Fail, an error item saying so), nothing may be
// sent, nothing may crash or reject unhandled, and no message may contain a secret.
const { runNode } = require('../../support/engine');
const { startRecordingEndpoint } = require('../../support/recordingEndpoint');
const { SECRET, URL_SECRET, allBaselines, buildCorpus, jsonDoorCorpus, operationsOf, pathText } = require('../../support/badInputCorpus');
const { buildConnectionInput, buildTags } = require('../../../nodes/GlueConnection/common/definition');
const { buildCreateRequest } = require('../../../nodes/EventBridgeConnection/common/definition');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const NODES = { glue: GlueConnection, eventBridge: EventBridgeConnection };
const descriptions = { glue: new GlueConnection().description, eventBridge: new EventBridgeConnection().description };
const corpus = buildCorpus(descriptions);
const BASELINES = allBaselines(descriptions);
// The second door: every form case of a baseline that sends a definition, as the JSON Definition
// the form's own mapping makes of the baseline with the bad value where the field's value goes.
const requestOf = (node, parameters) => {
	if (node === 'eventBridge') return buildCreateRequest(parameters);
	const tags = buildTags(parameters);
	return { ...buildConnectionInput(parameters, parameters.name ?? parameters.newName ?? 'corpus-definition'), ...(tags ? { Tags: tags } : {}) };
};
const jsonDoor = jsonDoorCorpus(descriptions, corpus, requestOf);
const JSON_OPERATIONS = ['create', 'createOrUpdate', 'reconcile'];
const jsonParameters = (operation) => ({
	operation,
	definitionFrom: 'json',
	definitionJson: '={{ $json.definition }}',
	...(operation === 'reconcile' ? { scopePrefix: 'corpus' } : {}),
});
// Printed for the docs, which quote these counts (docs/front-door.md).
console.log(
	`bad-input corpus: ${corpus.length} form cases; ${jsonDoor.cases.length} of them also as JSON Definitions, each through ${JSON_OPERATIONS.join(', ')} (${jsonDoor.cases.length * JSON_OPERATIONS.length} JSON runs)`,
);

let recorder;
let credentials;
const unhandled = [];
const onUnhandled = (reason) => unhandled.push(reason);
beforeAll(async () => {
	process.on('unhandledRejection', onUnhandled);
	recorder = await startRecordingEndpoint();
	credentials = {
		region: 'us-east-1',
		accessKeyId: 'AKIACORPUS',
		secretAccessKey: 'corpus-secret-access-key',
		endpoint: recorder.endpoint,
		assumeRole: true,
		roleArn: 'arn:aws:iam::123456789012:role/corpus',
	};
});
afterAll(async () => {
	process.off('unhandledRejection', onUnhandled);
	await recorder?.stop();
});

// One attempt per request: a case that slipped through fails at once instead of retrying.
const run = (node, parameters, options) =>
	runNode({ node: new NODES[node](), credentials, ...options, parameters: { ...parameters, options: { maxAttempts: 1, ...parameters.options } } });
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the corpus holds malformed inputs for every resource and operation the node descriptions offer', () => {
	expect(corpus.length).toBeGreaterThanOrEqual(400);
	for (const [node, description] of Object.entries(descriptions)) {
		const resourceDefault = description.properties.find((p) => p.name === 'resource')?.default;
		const key = ({ resource, operation }) => `${resource ?? resourceDefault}.${operation}`;
		const offered = operationsOf(description).map(key).sort();
		const covered = [...new Set(corpus.filter((c) => c.node === node).map((c) => key(c.parameters)))].sort();
		expect(covered).toEqual(offered);
	}
	// The description is read, not assumed: both resources of Glue, Reconcile in both nodes.
	expect(operationsOf(descriptions.glue).map((o) => `${o.resource}.${o.operation}`)).toEqual(
		expect.arrayContaining(['connection.create', 'connection.reconcile', 'connectionType.register', 'connectionType.delete']),
	);
	expect(operationsOf(descriptions.eventBridge).map((o) => o.operation)).toEqual(expect.arrayContaining(['deauthorize', 'reconcile']));
	// Both JSON fields of Register, and its multiple choice, get wrong types.
	const register = corpus.filter((c) => c.baseline === 'connectionType register' && c.family === 'type').map((c) => c.path.join('.'));
	expect(register).toEqual(expect.arrayContaining(['connectionPropertiesConfiguration', 'restConfiguration', 'connectionTypeFields.authenticationProperties', 'connectorAuthenticationTypes']));
	expect(new Set(corpus.map((c) => c.family))).toEqual(new Set(['type', 'content', 'whole run']));
});

// The corpus proves something only if the same parameters, well-formed, do reach AWS.
describe.each(Object.entries(BASELINES).flatMap(([node, baselines]) => Object.keys(baselines).map((name) => [node, name])))('baseline %s %s', (node, name) => {
	test('well-formed, it reaches the endpoint', async () => {
		const before = recorder.requests.length;
		const { error } = await run(node, BASELINES[node][name]);
		expect(recorder.requests.length).toBeGreaterThan(before);
		expect(error?.name).toBe('NodeApiError');
	});
});

describe.each(corpus.map((c, index) => [c.name, c, index]))('%s', (_name, entry, index) => {
	// Half the cases stop the node (item 0); the other half run three items with Continue On Fail.
	// Options read once per run stop it at item 0 whatever Continue On Fail says.
	const tolerant = index % 2 === 1 && entry.family !== 'whole run';
	test(tolerant ? 'three items, Continue On Fail: three error items naming the field and their item, nothing sent' : 'a NodeOperationError naming the field and item 0, nothing sent', async () => {
		const before = recorder.requests.length;
		const items = tolerant ? [{ bad: entry.value }, { bad: entry.value }, { bad: entry.value }] : [{ bad: entry.value }];
		const { output, error } = await run(entry.node, entry.parameters, { inputItems: items, continueOnFail: tolerant });
		expect(recorder.requests.slice(before)).toEqual([]);
		const field = escape(entry.label);
		if (tolerant) {
			expect(error).toBeUndefined();
			// One error item per item; or, for a setting of a whole-set operation (Reconcile's Scope
			// Prefix), one error item naming item 0 that stands for every item.
			const setLevel = output.length === 1 && Array.isArray(output[0].pairedItem);
			const expected = setLevel ? [[{ item: 0 }, { item: 1 }, { item: 2 }]] : [{ item: 0 }, { item: 1 }, { item: 2 }];
			expect(output.map((item) => item.pairedItem)).toEqual(expected);
			output.forEach((item, itemIndex) => {
				expect(item.json.error).toMatch(new RegExp(`^${field}: .+ \\(item ${itemIndex}\\)$`, 's'));
				expect(item.json.description).toContain('Nothing was sent to AWS');
				expect(JSON.stringify(item.json)).not.toContain(SECRET);
				expect(JSON.stringify(item.json)).not.toContain(URL_SECRET);
			});
		} else {
			expect(error?.name).toBe('NodeOperationError');
			expect(error.message).toMatch(new RegExp(`^${field}: .+ \\(item 0\\)$`, 's'));
			expect(`${error.message} ${error.description}`).not.toContain(SECRET);
			expect(`${error.message} ${error.description}`).not.toContain(URL_SECRET);
		}
	});
});

test('the JSON door holds the definition-sending form cases of both nodes, the URL password cases included', () => {
	expect(jsonDoor.cases.length).toBeGreaterThanOrEqual(150);
	for (const node of ['glue', 'eventBridge']) expect(jsonDoor.cases.filter((c) => c.node === node).length).toBeGreaterThan(30);
	const urls = jsonDoor.cases.filter((c) => typeof c.value === 'string' && c.value.includes(URL_SECRET)).map((c) => c.baseline);
	expect(new Set(urls)).toEqual(new Set(['create JDBC URL', 'update MONGODB']));
});

// The JSON door's baselines are well-formed too: unchanged, they reach AWS through every operation.
describe.each(Object.entries(jsonDoor.baselines).flatMap(([id, definition]) => JSON_OPERATIONS.map((operation) => [id, operation, definition])))('JSON baseline %s through %s', (id, operation, definition) => {
	test('well-formed, it reaches the endpoint', async () => {
		const before = recorder.requests.length;
		const { error } = await run(id.split(' ')[0], jsonParameters(operation), { inputItems: [{ definition: JSON.stringify(definition) }] });
		expect(recorder.requests.length).toBeGreaterThan(before);
		expect(error?.name).toBe('NodeApiError');
	});
});

describe.each(jsonDoor.cases.flatMap((c) => JSON_OPERATIONS.map((operation) => [c.name, operation, c])))('%s through %s', (_name, operation, entry) => {
	test('a NodeOperationError naming the JSON path and item 0, nothing sent', async () => {
		const before = recorder.requests.length;
		const { error } = await run(entry.node, jsonParameters(operation), { inputItems: [{ definition: JSON.stringify(entry.definition) }] });
		expect(recorder.requests.slice(before)).toEqual([]);
		expect(error?.name).toBe('NodeOperationError');
		// The path the value went to, or (a map's key, a list's entry) the member that holds it.
		const member = escape(pathText(entry.jsonPath.slice(0, 1)));
		expect(error.message).toMatch(new RegExp(`^Definition \\(JSON\\) › ${member}.*: .+ \\(item 0\\)$`, 's'));
		for (const secret of [SECRET, URL_SECRET]) expect(`${error.message} ${error.description}`).not.toContain(secret);
	});
});

test('no unhandled rejection during the whole corpus', () => {
	expect(unhandled).toEqual([]);
});
