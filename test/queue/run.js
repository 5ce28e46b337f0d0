#!/usr/bin/env node
// The queue-mode runner: n8n's main process takes webhook calls and puts executions on the Redis
// queue; two worker processes run them and store them in Postgres, where this runner reads them.
//
// Started by scripts/test-queue.sh, which exports:
//   QUEUE_BASE_URL     the main process (webhooks under /webhook/<path>)
//   QUEUE_DIR          the prepared workflows and manifest.json (test/queue/prepare.js)
//   QUEUE_LOGS         "label=file" pairs, space separated, of every process's log (main, workers, Redis, Postgres)
//   QUEUE_WORKER_LOGS  the workers' log files, space separated
//   E2E_MOTO_ENDPOINT  moto's URL; N8N_DIR (its pg and flatted modules); DB_POSTGRESDB_* as n8n has them
//
// Part 1 runs the e2e cases of test/e2e/cases (their set-up, their checks) one after another, each
// through the queue. Part 2 starts the bulk flows all at once (two of 1,000 items, four of 150) and
// checks that every execution succeeded, every connection exists exactly once, and both workers
// ran executions. Last, no secret any workflow sends may appear in any process's log.
// Prints "ok"/"not ok" lines and a last line "N passed, N failed"; exit code 1 on any failure.
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const { paginateGetConnections } = require('@aws-sdk/client-glue');
const { ListConnectionsCommand } = require('@aws-sdk/client-eventbridge');

const { awsClients } = require('../e2e/lib/aws');
const { nodeItems, nodeRawItems, runError } = require('../e2e/lib/n8n');
const { publishWorkflows } = require('../support/n8nRest');

const n8nModule = (name) => require(require.resolve(name, { paths: [path.join(process.env.N8N_DIR, 'node_modules', 'n8n')] }));
const FINISHED = ['success', 'error', 'crashed', 'canceled'];
const BULK = [
	{ workflow: 'queueGlueBulk001', prefix: 'qglue-a', count: 1000 },
	{ workflow: 'queueEventsBulk01', prefix: 'qevents-a', count: 1000 },
	{ workflow: 'queueGlueBulk001', prefix: 'qglue-b', count: 150 },
	{ workflow: 'queueEventsBulk01', prefix: 'qevents-b', count: 150 },
	{ workflow: 'queueGlueBulk001', prefix: 'qglue-c', count: 150 },
	{ workflow: 'queueEventsBulk01', prefix: 'qevents-c', count: 150 },
];

let passed = 0;
let failed = 0;
const failures = [];
async function check(label, fn) {
	try {
		await fn();
		passed++;
		console.log(`ok - ${label}`);
	} catch (error) {
		failed++;
		failures.push(label);
		const text = error instanceof assert.AssertionError || !error?.stack ? String(error?.message ?? error) : error.stack.split('\n').slice(0, 6).join('\n');
		console.log(`not ok - ${label}\n${text.replace(/^/gm, '    ')}`);
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function database() {
	const { Client } = n8nModule('pg');
	const env = process.env;
	return new Client({
		host: env.DB_POSTGRESDB_HOST,
		port: Number(env.DB_POSTGRESDB_PORT),
		database: env.DB_POSTGRESDB_DATABASE,
		user: env.DB_POSTGRESDB_USER,
		password: env.DB_POSTGRESDB_PASSWORD,
	});
}

/** Publishes every workflow through the REST API, as the editor's Publish button does. */
async function publishAll(ids) {
	const owner = { email: 'queue-owner@example.com', password: 'Queue-owner-1', firstName: 'Queue', lastName: 'Owner' };
	await publishWorkflows(process.env.QUEUE_BASE_URL, ids, owner);
}

async function trigger(webhookPath, body = {}) {
	const response = await fetch(`${process.env.QUEUE_BASE_URL}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`webhook ${webhookPath}: HTTP ${response.status} ${await response.text()}`);
}

/** Waits until `count` executions newer than `afterId` exist and all have finished; returns them. */
async function finishedExecutions(db, afterId, count, timeoutMs, finished = FINISHED) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const { rows } = await db.query('SELECT id, "workflowId", status FROM execution_entity WHERE id > $1 ORDER BY id', [afterId]);
		if (rows.length >= count && rows.every((row) => finished.includes(row.status))) return rows;
		if (Date.now() > deadline) throw new Error(`executions not finished after ${timeoutMs / 1000} s: ${JSON.stringify(rows)}`);
		await sleep(300);
	}
}

/** An execution as `n8n execute` prints it: { status, data } (data is stored "flatted" by n8n). */
async function loadExecution(db, id) {
	const { parse } = n8nModule('flatted');
	const { rows } = await db.query('SELECT e.status, d.data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e.id = $1', [id]);
	return { id, status: rows[0].status, data: parse(rows[0].data) };
}

async function lastExecutionId(db) {
	const { rows } = await db.query('SELECT COALESCE(MAX(id), 0) AS id FROM execution_entity');
	return Number(rows[0].id);
}

function readLogs() {
	return (process.env.QUEUE_LOGS ?? '')
		.split(' ')
		.filter(Boolean)
		.map((pair) => {
			const [label, file] = pair.split('=');
			return { label, text: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '' };
		});
}

/** The ids of the executions each worker's log says it finished. */
function executionsPerWorker() {
	return (process.env.QUEUE_WORKER_LOGS ?? '')
		.split(' ')
		.filter(Boolean)
		.map((file) => new Set([...fs.readFileSync(file, 'utf8').matchAll(/Worker finished execution (\d+)/g)].map((match) => Number(match[1]))));
}

/**
 * The e2e case files that run through the queue as they are. Not here: 40-host-credentials (each
 * case sets the n8n process's environment, which a worker shares with every execution) and
 * 50-secrets (it needs a credential of its own and reads the e2e suite's SQLite database).
 */
const QUEUE_CASE_FILES = ['00-smoke.js', '10-glue.js', '15-glue-described.js', '20-eventbridge.js', '30-examples.js', '60-reconcile.js'];

/** The e2e cases to send through the queue: the first case of each prepared workflow in those
 * files, except those that set the n8n process's environment or run the workflow themselves first. */
function e2eCases(manifest) {
	const dir = path.join(__dirname, '..', 'e2e', 'cases');
	const prepared = new Map(manifest.filter((entry) => entry.kind !== 'bulk').map((entry) => [entry.id, entry]));
	const seen = new Set();
	const cases = [];
	for (const file of QUEUE_CASE_FILES.filter((name) => fs.existsSync(path.join(dir, name)))) {
		for (const testCase of require(path.join(dir, file))) {
			const runsItself = testCase.setup && /executeWorkflow/.test(String(testCase.setup));
			if (!prepared.has(testCase.workflowId) || seen.has(testCase.workflowId) || testCase.env || runsItself) {
				console.log(`# not through the queue: ${testCase.title}`);
				continue;
			}
			seen.add(testCase.workflowId);
			cases.push({ ...testCase, entry: prepared.get(testCase.workflowId) });
		}
	}
	return cases;
}

async function runE2eCase(db, aws, testCase, logsText) {
	const shared = {};
	let execution;
	let fatal;
	try {
		await aws.reset();
		if (testCase.setup) await testCase.setup({ aws, shared });
		const after = await lastExecutionId(db);
		await trigger(testCase.entry.webhookPath);
		// A run that waits for a person (a Wait node) is done for now when it waits.
		const [row] = await finishedExecutions(db, after, 1, 180000, testCase.expectStatus === 'waiting' ? [...FINISHED, 'waiting'] : FINISHED);
		execution = await loadExecution(db, row.id);
		console.log(`#   execution ${row.id}: ${row.status}`);
	} catch (error) {
		fatal = error;
	}
	// `run.stdout`: what the cases search for secrets n8n printed; here every process's log.
	const ctx = {
		run: { stdout: logsText(), stderr: '', status: execution?.status, execution },
		execution,
		items: (node, options) => nodeItems(execution, node, options),
		raw: (node, options) => nodeRawItems(execution, node, options),
		aws,
		shared,
	};
	const expected = testCase.expectStatus ?? 'success';
	const statusCheck = [`the run ends with status "${expected}"`, () => assert.equal(execution.status, expected, runError(execution) ?? `status ${execution.status}`)];
	for (const [name, fn] of [statusCheck, ...testCase.checks]) {
		await check(`queue: ${testCase.title} › ${name}`, async () => {
			if (fatal) throw fatal;
			await fn(ctx);
		});
	}
	if (testCase.resume) await resumeE2eCase(db, testCase, ctx, execution, fatal);
	if (testCase.teardown) await testCase.teardown({ shared }).catch(() => undefined);
}

/** Executions resumed after waiting: their two parts may run on different workers. */
const resumedExecutions = new Set();

/** The person a waiting run waits for answers: GET its resume URL; a worker finishes the execution. */
async function resumeE2eCase(db, testCase, ctx, waiting, fatal) {
	let execution;
	let problem = fatal;
	try {
		if (!problem) {
			const { pathname, search } = new URL(testCase.resume.url(ctx));
			resumedExecutions.add(Number(waiting.id));
			const answer = await fetch(`${process.env.QUEUE_BASE_URL}${pathname}${search}`);
			if (!answer.ok) throw new Error(`resume: HTTP ${answer.status} ${await answer.text()}`);
			await finishedExecutions(db, Number(waiting.id) - 1, 1, 180000);
			execution = await loadExecution(db, waiting.id);
			console.log(`#   resumed execution ${waiting.id}: ${execution.status}`);
		}
	} catch (error) {
		problem = error;
	}
	const resumed = { ...ctx, execution, items: (node, options) => nodeItems(execution, node, options), raw: (node, options) => nodeRawItems(execution, node, options) };
	const statusCheck = ['the resumed run ends with status "success"', () => assert.equal(execution.status, 'success', runError(execution) ?? `status ${execution.status}`)];
	for (const [name, fn] of [statusCheck, ...testCase.resume.checks]) {
		await check(`queue: ${testCase.title} › ${name}`, async () => {
			if (problem) throw problem;
			await fn(resumed);
		});
	}
}

async function allGlueNames(aws) {
	const names = [];
	for await (const page of paginateGetConnections({ client: aws.glue }, {})) names.push(...(page.ConnectionList ?? []).map((c) => c.Name));
	return names;
}

async function allEventBridgeNames(aws) {
	const names = [];
	let NextToken;
	do {
		const page = await aws.events.send(new ListConnectionsCommand({ Limit: 100, NextToken }));
		names.push(...(page.Connections ?? []).map((c) => c.Name));
		NextToken = page.NextToken;
	} while (NextToken);
	return names;
}

async function runBulk(db, aws, manifest) {
	await aws.reset();
	const paths = new Map(manifest.map((entry) => [entry.id, entry.webhookPath]));
	const after = await lastExecutionId(db);
	const started = Date.now();
	await Promise.all(BULK.map(({ workflow, prefix, count }) => trigger(paths.get(workflow), { prefix, count })));
	const rows = await finishedExecutions(db, after, BULK.length, 600000);
	console.log(`# ${BULK.length} bulk executions (${BULK.reduce((sum, b) => sum + b.count, 0)} items) finished ${((Date.now() - started) / 1000).toFixed(1)} s after they were started`);

	await check(`bulk: all ${BULK.length} executions started at once succeeded`, () =>
		assert.deepEqual(rows.map((row) => row.status), BULK.map(() => 'success'), JSON.stringify(rows)),
	);
	const outputs = [];
	for (const row of rows) {
		const execution = await loadExecution(db, row.id);
		outputs.push(...nodeItems(execution, 'Create Connection'));
	}
	const expectedNames = BULK.flatMap(({ prefix, count }) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`));
	await check('bulk: one "created" output item per input item, and no error item', () => {
		assert.equal(outputs.filter((item) => item.error).length, 0, JSON.stringify(outputs.find((item) => item.error)));
		assert.deepEqual(outputs.map((item) => item.name).sort(), [...expectedNames].sort());
		assert.ok(outputs.every((item) => item.action === 'created'));
	});
	const inAws = [...(await allGlueNames(aws)), ...(await allEventBridgeNames(aws))];
	await check(`bulk: every connection exists exactly once in AWS (${expectedNames.length})`, () => {
		assert.equal(new Set(inAws).size, inAws.length, 'a name is listed twice');
		assert.deepEqual(inAws.sort(), [...expectedNames].sort());
	});
	return rows;
}

/**
 * Part 3: a Reconcile Apply whose worker is killed (SIGKILL, the whole process group) while it
 * writes, then the same apply sent again: it must finish the set, each desired connection existing
 * exactly once, nothing else in the scope, and only the missing connections written.
 */
async function runKilledApply(db, aws, manifest) {
	const PREFIX = 'qrc-';
	const COUNT = 400;
	await aws.reset();
	const webhookPath = manifest.find((entry) => entry.id === 'queueReconcile001').webhookPath;
	const inScope = async () => (await allGlueNames(aws)).filter((name) => name.startsWith(PREFIX));
	const after = await lastExecutionId(db);
	await trigger(webhookPath, { prefix: PREFIX, count: COUNT });
	let partial = [];
	const deadline = Date.now() + 180000;
	while ((partial = await inScope()).length < 20) {
		if (Date.now() > deadline) throw new Error(`the apply wrote ${partial.length} connections in 180 s`);
		await sleep(100);
	}
	const { killedId, worker } = await killWorkerRunningNext(db, after, 'reconcile');
	const before = await inScope();
	console.log(`# reconcile: worker ${worker + 1} killed during execution ${killedId}; ${before.length} of ${COUNT} connections existed after it`);
	await check('reconcile: the kill left the apply unfinished', () => assert.ok(before.length > 0 && before.length < COUNT, `${before.length} of ${COUNT}`));

	const execution = await sendAgainAndFollow(db, () => trigger(webhookPath, { prefix: PREFIX, count: COUNT }));
	await check('reconcile: the same apply sent again succeeds', () => assert.equal(execution.status, 'success', runError(execution)));
	const output = nodeItems(execution, 'Reconcile');
	const existing = await inScope();
	await check(`reconcile: every desired connection exists exactly once (${COUNT}), nothing else in the scope`, () => {
		assert.equal(new Set(existing).size, existing.length, 'a name is listed twice');
		assert.deepEqual(existing.sort(), Array.from({ length: COUNT }, (_, i) => `${PREFIX}${String(i).padStart(4, '0')}`));
	});
	await check('reconcile: the second apply created only what was missing, and no error item', () => {
		assert.equal(output.filter((item) => item.error).length, 0, JSON.stringify(output.find((item) => item.error)));
		const created = output.filter((item) => item.action === 'create' && item.applied).length;
		assert.ok(created <= COUNT - before.length, `created ${created}, but ${before.length} of ${COUNT} already existed`);
		assert.equal(created + output.filter((item) => item.action === 'unchanged').length, COUNT);
	});
}

/** The workers' logs and process groups, in the same order (test-queue.sh; a restarted worker is added). */
const workers = {
	logs: (process.env.QUEUE_WORKER_LOGS ?? '').split(' ').filter(Boolean),
	pids: (process.env.QUEUE_WORKER_PIDS ?? '').split(' ').filter(Boolean).map(Number),
	alive: new Set(),
};
workers.pids.forEach((_, index) => workers.alive.add(index));

/** SIGKILLs the process group of the worker that started the first execution after `after`. */
async function killWorkerRunningNext(db, after, label) {
	const { rows } = await db.query('SELECT id FROM execution_entity WHERE id > $1 ORDER BY id', [after]);
	const killedId = Number(rows[0].id);
	const worker = workers.logs.findIndex((file, index) => workers.alive.has(index) && fs.readFileSync(file, 'utf8').includes(`Worker started execution ${killedId} `));
	await check(`${label}: the apply ran on a worker, which was killed while it wrote`, () => {
		assert.ok(worker >= 0 && workers.pids[worker], `no worker log says it started execution ${killedId}`);
		process.kill(-workers.pids[worker], 'SIGKILL');
		workers.alive.delete(worker);
	});
	await sleep(2000);
	return { killedId, worker };
}

/** Sends the same request again; the killed execution may stay "running" (or be run again by a surviving worker): follows the new one. */
async function sendAgainAndFollow(db, send) {
	const again = await lastExecutionId(db);
	await send();
	const deadlineAgain = Date.now() + 300000;
	let finished;
	while (!finished) {
		const { rows: newer } = await db.query('SELECT id, status FROM execution_entity WHERE id > $1 ORDER BY id', [again]);
		finished = newer.find((row) => FINISHED.includes(row.status));
		if (!finished && Date.now() > deadlineAgain) throw new Error('the second apply did not finish in 300 s');
		if (!finished) await sleep(300);
	}
	return await loadExecution(db, finished.id);
}

/**
 * A killed worker's place taken by a new worker on the same user folder (as an orchestrator restarts
 * it), so the next kill still leaves one worker. Stopped by stopRestartedWorkers() at the end.
 */
async function restartWorker(index) {
	const { spawn } = require('node:child_process');
	const net = require('node:net');
	const port = await new Promise((resolve) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port: free } = server.address();
			server.close(() => resolve(free));
		});
	});
	const logFile = workers.logs[index].replace(/\.log$/, `-restarted-${Date.now()}.log`);
	const out = fs.openSync(logFile, 'a');
	const child = spawn(process.env.N8N_BIN, ['worker', '--concurrency=3'], {
		env: { ...process.env, N8N_USER_FOLDER: workers.logs[index].replace(/\.log$/, ''), N8N_RUNNERS_BROKER_PORT: String(port) },
		detached: true,
		stdio: ['ignore', out, out],
	});
	const deadline = Date.now() + 120000;
	while (!fs.readFileSync(logFile, 'utf8').includes('worker is now ready')) {
		if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the restarted worker did not start: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
		await sleep(300);
	}
	workers.logs.push(logFile);
	// Its log is searched for secrets too.
	process.env.QUEUE_LOGS = `${process.env.QUEUE_LOGS ?? ''} restarted-worker=${logFile}`;
	workers.pids.push(child.pid);
	workers.alive.add(workers.pids.length - 1);
	workers.restarted = [...(workers.restarted ?? []), child.pid];
}

function stopRestartedWorkers() {
	for (const pid of workers.restarted ?? []) {
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			// already gone
		}
	}
}

const TARGET_ACCOUNTS = ['111111111111', '222222222222'];
const TARGET_REGIONS = ['us-east-1', 'eu-west-1'];

/**
 * Part 4: the same for a Reconcile Apply over 2 accounts x 2 Regions (Targets): its worker is killed
 * while it writes, then the same apply sent again leaves every desired connection existing exactly
 * once in every target, and creates only what was missing.
 */
async function runKilledTargetsApply(db, aws, manifest) {
	const PREFIX = 'qrt-';
	const COUNT = 100;
	await aws.reset();
	const webhookPath = manifest.find((entry) => entry.id === 'queueReconTargets1').webhookPath;
	const targets = TARGET_ACCOUNTS.flatMap((account) => TARGET_REGIONS.map((region) => ({ account, region, roleArn: `arn:aws:iam::${account}:role/n8n-connections` })));
	const body = { prefix: PREFIX, count: COUNT, targets: targets.map(({ roleArn, region }) => ({ roleArn, region })) };
	const namesIn = async ({ account, region }) => (await allGlueNames(aws.inAccount(account, region))).filter((name) => name.startsWith(PREFIX));
	const existing = async () => (await Promise.all(targets.map(namesIn))).map((names) => names.length);
	const after = await lastExecutionId(db);
	await trigger(webhookPath, body);
	let partial = [];
	const deadline = Date.now() + 180000;
	while ((partial = await existing()).reduce((a, b) => a + b, 0) < 20) {
		if (Date.now() > deadline) throw new Error(`the apply wrote ${partial} connections in 180 s`);
		await sleep(100);
	}
	const { killedId, worker } = await killWorkerRunningNext(db, after, 'reconcile over targets');
	const before = await existing();
	const total = before.reduce((a, b) => a + b, 0);
	console.log(`# reconcile over targets: worker ${worker + 1} killed during execution ${killedId}; per target ${before.join(', ')} of ${COUNT} existed after it`);
	await check('reconcile over targets: the kill left the apply unfinished', () => assert.ok(total > 0 && total < COUNT * targets.length, `${before}`));

	const execution = await sendAgainAndFollow(db, () => trigger(webhookPath, body));
	await check('reconcile over targets: the same apply sent again succeeds', () => assert.equal(execution.status, 'success', runError(execution)));
	const expected = Array.from({ length: COUNT }, (_, i) => `${PREFIX}${String(i).padStart(4, '0')}`);
	for (const target of targets) {
		const names = await namesIn(target);
		await check(`reconcile over targets: ${target.account} ${target.region} holds every desired connection exactly once (${COUNT})`, () => {
			assert.equal(new Set(names).size, names.length, 'a name is listed twice');
			assert.deepEqual(names.sort(), expected);
		});
	}
	const output = nodeItems(execution, 'Reconcile');
	await check('reconcile over targets: the second apply created only what was missing, in each target, and no error item', () => {
		assert.equal(output.filter((item) => item.error).length, 0, JSON.stringify(output.find((item) => item.error)));
		for (const [index, target] of targets.entries()) {
			const own = output.filter((item) => item.name && item.target.account === target.account && item.target.region === target.region);
			const created = own.filter((item) => item.action === 'create' && item.applied).length;
			assert.ok(created <= COUNT - before[index], `${target.account} ${target.region}: created ${created}, but ${before[index]} already existed`);
			assert.equal(created + own.filter((item) => item.action === 'unchanged').length, COUNT);
		}
	});
}

async function main() {
	const dir = process.env.QUEUE_DIR;
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
	const aws = awsClients(process.env.E2E_MOTO_ENDPOINT);
	const db = database();
	await db.connect();
	const firstId = await lastExecutionId(db);
	const logsText = () => readLogs().map((log) => log.text).join('\n');
	try {
		await publishAll(manifest.map((entry) => entry.id));
		console.log(`# published ${manifest.length} workflows`);
		// QUEUE_ONLY=<regex>: only the e2e cases whose title matches, and no bulk run (while working on a case).
		const only = process.env.QUEUE_ONLY ? new RegExp(process.env.QUEUE_ONLY, 'i') : undefined;
		for (const testCase of e2eCases(manifest).filter((c) => !only || only.test(c.title))) {
			console.log(`# ${testCase.title}  [workflow ${testCase.workflowId}]`);
			await runE2eCase(db, aws, testCase, logsText);
		}
		if (!only) await runBulk(db, aws, manifest);

		const { rows } = await db.query('SELECT id FROM execution_entity WHERE id > $1', [firstId]);
		const ids = rows.map((row) => Number(row.id));
		const perWorker = executionsPerWorker();
		console.log(`# executions per worker: ${perWorker.map((set) => set.size).join(', ')} (of ${ids.length})`);
		if (!only) await check('both workers ran executions', () => {
			assert.equal(perWorker.length, 2);
			assert.ok(perWorker.every((set) => set.size > 0), `per worker: ${perWorker.map((set) => set.size)}`);
		});
		await check('every execution ran on exactly one worker (none in the main process; a resumed one once per part)', () => {
			for (const id of ids) {
				const workers = perWorker.filter((set) => set.has(id)).length;
				if (resumedExecutions.has(id)) assert.ok(workers >= 1, `execution ${id} ran on no worker`);
				else assert.equal(workers, 1, `execution ${id}`);
			}
		});
		// Last: it kills a worker.
		if (manifest.some((entry) => entry.id === 'queueReconcile001')) await runKilledApply(db, aws, manifest);
		if (manifest.some((entry) => entry.id === 'queueReconTargets1')) {
			// The worker killed above is restarted (as an orchestrator would), so this kill leaves one.
			await restartWorker([...workers.pids.keys()].find((index) => !workers.alive.has(index)));
			await runKilledTargetsApply(db, aws, manifest);
		}
		const secrets = [...new Set(manifest.flatMap((entry) => entry.secrets))];
		const logs = readLogs();
		await check(`no secret (${secrets.length}) in any process's log (${logs.map((log) => log.label).join(', ')})`, () => {
			assert.ok(secrets.length >= 4, 'the workflows carry too few secrets for this check to mean anything');
			for (const { label, text } of logs) {
				for (const secret of secrets) assert.ok(!text.includes(secret), `${label}'s log holds a secret (${secret.slice(0, 6)}…)`);
			}
		});
	} finally {
		stopRestartedWorkers();
		await db.end();
	}
	if (failures.length) console.log(`# failed:\n${failures.map((label) => `#   ${label}`).join('\n')}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed || !passed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log(`${passed} passed, ${failed + 1} failed`);
	process.exitCode = 1;
});
