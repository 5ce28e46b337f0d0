#!/usr/bin/env node
// Bulk creates through faults: our node vs raw SDK loops, through the same seeded fault proxy in
// front of the same emulator, in one run. Counts, not timings (never asserted in tests).
//   node scripts/benchmark-faults.js [items=1000] [glue|eventbridge|both=glue] [seed=8]
// (after `npm run build`: it runs the bundled dist/ files). The proxy uses issue 8's settings:
// 30 % throttling, 10 % 5xx, 3 % connection resets, 3 % answers lost after the request took effect.
// Time runs 50 times faster (test/support/fastClock.js) so the SDK's real back-off of 1,000 creates
// takes minutes, not hours; wall times are therefore not printed.
// For each loop it prints: items reported created, error items, connections that exist afterwards,
// false failures (reported failed, yet the connection exists), duplicates (always 0: names are unique
// and AWS refuses a second connection of the same name).
process.env.N8N_LOG_LEVEL = 'silent';
const glue = require('@aws-sdk/client-glue');
const events = require('@aws-sdk/client-eventbridge');
const { startMoto } = require('../test/support/moto');
const { startFaultProxy } = require('../test/support/faultProxy');
const { compressTime } = require('../test/support/fastClock');
const { runNode } = require('../test/support/engine');
const { GlueConnection } = require('../dist/nodes/GlueConnection/GlueConnection.node.js');
const { EventBridgeConnection } = require('../dist/nodes/EventBridgeConnection/EventBridgeConnection.node.js');

const items = Math.min(Math.max(1, Number(process.argv[2] ?? 1000)), 5000);
const which = process.argv[3] ?? 'glue';
const seed = Number(process.argv[4] ?? 8);
const FAULTS = { throttle: 0.3, serverError: 0.1, reset: 0.03, lostAnswer: 0.03 };

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

/** A raw SDK loop: one client, one call per name, errors counted by name. */
async function rawLoop(scenario, endpoint, prefix, clientOptions) {
	const client = new scenario.Client({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, ...clientOptions });
	const failed = new Map();
	for (const name of names(prefix)) {
		try {
			await client.send(scenario.command(name));
		} catch (error) {
			failed.set(name, error.name);
		}
	}
	client.destroy();
	return { wanted: names(prefix), failed };
}

/** Our node: one execution with one input item per name, Continue On Fail on. */
async function nodeRun(scenario, endpoint, prefix) {
	const wanted = names(prefix);
	const { output, error } = await runNode({
		node: scenario.node(),
		// Attempts, not time: on the compressed clock every real millisecond of the emulator counts 50,
		// so the default Max Retry Time would be 1.2 real seconds per request, and the default Request
		// Timeout 0.4 real seconds per attempt.
		parameters: { ...scenario.parameters, options: { maxRetryTime: 3600, requestTimeout: 3600 } },
		inputItems: wanted.map((name) => ({ name })),
		credentials: { region: 'us-east-1', accessKeyId: 'testing', secretAccessKey: 'testing', endpoint },
		continueOnFail: true,
	});
	if (error) throw error;
	const failed = new Map();
	for (const item of output) if (item.json.error) failed.set(wanted[item.pairedItem.item], String(item.json.error).split(':')[0]);
	return { wanted, failed };
}

function summarize(label, { wanted, failed }, existing) {
	const exists = new Set(existing.filter((name) => wanted.includes(name)));
	const reasons = {};
	for (const reason of failed.values()) reasons[reason] = (reasons[reason] ?? 0) + 1;
	return {
		loop: label,
		created: wanted.length - failed.size,
		errors: failed.size,
		exist: exists.size,
		falseFailures: [...failed.keys()].filter((name) => exists.has(name)).length,
		duplicates: existing.length - new Set(existing).size,
		errorsBy: Object.entries(reasons).map(([reason, count]) => `${reason} ${count}`).join(', ') || '-',
	};
}

async function main() {
	const moto = await startMoto();
	const direct = (Client) => new Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	const restoreClock = compressTime(50);
	try {
		for (const key of which === 'both' ? Object.keys(SCENARIOS) : [which]) {
			const scenario = SCENARIOS[key];
			if (!scenario) throw new Error(`unknown scenario ${key}: glue, eventbridge or both`);
			console.log(`\n${scenario.title}: ${items} creates per loop through one fault proxy (seed ${seed}; ${JSON.stringify(FAULTS)})`);
			const proxy = await startFaultProxy({ target: moto.endpoint, seed, ...FAULTS });
			const runs = [
				['our node (one execution)', await nodeRun(scenario, proxy.endpoint, `${key}-node`)],
				['raw SDK, defaults (standard, 3 attempts)', await rawLoop(scenario, proxy.endpoint, `${key}-sdk3`, {})],
				['raw SDK, adaptive, 15 attempts', await rawLoop(scenario, proxy.endpoint, `${key}-sdk15`, { retryMode: 'adaptive', maxAttempts: 15 })],
			];
			const client = direct(scenario.Client);
			const existing = await scenario.existing(client);
			client.destroy();
			console.table(runs.map(([label, run]) => summarize(label, run, existing)));
			console.log(`proxy: ${proxy.stats.requests} requests, ${proxy.stats.throttle} throttled, ${proxy.stats.serverError} 5xx, ${proxy.stats.reset} reset, ${proxy.stats.lostAnswer} answers lost`);
			await proxy.stop();
		}
	} finally {
		restoreClock();
		await moto.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
