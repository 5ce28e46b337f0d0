// What a scheduled bulk flow gets without touching an option: both nodes in n8n-core's real engine,
// on a real clock, at every default (Max Attempts, Max Retry Time, Request Timeout, Concurrency),
// through the seeded fault proxy with issue 21's mix (30 % throttling, 10 % 5xx, 3 % resets, 3 %
// answers lost after the request took effect). Glue and EventBridge run at the same time, as two
// workflows would. The assertions count; the run takes minutes because the adaptive rate limiter
// slows each execution down while it is throttled (npm run bench:faults runs 1,000 of each).
const glue = require('@aws-sdk/client-glue');
const eb = require('@aws-sdk/client-eventbridge');
const { startMoto } = require('../../support/moto');
const { startFaultProxy } = require('../../support/faultProxy');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const ISSUE_FAULTS = { throttle: 0.3, serverError: 0.1, reset: 0.03, lostAnswer: 0.03 };
const ITEMS = 120;

let moto;
beforeAll(async () => {
	moto = await startMoto();
}, 60000);
afterAll(async () => await moto?.stop());

const names = (prefix) => Array.from({ length: ITEMS }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

/** One execution of `node` through its own fault proxy, one input item per name, no option set. */
async function bulkCreate(node, parameters, wanted, seed) {
	const proxy = await startFaultProxy({ target: moto.endpoint, seed, ...ISSUE_FAULTS });
	try {
		const result = await runNode({
			node,
			parameters,
			inputItems: wanted.map((name) => ({ name })),
			credentials: { ...moto.credentials, endpoint: proxy.endpoint },
			continueOnFail: true,
		});
		return { ...result, stats: proxy.stats };
	} finally {
		await proxy.stop();
	}
}

function expectEveryItemCreated({ output, error, stats }, wanted) {
	expect(error).toBeUndefined();
	expect(output.filter((item) => item.json.error).map((item) => item.json.error)).toEqual([]);
	expect(output.map((item) => [item.pairedItem.item, item.json.name, item.json.action])).toEqual(wanted.map((name, index) => [index, name, 'created']));
	for (const fault of ['throttle', 'serverError', 'reset', 'lostAnswer']) expect(stats[fault]).toBeGreaterThan(0);
}

test(`at the defaults, on a real clock: ${ITEMS} Glue and ${ITEMS} EventBridge creates through throttling, 5xx, resets and lost answers are all created, each exactly once`, async () => {
	const glueNames = names('defaults-glue');
	const ebNames = names('defaults-eb');
	const [glueRun, ebRun] = await Promise.all([
		bulkCreate(
			new GlueConnection(),
			{
				operation: 'create',
				name: '={{ $json.name }}',
				connectionType: '__other__',
				otherConnectionType: 'SNOWFLAKE',
				additionalConnectionProperties: { pairs: [{ key: 'ENDPOINT', value: 'acme.snowflakecomputing.com' }] },
			},
			glueNames,
			8,
		),
		bulkCreate(
			new EventBridgeConnection(),
			{ operation: 'create', name: '={{ $json.name }}', authorizationType: 'API_KEY', keyHeaderName: 'x-api-key', apiKeyValue: 'defaults-key-value' },
			ebNames,
			9,
		),
	]);
	expectEveryItemCreated(glueRun, glueNames);
	expectEveryItemCreated(ebRun, ebNames);

	const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
	const glueClient = new glue.GlueClient(config);
	const ebClient = new eb.EventBridgeClient(config);
	try {
		const glueFound = [];
		for await (const page of glue.paginateGetConnections({ client: glueClient }, {})) glueFound.push(...page.ConnectionList.map((c) => c.Name));
		const ebFound = [];
		let NextToken;
		do {
			const page = await ebClient.send(new eb.ListConnectionsCommand({ NextToken }));
			ebFound.push(...page.Connections.map((c) => c.Name));
			NextToken = page.NextToken;
		} while (NextToken);
		// Every name listed once and nothing else: no item lost, none made twice.
		expect(glueFound.sort()).toEqual(glueNames);
		expect(ebFound.sort()).toEqual(ebNames);
	} finally {
		glueClient.destroy();
		ebClient.destroy();
	}
}, 900000);
