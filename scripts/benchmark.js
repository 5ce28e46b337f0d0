#!/usr/bin/env node
// Measures our nodes against the raw SDK on the same loopback moto endpoint, in one process, and
// prints ratios (never asserted in tests: timings depend on the machine).
//   node scripts/benchmark.js [items=200]     (after `npm run build`: it runs the bundled dist/ files)
// Per scenario, baselines: (a) one SDK client reused for every call, (b) a new SDK client per call.
// Ours: one n8n execution of the node with N input items (one client per execution).
process.env.N8N_LOG_LEVEL = 'silent';
const glue = require('@aws-sdk/client-glue');
const events = require('@aws-sdk/client-eventbridge');
const { startMoto } = require('../test/support/moto');
const { runNode } = require('../test/support/engine');
const { GlueConnection } = require('../dist/nodes/GlueConnection/GlueConnection.node.js');
const { EventBridgeConnection } = require('../dist/nodes/EventBridgeConnection/EventBridgeConnection.node.js');

const items = Number(process.argv[2] ?? 200);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Each scenario: the raw SDK call for one name, and the node parameters that make the same call per item. */
const SCENARIOS = [
	{
		title: 'Glue CreateConnection (JDBC)',
		Client: glue.GlueClient,
		command: (Name) =>
			new glue.CreateConnectionCommand({
				ConnectionInput: { Name, ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/x', SECRET_ID: 'glue/x' } },
			}),
		node: () => new GlueConnection(),
		parameters: {
			operation: 'create',
			name: '={{ $json.name }}',
			connectionType: 'JDBC',
			jdbcConnectUsing: 'url',
			jdbcConnectionUrl: 'jdbc:postgresql://db:5432/x',
			jdbcCredentials: 'secret',
			jdbcSecretId: 'glue/x',
		},
	},
	{
		title: 'EventBridge CreateConnection (API key)',
		Client: events.EventBridgeClient,
		command: (Name) =>
			new events.CreateConnectionCommand({
				Name,
				AuthorizationType: 'API_KEY',
				AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'benchmark-key' } },
			}),
		node: () => new EventBridgeConnection(),
		parameters: { operation: 'create', name: '={{ $json.name }}', authorizationType: 'API_KEY', keyHeaderName: 'x-api-key', apiKeyValue: 'benchmark-key' },
	},
];

async function measure(scenario, moto, prefix) {
	const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
	const names = (kind) => Array.from({ length: items }, (_, i) => `${prefix}-${kind}-${i}`);

	let start = process.hrtime.bigint();
	const reused = new scenario.Client(config);
	for (const name of names('reused')) await reused.send(scenario.command(name));
	const reusedMs = ms(start);
	reused.destroy();

	start = process.hrtime.bigint();
	for (const name of names('fresh')) {
		const client = new scenario.Client(config);
		await client.send(scenario.command(name));
		client.destroy();
	}
	const freshMs = ms(start);

	start = process.hrtime.bigint();
	const { error, output } = await runNode({
		node: scenario.node(),
		parameters: scenario.parameters,
		inputItems: names('node').map((name) => ({ name })),
		credentials: moto.credentials,
	});
	const nodeMs = ms(start);
	const failed = error?.message ?? output?.find((item) => item.json.error)?.json.error;
	if (failed || output.length !== items) throw new Error(`${scenario.title}: node run failed: ${failed}`);

	const per = (total) => (total / items).toFixed(2);
	console.log(`${scenario.title} x ${items}`);
	console.log(`  raw SDK, one client:           ${per(reusedMs)} ms/item`);
	console.log(`  raw SDK, new client per call:  ${per(freshMs)} ms/item`);
	console.log(`  our node in n8n's engine:      ${per(nodeMs)} ms/item`);
	console.log(`  ratio node / one client:       ${(nodeMs / reusedMs).toFixed(2)}`);
	console.log(`  ratio node / client per call:  ${(nodeMs / freshMs).toFixed(2)}`);
}

async function main() {
	const moto = await startMoto();
	try {
		console.log(`Against moto on loopback (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`);
		// Warm up module loading and the server once, outside the measurements.
		for (const [index, scenario] of SCENARIOS.entries()) {
			await runNode({ node: scenario.node(), parameters: { ...scenario.parameters, name: `warm-up-${index}` }, credentials: moto.credentials });
		}
		for (const [index, scenario] of SCENARIOS.entries()) await measure(scenario, moto, `bench${index}`);
	} finally {
		await moto.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
