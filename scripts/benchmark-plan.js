#!/usr/bin/env node
// A Reconcile plan over a fleet, against the way Terraform refreshes one: requests sent and time,
// both against moto behind added latency (a counting proxy in its own process). Prints figures and
// ratios and exits 1 when a goal is missed; timings depend on the machine, so this is never a test.
// Runs the built dist/ files: `npx gulp build` first (`npm run bench` does).
//
//   node scripts/benchmark-plan.js [--connections=1000] [--latency=50] [--rounds=3]
//
// The account holds N Glue connections in the scope (and a few outside it); the desired set is the
// same N (1 % of them changed), as Export would give them.
//   node:      the Glue node's Reconcile, Mode Plan, one execution, the desired set as JSON Definitions.
//   Terraform: one GetConnection per connection, 10 in flight (terraform's default -parallelism),
//              then the same comparison, with a raw SDK client (the very SDK module our build bundles).
// Goals (issue 16): node requests <= 1/10 and node time <= 1/3 of Terraform's.
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

process.env.N8N_LOG_LEVEL = 'silent';
const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const CONNECTIONS = Number(args.connections ?? 1000);
const LATENCY_MS = Number(args.latency ?? 50);
const ROUNDS = Number(args.rounds ?? 3);
const IN_FLIGHT = 10;
const PREFIX = 'fleet-';
const CHANGED_EVERY = 100;

const fixed = (value, digits = 2) => value.toFixed(digits);
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

/** The counting proxy with added latency, in a child process (its work is not timed as ours); stats over IPC. */
async function startLatencyProxy(target) {
	const script = `
		const { startCountingProxy } = require(${JSON.stringify(path.join(ROOT, 'test', 'support', 'countingProxy.js'))});
		startCountingProxy({ target: ${JSON.stringify(target)}, latencyMs: ${LATENCY_MS} }).then((proxy) => {
			process.send({ endpoint: proxy.endpoint });
			process.on('message', (message) => {
				if (message === 'reset') proxy.reset();
				process.send({ stats: { ...proxy.stats } });
			});
		});`;
	const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const next = () => new Promise((resolve) => child.once('message', resolve));
	const { endpoint } = await next();
	const ask = async (message) => {
		const answer = next();
		child.send(message);
		return (await answer).stats;
	};
	return { endpoint, reset: () => ask('reset'), stats: () => ask('stats'), stop: () => child.kill() };
}

const connectionInput = (index, changed = false) => ({
	Name: `${PREFIX}${String(index).padStart(5, '0')}`,
	Description: changed ? 'moved to the new replica' : 'orders replica',
	ConnectionType: 'JDBC',
	MatchCriteria: ['fleet'],
	ConnectionProperties: {
		JDBC_CONNECTION_URL: `jdbc:postgresql://orders-${index}.internal:5432/orders`,
		SECRET_ID: `fleet/orders-${index}`,
	},
});

async function seed(glue, endpoint) {
	const client = new glue.GlueClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	const inputs = [...Array.from({ length: CONNECTIONS }, (_, index) => connectionInput(index)), { ...connectionInput(0), Name: 'outside-0' }, { ...connectionInput(1), Name: 'outside-1' }];
	let next = 0;
	const lane = async () => {
		while (next < inputs.length) await client.send(new glue.CreateConnectionCommand({ ConnectionInput: inputs[next++] }));
	};
	await Promise.all(Array.from({ length: 20 }, lane));
	client.destroy();
}

const desiredSet = () => Array.from({ length: CONNECTIONS }, (_, index) => ({ definition: connectionInput(index, index % CHANGED_EVERY === 0) }));
const expectedUpdates = Math.ceil(CONNECTIONS / CHANGED_EVERY);

/** Our node: one execution of Reconcile in Plan mode over the desired set. */
async function nodePlan({ runNode, GlueConnection }, endpoint, desired) {
	const { output, error } = await runNode({
		node: new GlueConnection(),
		parameters: { resource: 'connection', operation: 'reconcile', scopePrefix: PREFIX, mode: 'plan', definitionFrom: 'json', definitionJson: '={{ $json.definition }}' },
		inputItems: desired,
		credentials: { region: 'us-east-1', accessKeyId: 'testing', secretAccessKey: 'testing', endpoint },
	});
	if (error) throw new Error(`the node's plan failed: ${error.message}`);
	const actions = {};
	for (const item of output) actions[item.json.action] = (actions[item.json.action] ?? 0) + 1;
	return actions;
}

/** Terraform's refresh: one read per resource, 10 in flight, then a comparison of what it read. */
async function terraformPlan({ glue }, endpoint, desired) {
	const client = new glue.GlueClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	const actions = {};
	let next = 0;
	const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
	const lane = async () => {
		while (next < desired.length) {
			const wanted = desired[next++].definition;
			const { Connection: current } = await client.send(new glue.GetConnectionCommand({ Name: wanted.Name, HidePassword: true }));
			const equal = ['Description', 'ConnectionType', 'MatchCriteria', 'ConnectionProperties'].every((member) => same(wanted[member], current[member]));
			const action = equal ? 'unchanged' : 'update';
			actions[action] = (actions[action] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
	client.destroy();
	return actions;
}

async function main() {
	console.log(`Plan benchmark: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.cpus().length} CPUs`);
	console.log(`${CONNECTIONS} Glue connections in the scope (+2 outside), ${expectedUpdates} of them changed in the desired set, ${LATENCY_MS} ms added latency, ${ROUNDS} interleaved rounds (medians)`);
	const { runNode } = require('../test/support/engine');
	const glue = require(path.join(DIST, 'vendor', 'client-glue.js'));
	const { GlueConnection } = require(path.join(DIST, 'nodes', 'GlueConnection', 'GlueConnection.node.js'));
	const subjects = { runNode, glue, GlueConnection };
	const { startMoto } = require('../test/support/moto');
	const moto = await startMoto();
	const proxy = await startLatencyProxy(moto.endpoint);
	let failed = false;
	try {
		await seed(glue, moto.endpoint);
		const desired = desiredSet();
		const contestants = {
			'node (Reconcile, Plan)': (endpoint) => nodePlan(subjects, endpoint, desired),
			'Terraform-style refresh': (endpoint) => terraformPlan(subjects, endpoint, desired),
		};
		const figures = Object.fromEntries(Object.keys(contestants).map((name) => [name, { times: [], requests: [], actions: undefined }]));
		for (let round = 0; round < ROUNDS; round++) {
			for (const [name, run] of Object.entries(contestants)) {
				await proxy.reset();
				const started = process.hrtime.bigint();
				const actions = await run(proxy.endpoint);
				figures[name].times.push(seconds(started));
				figures[name].requests.push((await proxy.stats()).requests);
				figures[name].actions = actions;
			}
		}
		for (const [name, { times, requests, actions }] of Object.entries(figures)) {
			console.log(`  ${name.padEnd(26)} ${String(median(requests)).padStart(5)} requests  ${fixed(median(times))} s   ${JSON.stringify(actions)}`);
			if (actions.update !== expectedUpdates || actions.unchanged !== CONNECTIONS - expectedUpdates) {
				console.log(`    wrong plan: expected ${expectedUpdates} update and ${CONNECTIONS - expectedUpdates} unchanged`);
				failed = true;
			}
		}
		const [node, terraform] = Object.values(figures);
		const requestRatio = median(node.requests) / median(terraform.requests);
		const timeRatio = median(node.times) / median(terraform.times);
		const goals = [
			['requests, node / Terraform-style', requestRatio, 1 / 10],
			['time, node / Terraform-style', timeRatio, 1 / 3],
		];
		console.log('Goals:');
		for (const [label, value, limit] of goals) {
			const met = value <= limit;
			failed ||= !met;
			console.log(`  ${met ? 'met    ' : 'NOT met'}  plan over ${CONNECTIONS} behind ${LATENCY_MS} ms, ${label}: ${fixed(value, 3)} (goal <= ${fixed(limit, 3)})`);
		}
	} finally {
		proxy.stop();
		await moto.stop();
	}
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
