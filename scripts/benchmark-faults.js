#!/usr/bin/env node
// Bulk creates through faults, on a real clock, with exactly the options a user gets (none set):
// our node vs a raw SDK loop, each through its own seeded fault proxy in front of one emulator.
//   node scripts/benchmark-faults.js [items=1000] [glue|eventbridge|both=both] [seed=8]
// (after `npm run build`: it runs the bundled dist/ files). The proxy uses issue 21's mix: 30 %
// throttling, 10 % 5xx, 3 % connection resets, 3 % answers lost after the request took effect.
// Glue and EventBridge run at the same time (separate executions, separate proxies).
// For each loop it prints: items reported created, error items, connections that exist afterwards,
// false failures (reported failed, yet the connection exists), duplicates, wall time and attempts.
// Exit code 1 when our node reports any item not created or leaves a connection missing or twice.
process.env.N8N_LOG_LEVEL = 'silent';
const glue = require('@aws-sdk/client-glue');
const events = require('@aws-sdk/client-eventbridge');
const { startMoto } = require('../test/support/moto');
const { startFaultProxy } = require('../test/support/faultProxy');
const { runNode } = require('../test/support/engine');
const { GlueConnection } = require('../dist/nodes/GlueConnection/GlueConnection.node.js');
const { EventBridgeConnection } = require('../dist/nodes/EventBridgeConnection/EventBridgeConnection.node.js');

const items = Math.min(Math.max(1, Number(process.argv[2] ?? 1000)), 5000);
const which = process.argv[3] ?? 'both';
const seed = Number(process.argv[4] ?? 8);
const FAULTS = { throttle: 0.3, serverError: 0.1, reset: 0.03, lostAnswer: 0.03 };
/** The raw loop's requests in flight: as many as the node's default Concurrency. */
const RAW_IN_FLIGHT = 10;

const SCENARIOS = {
	glue: {
		title: 'Glue CreateConnection',
		Client: glue.GlueClient,
		command: (Name) => new glue.CreateConnectionCommand({ ConnectionInput: { Name, ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'acme.snowflakecomputing.com' } } }),
		node: () => new GlueConnection(),
		parameters: {
			operation: 'create',
			name: '={{ $json.name }}',
			connectionType: '__other__',
			otherConnectionType: 'SNOWFLAKE',
			additionalConnectionProperties: { pairs: [{ key: 'ENDPOINT', value: 'acme.snowflakecomputing.com' }] },
		},
		async existing(client) {
			const names = [];
			for await (const page of glue.paginateGetConnections({ client }, {})) names.push(...page.ConnectionList.map((c) => c.Name));
			return names;
		},
	},
	eventbridge: {
		title: 'EventBridge CreateConnection (API key)',
		Client: events.EventBridgeClient,
		command: (Name) =>
			new events.CreateConnectionCommand({ Name, AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'benchmark-key' } } }),
		node: () => new EventBridgeConnection(),
		parameters: { operation: 'create', name: '={{ $json.name }}', authorizationType: 'API_KEY', keyHeaderName: 'x-api-key', apiKeyValue: 'benchmark-key' },
		async existing(client) {
			const names = [];
			let NextToken;
			do {
				const page = await client.send(new events.ListConnectionsCommand({ NextToken }));
				names.push(...page.Connections.map((c) => c.Name));
				NextToken = page.NextToken;
			} while (NextToken);
			return names;
		},
	},
};

const names = (prefix) => Array.from({ length: items }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);

/** A raw SDK loop with the SDK's defaults (standard mode, 3 attempts), RAW_IN_FLIGHT calls at once. */
async function rawLoop(scenario, endpoint, prefix) {
	const client = new scenario.Client({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	const wanted = names(prefix);
	const failed = new Map();
	let next = 0;
	const worker = async () => {
		while (next < wanted.length) {
			const name = wanted[next++];
			try {
				await client.send(scenario.command(name));
			} catch (error) {
				failed.set(name, error.name);
			}
		}
	};
	await Promise.all(Array.from({ length: RAW_IN_FLIGHT }, worker));
	client.destroy();
	return { wanted, failed, messages: [] };
}

/** Our node: one execution with one input item per name, Continue On Fail on, no option set. */
async function nodeRun(scenario, endpoint, prefix) {
	const wanted = names(prefix);
	const { output, error } = await runNode({
		node: scenario.node(),
		parameters: scenario.parameters,
		inputItems: wanted.map((name) => ({ name })),
		credentials: { region: 'us-east-1', accessKeyId: 'testing', secretAccessKey: 'testing', endpoint },
		continueOnFail: true,
	});
	if (error) throw error;
	const failed = new Map();
	const messages = [];
	for (const item of output) {
		if (!item.json.error) continue;
		failed.set(wanted[item.pairedItem.item], String(item.json.error).split(':')[0]);
		messages.push(String(item.json.error));
	}
	return { wanted, failed, messages };
}

function summarize(label, { wanted, failed }, existing, seconds, stats) {
	const exists = new Set(existing.filter((name) => wanted.includes(name)));
	const reasons = {};
	for (const reason of failed.values()) reasons[reason] = (reasons[reason] ?? 0) + 1;
	return {
		loop: label,
		created: wanted.length - failed.size,
		errors: failed.size,
		exist: exists.size,
		falseFailures: [...failed.keys()].filter((name) => exists.has(name)).length,
		duplicates: existing.filter((name) => wanted.includes(name)).length - exists.size,
		seconds: Math.round(seconds),
		attempts: stats.requests,
		errorsBy: Object.entries(reasons).map(([reason, count]) => `${reason} ${count}`).join(', ') || '-',
	};
}

async function timed(loop) {
	const proxy = await startFaultProxy({ target: loop.target, seed, ...FAULTS });
	const started = Date.now();
	try {
		const run = await loop.run(proxy.endpoint);
		return { ...loop, run, seconds: (Date.now() - started) / 1000, stats: { ...proxy.stats } };
	} finally {
		await proxy.stop();
	}
}

async function main() {
	const moto = await startMoto();
	const direct = (Client) => new Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	let missed = false;
	try {
		const keys = which === 'both' ? Object.keys(SCENARIOS) : [which];
		for (const key of keys) if (!SCENARIOS[key]) throw new Error(`unknown scenario ${key}: glue, eventbridge or both`);
		console.log(`${items} creates per loop, real clock, the node at its defaults; each loop through its own fault proxy (seed ${seed}; ${JSON.stringify(FAULTS)})`);
		// Both nodes (and their raw loops) at once: separate executions, like two workflows on one n8n.
		const loops = keys.flatMap((key) => [
			{ key, label: 'our node, defaults (one execution)', ours: true, target: moto.endpoint, run: (endpoint) => nodeRun(SCENARIOS[key], endpoint, `${key}-node`) },
			{ key, label: `raw SDK, defaults, ${RAW_IN_FLIGHT} in flight`, target: moto.endpoint, run: (endpoint) => rawLoop(SCENARIOS[key], endpoint, `${key}-sdk`) },
		]);
		const results = await Promise.all(loops.map(timed));
		for (const key of keys) {
			const scenario = SCENARIOS[key];
			const client = direct(scenario.Client);
			const existing = await scenario.existing(client);
			client.destroy();
			console.log(`\n${scenario.title}`);
			const rows = results.filter((result) => result.key === key).map((result) => ({ result, row: summarize(result.label, result.run, existing, result.seconds, result.stats) }));
			console.table(rows.map(({ row }) => row));
			for (const { result, row } of rows) {
				if (!result.ours) continue;
				const { stats } = result;
				console.log(`our node's proxy: ${stats.requests} requests, ${stats.throttle} throttled, ${stats.serverError} 5xx, ${stats.reset} reset, ${stats.lostAnswer} answers lost`);
				for (const message of result.run.messages.slice(0, 5)) console.log(`  error item: ${message}`);
				if (row.created !== items || row.exist !== items || row.duplicates !== 0) missed = true;
			}
		}
		console.log(missed ? '\nGOAL MISSED: our node reported an item not created, or a connection is missing or twice' : '\ngoal met: every item created, every connection exists once');
	} finally {
		await moto.stop();
	}
	if (missed) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
