#!/usr/bin/env node
// A Reconcile plan over many accounts (Targets), against the plan of one target: requests sent and
// time, against moto behind added latency (the counting proxy in its own process, as in
// benchmark-plan.js). moto files the keys AssumeRole gives under the role's account, so each target
// is its own account's catalog. Prints figures and ratios and exits 1 when a goal is missed; timings
// depend on the machine, so this is never a test. Runs the built dist/ files (`npm run bench` builds).
//
//   node scripts/benchmark-targets.js [--targets=20] [--connections=100] [--latency=50] [--rounds=3] [--in-flight=10]
//
// Every target (account) holds N Glue connections in the scope; the desired set is the same N (one
// of them changed), with the subnet replaced per target.
//   one target:        the Glue node's Reconcile, Mode Plan, Targets = the first account only.
//   all targets:       the same over every account, Max Concurrent Targets = --in-flight.
// Goals (issue 23): the requests of all targets are exactly the targets times those of one (AssumeRole
// and the paged reads of each target, no read per connection); the time with 10 targets in flight
// is <= 3x the plan of one target.
//
// What the time measures: the node, with AWS's parallelism. moto is one Python process that answers
// one request at a time (about 60 ms of CPU for a page of 100 connections), so 20 accounts' pages
// would queue behind each other, where AWS answers separate accounts at once. So the proxy replays
// reads: the untimed warm-up plans (one target, then every target) go through to moto and the proxy
// keeps moto's answers, keyed by signing access key, Region, operation and request body (AssumeRole's
// RoleSessionName left out: it names the execution); in the timed rounds the same reads are answered
// with moto's own answers, each still held back by the added latency and counted. AssumeRole's kept
// answer is the one moto gave for that role, so each target still signs with its own account's keys
// and reads its own account's answer. Every timed plan is still checked (each target: 1 update,
// N-1 unchanged), and a timed request that was not replayed (went to moto) fails the run.
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

process.env.N8N_LOG_LEVEL = 'silent';
const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const TARGETS = Number(args.targets ?? 20);
const CONNECTIONS = Number(args.connections ?? 100);
const LATENCY_MS = Number(args.latency ?? 50);
const ROUNDS = Number(args.rounds ?? 3);
const IN_FLIGHT = Number(args['in-flight'] ?? 10);
const PREFIX = 'fleet-';
const SOURCE_SUBNET = 'subnet-0aaaaaaaaaaaaaaaa';

const fixed = (value, digits = 2) => value.toFixed(digits);
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const accountOf = (index) => String(100000000001 + index);
const subnetOf = (index) => `subnet-0${String(index).padStart(16, '0')}`;

/** The counting proxy with added latency and replayed reads, in a child process (its work is not timed as ours); stats over IPC. */
async function startLatencyProxy(target) {
	const script = `
		const { startCountingProxy } = require(${JSON.stringify(path.join(ROOT, 'test', 'support', 'countingProxy.js'))});
		startCountingProxy({ target: ${JSON.stringify(target)}, latencyMs: ${LATENCY_MS}, replayReads: true }).then((proxy) => {
			process.send({ endpoint: proxy.endpoint });
			process.on('message', (message) => {
				if (message === 'reset') proxy.reset();
				if (message === 'replay') proxy.replay();
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
	return { endpoint, replay: () => ask('replay'), reset: () => ask('reset'), stats: () => ask('stats'), stop: () => child.kill() };
}

const connectionInput = (index, subnet, changed = false) => ({
	Name: `${PREFIX}${String(index).padStart(5, '0')}`,
	Description: changed ? 'moved to the new replica' : 'orders replica',
	ConnectionType: 'JDBC',
	ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:postgresql://orders-${index}.internal:5432/orders`, SECRET_ID: `fleet/orders-${index}` },
	PhysicalConnectionRequirements: { SubnetId: subnet, SecurityGroupIdList: ['sg-0123456789abcdef0'], AvailabilityZone: 'us-east-1a' },
});

/** Each account's catalog, written straight to moto with that account's keys. */
async function seed({ glue, sts }, endpoint) {
	const base = new sts.STSClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	const jobs = [];
	for (let target = 0; target < TARGETS; target++) {
		const { Credentials } = await base.send(new sts.AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountOf(target)}:role/seed`, RoleSessionName: 'seed' }));
		const client = new glue.GlueClient({
			region: 'us-east-1',
			endpoint,
			credentials: { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken },
		});
		for (let index = 0; index < CONNECTIONS; index++) jobs.push([client, connectionInput(index, subnetOf(target))]);
	}
	base.destroy();
	let next = 0;
	const lane = async () => {
		while (next < jobs.length) {
			const [client, input] = jobs[next++];
			await client.send(new glue.CreateConnectionCommand({ ConnectionInput: input }));
		}
	};
	await Promise.all(Array.from({ length: 20 }, lane));
	for (const client of new Set(jobs.map(([client]) => client))) client.destroy();
}

const desiredSet = () => Array.from({ length: CONNECTIONS }, (_, index) => ({ definition: connectionInput(index, SOURCE_SUBNET, index === 0) }));
const targetList = (count) =>
	Array.from({ length: count }, (_, index) => ({ roleArn: `arn:aws:iam::${accountOf(index)}:role/n8n-connections`, region: 'us-east-1', replaceValues: { [SOURCE_SUBNET]: subnetOf(index) } }));

/** Our node: one execution of Reconcile in Plan mode over the desired set, in `count` targets. */
async function nodePlan({ runNode, GlueConnection }, endpoint, desired, count, inFlight) {
	const { output, error } = await runNode({
		node: new GlueConnection(),
		parameters: {
			resource: 'connection',
			operation: 'reconcile',
			scopePrefix: PREFIX,
			mode: 'plan',
			definitionFrom: 'json',
			definitionJson: '={{ $json.definition }}',
			targets: 'list',
			targetsFrom: 'expression',
			targetList: JSON.stringify(targetList(count)),
			maxConcurrentTargets: inFlight,
		},
		inputItems: desired,
		credentials: { region: 'us-east-1', accessKeyId: 'testing', secretAccessKey: 'testing', endpoint },
	});
	if (error) throw new Error(`the node's plan failed: ${error.message}`);
	const summaries = output.filter((item) => item.json.target && !item.json.name);
	const wrong = summaries.filter(({ json }) => json.status !== 'planned' || json.summary.update !== 1 || json.summary.unchanged !== CONNECTIONS - 1);
	if (summaries.length !== count || wrong.length) throw new Error(`wrong plan: ${JSON.stringify(wrong[0]?.json ?? summaries.length)}`);
	return summaries.length;
}

async function main() {
	console.log(`Targets benchmark: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.cpus().length} CPUs`);
	console.log(`${TARGETS} targets (accounts) x ${CONNECTIONS} Glue connections, 1 changed per target, subnet replaced per target, ${LATENCY_MS} ms added latency, ${ROUNDS} interleaved rounds (medians)`);
	const { runNode } = require('../test/support/engine');
	const glue = require(path.join(DIST, 'vendor', 'client-glue.js'));
	const sts = require('@aws-sdk/client-sts');
	const { GlueConnection } = require(path.join(DIST, 'nodes', 'GlueConnection', 'GlueConnection.node.js'));
	const subjects = { runNode, GlueConnection };
	const { startMoto } = require('../test/support/moto');
	const moto = await startMoto();
	const proxy = await startLatencyProxy(moto.endpoint);
	let failed = false;
	try {
		await seed({ glue, sts }, moto.endpoint);
		const desired = desiredSet();
		const contestants = {
			'one target': (endpoint) => nodePlan(subjects, endpoint, desired, 1, 1),
			[`${TARGETS} targets, ${IN_FLIGHT} in flight`]: (endpoint) => nodePlan(subjects, endpoint, desired, TARGETS, IN_FLIGHT),
			[`${TARGETS} targets, 1 in flight (default)`]: (endpoint) => nodePlan(subjects, endpoint, desired, TARGETS, 1),
		};
		const figures = Object.fromEntries(Object.keys(contestants).map((name) => [name, { times: [], cpu: [], requests: [], maxInFlight: [], forwarded: [] }]));
		// One untimed run of each first: the first plan also loads the SDK and warms the engine, which would
		// flatter the ratio; its reads go to moto and are kept for the timed rounds (see the header).
		for (const run of Object.values(contestants)) await run(proxy.endpoint);
		await proxy.replay();
		for (let round = 0; round < ROUNDS; round++) {
			for (const [name, run] of Object.entries(contestants)) {
				await proxy.reset();
				const started = process.hrtime.bigint();
				const cpu = process.cpuUsage();
				await run(proxy.endpoint);
				figures[name].times.push(seconds(started));
				const used = process.cpuUsage(cpu);
				figures[name].cpu.push((used.user + used.system) / 1e6);
				const stats = await proxy.stats();
				figures[name].requests.push(stats.requests);
				figures[name].maxInFlight.push(stats.maxInFlight);
				figures[name].forwarded.push(stats.forwarded);
			}
		}
		const notReplayed = Object.entries(figures).filter(([, { forwarded }]) => forwarded.some((count) => count > 0));
		if (notReplayed.length) {
			throw new Error(`timed requests went to moto, not replayed (the key holds something that differs per execution): ${notReplayed.map(([name, { forwarded }]) => `${name}: ${forwarded.join(', ')}`).join('; ')}`);
		}
		// The node's own CPU (this process: the engine and our code) is printed next to the time; the rest of the time
		// is the added latency and the proxy's replies (another process, on the same cores).
		for (const [name, { times, cpu, requests, maxInFlight }] of Object.entries(figures)) {
			console.log(
				`  ${name.padEnd(34)} ${String(median(requests)).padStart(5)} requests  ${fixed(median(times))} s  (node CPU ${fixed(median(cpu))} s; at most ${Math.max(...maxInFlight)} in flight)`,
			);
		}
		const [one, many] = Object.values(figures);
		const perTarget = median(one.requests);
		const timeRatio = median(many.times) / median(one.times);
		console.log(`  requests per target: ${perTarget} (1 AssumeRole + ${perTarget - 1} GetConnections page(s) of ${CONNECTIONS} connections)`);
		const goals = [
			[`requests, ${TARGETS} targets = ${TARGETS} x one target's`, median(many.requests), TARGETS * perTarget, (value, limit) => value === limit, '='],
			[`time, ${TARGETS} targets with ${IN_FLIGHT} in flight / one target`, timeRatio, 3, (value, limit) => value <= limit, '<='],
		];
		console.log('Goals:');
		for (const [label, value, limit, met, sign] of goals) {
			const ok = met(value, limit);
			failed ||= !ok;
			console.log(`  ${ok ? 'met    ' : 'NOT met'}  plan behind ${LATENCY_MS} ms, ${label}: ${Number.isInteger(value) ? value : fixed(value, 3)} (goal ${sign} ${limit})`);
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
