// Runs one of our nodes through n8n-core's real WorkflowExecute: an "Items" source node feeds the
// given input items into the node under test; the result is what n8n itself would hand to the
// next node (items with pairedItem), or the error that stopped the workflow.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core writes into the user folder: keep it out of the home folder.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-engine-'));
// The engine logs every node error; the tests assert on them instead.
process.env.N8N_LOG_LEVEL ??= 'silent';

const { WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const DEFAULT_CREDENTIALS = {
	region: 'us-east-1',
	accessKeyId: 'AKIAENGINETEST',
	secretAccessKey: 'engine-test-secret',
};

/** A source node that emits the items given in its `items` parameter. */
class ItemsSource {
	description = {
		displayName: 'Items',
		name: 'itemsSource',
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};
	async execute() {
		const items = JSON.parse(this.getNodeParameter('items', 0));
		return [items.map((json) => ({ json }))];
	}
}

function nodeTypesFor(types) {
	const byName = (name) => {
		const type = types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	};
	return {
		getByName: byName,
		getByNameAndVersion: (name) => byName(name),
		getKnownTypes: () => ({}),
	};
}

/** `data` serves every credential type, unless `byType` has the type's own data. */
function credentialsHelper(data, byType = {}) {
	const forType = (type) => structuredClone(byType[type] ?? data);
	return {
		getDecrypted: async (_additionalData, _nodeCredentials, type) => forType(type),
		isCredentialUsableByNode: () => true,
		getParentTypes: () => [],
		authenticate: async (_creds, _type, options) => options,
		preAuthentication: async () => undefined,
		runPreAuthentication: async () => undefined,
		getCredentials: async () => ({ getData: () => structuredClone(data) }),
		getCredentialsProperties: () => [],
		updateCredentials: async () => undefined,
		updateCredentialsOauthTokenData: async () => undefined,
	};
}

/** The Tool variant n8n makes of a node: its type name ends with "Tool"; everything else is the node's. */
function asToolVariant(node) {
	return { description: { ...node.description, name: `${node.description.name}Tool` }, methods: node.methods, execute: node.execute };
}

/**
 * @param {object} options
 * @param {object} options.node       an instance of our node class
 * @param {object} options.parameters the node's parameters (as n8n stores them)
 * @param {object[]} [options.inputItems] JSON of the input items (default: one empty item)
 * @param {object} [options.credentials] decrypted awsConnectionsApi data
 * @param {object} [options.extraCredentials] decrypted data of further credential types, by type (e.g. awsConnectionSecretApi)
 * @param {boolean} [options.continueOnFail]
 * @param {number} [options.typeVersion] the node's version (default: the one the editor gives a new node)
 * @param {boolean} [options.asTool] run the node's Tool variant (`<node>Tool`), as an AI Agent or MCP trigger does
 * @returns {Promise<{output: object[]|undefined, error: Error|undefined, run: object}>}
 */
async function runNode({ node, parameters, inputItems = [{}], credentials = DEFAULT_CREDENTIALS, extraCredentials = {}, continueOnFail = false, typeVersion, asTool = false }) {
	// As a tool: the `<node>Tool` type n8n derives from a node with usableAsTool (same execute()).
	if (asTool) node = asToolVariant(node);
	const typeName = `n8n-nodes-aws-connections.${node.description.name}`;
	const nodes = [
		{
			id: 'source',
			name: 'Items',
			type: 'test.itemsSource',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(inputItems) },
		},
		{
			id: 'subject',
			name: 'Subject',
			type: typeName,
			typeVersion: typeVersion ?? node.description.defaultVersion ?? node.description.version,
			position: [200, 0],
			parameters,
			credentials: {
				awsConnectionsApi: { id: 'cred-1', name: 'AWS test' },
				...Object.fromEntries(Object.keys(extraCredentials).map((type, index) => [type, { id: `cred-extra-${index}`, name: type }])),
			},
			...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		},
	];
	const connections = { Items: { main: [[{ node: 'Subject', type: 'main', index: 0 }]] } };
	const workflowData = { id: 'wf-test', name: 'engine test', nodes, connections, active: false, settings: {} };
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes: nodeTypesFor({ 'test.itemsSource': new ItemsSource(), [typeName]: node }),
		settings: {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', workflowData);
	let finished;
	const done = new Promise((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => finished(fullRunData));

	const additionalData = {
		credentialsHelper: credentialsHelper(credentials, extraCredentials),
		hooks,
		executeWorkflow: async () => {
			throw new Error('not supported in engine tests');
		},
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'user-test',
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('not supported in engine tests');
		},
	};

	const execution = new WorkflowExecute(additionalData, 'manual');
	const started = execution.run({ workflow, startNode: workflow.getNode('Items') });
	const run = await Promise.race([started, done]).then(() => done);
	const taskData = run.data.resultData.runData.Subject?.[0];
	return {
		output: taskData?.data?.main?.[0] ?? undefined,
		error: run.data.resultData.error ?? taskData?.error,
		run,
	};
}

module.exports = { runNode, DEFAULT_CREDENTIALS };
