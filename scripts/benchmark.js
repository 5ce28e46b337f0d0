#!/usr/bin/env node
// Measures our Glue node against the raw SDK on the same loopback moto endpoint, in one process,
// and prints ratios (never asserted in tests: timings depend on the machine).
//   node scripts/benchmark.js [items=200]
// Baselines: (a) one SDK client reused for every call, (b) a new SDK client per call.
// Ours: one n8n execution of the node with N input items (one client per execution).
process.env.N8N_LOG_LEVEL = 'silent';
const glue = require('@aws-sdk/client-glue');
const { startMoto } = require('../test/support/moto');
const { runNode } = require('../test/support/engine');
// The published, bundled node file: run `npm run build` first.
const { GlueConnection } = require('../dist/nodes/GlueConnection/GlueConnection.node.js');

const items = Number(process.argv[2] ?? 200);
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function main() {
	const moto = await startMoto();
	const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
	const names = (prefix) => Array.from({ length: items }, (_, i) => `${prefix}-${i}`);
	const input = (Name) => ({ ConnectionInput: { Name, ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/x', SECRET_ID: 's' } } });
	try {
		// Warm up module loading and the server once, outside the measurements.
		await runNode({ node: new GlueConnection(), parameters: { operation: 'getMany', returnAll: true, hidePassword: true }, credentials: moto.credentials });

		let start = process.hrtime.bigint();
		const reused = new glue.GlueClient(config);
		for (const name of names('reused')) await reused.send(new glue.CreateConnectionCommand(input(name)));
		const reusedMs = ms(start);

		start = process.hrtime.bigint();
		for (const name of names('fresh')) {
			const client = new glue.GlueClient(config);
			await client.send(new glue.CreateConnectionCommand(input(name)));
			client.destroy();
		}
		const freshMs = ms(start);

		start = process.hrtime.bigint();
		const { error, output } = await runNode({
			node: new GlueConnection(),
			parameters: {
				operation: 'create',
				name: '={{ $json.name }}',
				connectionType: '__other__',
				otherConnectionType: 'JDBC',
				additionalConnectionProperties: { pairs: [{ key: 'JDBC_CONNECTION_URL', value: 'jdbc:postgresql://db:5432/x' }, { key: 'SECRET_ID', value: 's' }] },
			},
			inputItems: names('node').map((name) => ({ name })),
			credentials: moto.credentials,
		});
		const nodeMs = ms(start);
		if (error || output.length !== items) throw new Error(`node run failed: ${error?.message}`);

		const per = (total) => (total / items).toFixed(2);
		console.log(`Glue CreateConnection x ${items} against moto on loopback (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`);
		console.log(`  raw SDK, one client:         ${per(reusedMs)} ms/item`);
		console.log(`  raw SDK, new client per call: ${per(freshMs)} ms/item`);
		console.log(`  our node in n8n's engine:    ${per(nodeMs)} ms/item`);
		console.log(`  ratio node / one client:     ${(nodeMs / reusedMs).toFixed(2)}`);
		console.log(`  ratio node / client per call: ${(nodeMs / freshMs).toFixed(2)}`);
	} finally {
		await moto.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
