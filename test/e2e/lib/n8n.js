// Runs one imported workflow in the real n8n CLI and reads the execution back.
// The environment (N8N_USER_FOLDER, N8N_ENCRYPTION_KEY, quiet flags) comes from scripts/lib-n8n.sh.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const EXECUTE_TIMEOUT_MS = Number(process.env.E2E_EXECUTE_TIMEOUT_MS ?? 180000);

/**
 * `n8n execute --rawOutput` prints log lines, then the execution as indented JSON (on success to
 * stdout; on a workflow error through the logger, also after log lines). Returns the first JSON
 * object that starts at the beginning of a line and parses, or undefined.
 */
function parseExecution(text) {
	const lines = text.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (!lines[start].startsWith('{')) continue;
		// The object ends at a line that closes it; try each "}" line from the last backwards.
		for (let end = lines.length - 1; end >= start; end--) {
			if (!lines[end].startsWith('}')) continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				// not this one
			}
		}
	}
	return undefined;
}

/** This process's environment with `overrides` applied; an override of `undefined` removes the variable. */
function environmentWith(overrides = {}) {
	const env = { ...process.env, ...overrides };
	for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete env[name];
	return env;
}

/**
 * Runs `n8n execute --id=ID --rawOutput` (its own process, so `env` is that n8n's whole
 * environment: how a case gives n8n the host's credentials or the administrator's variable).
 * Resolves (never rejects on a failed run) with
 * { execution, status, exitCode, signal, crashedAfterRun, stdout, stderr, ms }.
 * `crashedAfterRun`: the process died of a signal (n8n 2.x on Node 24 now and then segfaults
 * while exiting) although it had printed a complete execution.
 */
function executeWorkflow(id, { n8nBin = process.env.N8N_BIN, env = process.env } = {}) {
	if (!n8nBin) throw new Error('N8N_BIN is not set (scripts/test-e2e.sh sets it)');
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn(n8nBin, ['execute', `--id=${id}`, '--rawOutput'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), EXECUTE_TIMEOUT_MS);
		child.on('close', (exitCode, signal) => {
			clearTimeout(timer);
			const execution = parseExecution(stdout) ?? parseExecution(stderr);
			const crashed = signal !== null || exitCode === 139 || exitCode === 134;
			resolve({
				execution,
				status: execution?.status,
				exitCode,
				signal,
				crashedAfterRun: crashed && execution !== undefined,
				stdout,
				stderr,
				ms: Date.now() - started,
			});
		});
	});
}

/** The JSON of the items a node output on its first run (output 0 unless told). */
function nodeItems(execution, nodeName, { run = 0, output = 0 } = {}) {
	const runs = execution?.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(execution?.data?.resultData?.runData ?? {}).join(', ')})`);
	const task = runs[run];
	if (task.error) throw new Error(`node "${nodeName}" failed: ${task.error.message}`);
	return (task.data?.main?.[output] ?? []).map((item) => item.json);
}

/** The full items (json, pairedItem, error) a node output on its first run. */
function nodeRawItems(execution, nodeName, { run = 0, output = 0 } = {}) {
	const runs = execution?.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run`);
	return runs[run].data?.main?.[output] ?? [];
}

/** The error of a whole failed run, in one line. */
function runError(execution) {
	const result = execution?.data?.resultData;
	const error = result?.error;
	if (!error) return undefined;
	const node = error.node?.name ?? result.lastNodeExecuted;
	const text = [error.message, error.description !== error.message && error.description].filter(Boolean).join(' — ');
	return node ? `node "${node}": ${text}` : text;
}

/**
 * The executions n8n stored for a workflow, newest first, read from its SQLite database (with
 * Python's sqlite3: no native module needed here): { id, status, data, workflowData }, the last
 * two as the text n8n stored.
 */
function storedExecutions(workflowId, userFolder = process.env.N8N_USER_FOLDER) {
	const database = path.join(userFolder, '.n8n', 'database.sqlite');
	const script = [
		'import json, sqlite3, sys',
		'db = sqlite3.connect(sys.argv[1])',
		'rows = db.execute("select e.id, e.status, d.data, d.workflowData from execution_entity e join execution_data d on d.executionId = e.id where e.workflowId = ? order by e.id desc", (sys.argv[2],)).fetchall()',
		'print(json.dumps([dict(id=r[0], status=r[1], data=r[2], workflowData=r[3]) for r in rows]))',
	].join('\n');
	return JSON.parse(execFileSync('python3', ['-c', script, database, workflowId], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** The workflow as `n8n export:workflow` writes it (the text of the exported file). */
function exportWorkflow(id, { n8nBin = process.env.N8N_BIN } = {}) {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-export-')), 'workflow.json');
	try {
		execFileSync(n8nBin, ['export:workflow', `--id=${id}`, `--output=${file}`], { stdio: ['ignore', 'ignore', 'pipe'] });
		return fs.readFileSync(file, 'utf8');
	} finally {
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
}

const FINISHED = ['success', 'error', 'crashed', 'canceled'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A module of the n8n installation N8N_BIN belongs to (e.g. flatted, which n8n stores execution data with). */
function n8nModule(name, n8nBin = process.env.N8N_BIN) {
	const n8nDir = path.resolve(fs.realpathSync(n8nBin), '..', '..');
	return require(require.resolve(name, { paths: [n8nDir] }));
}

/**
 * Resumes the newest execution of a workflow that waits at a Wait node ("On Webhook Call"), as the
 * person it waits for does: `n8n start` on a free loopback port (only a running n8n serves the
 * resume URL; `n8n execute` cannot), a GET of the resume URL the run gave (its path and signed
 * query, on that port), then the execution read back from the database once it has finished.
 * Resolves with { id, status, execution }.
 */
async function resumeWaitingExecution(workflowId, resumeUrl, { n8nBin = process.env.N8N_BIN } = {}) {
	const [waiting] = storedExecutions(workflowId);
	if (waiting?.status !== 'waiting') throw new Error(`the newest execution of ${workflowId} is ${waiting?.status ?? 'missing'}, not waiting`);
	const port = await new Promise((resolve, reject) => {
		const server = net.createServer().on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port: free } = server.address();
			server.close(() => resolve(free));
		});
	});
	const child = spawn(n8nBin, ['start'], { env: { ...process.env, N8N_PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
	const exited = new Promise((resolve) => child.once('exit', resolve));
	// n8n prints this once `n8n start` has finished starting (1.x and 2.x alike). n8n 1.x (1.123)
	// answers /healthz/readiness as soon as its database is ready (2.x: once fully started): a resume
	// sent then got Express's own 404 "Cannot GET" (the webhook routes were not mounted yet), and one
	// sent just after they were mounted ended "crashed" (n8n's crash recovery runs after that and
	// marks an execution running at that moment as crashed).
	let started = false;
	let printed = '';
	child.stdout.on('data', (chunk) => {
		printed = (printed + chunk).slice(-4096);
		if (printed.includes('Editor is now accessible via')) started = true;
	});
	try {
		const base = `http://127.0.0.1:${port}`;
		const deadline = Date.now() + 180000;
		while (!started || !(await fetch(`${base}/healthz/readiness`).then((answer) => answer.ok, () => false))) {
			if (child.exitCode !== null || Date.now() > deadline) throw new Error('n8n start did not become ready');
			await sleep(500);
		}
		const { pathname, search } = new URL(resumeUrl);
		if (!pathname.endsWith(`/webhook-waiting/${waiting.id}`)) throw new Error(`${resumeUrl} does not resume execution ${waiting.id}`);
		const answer = await fetch(`${base}${pathname}${search}`);
		if (!answer.ok) throw new Error(`resume: HTTP ${answer.status} ${await answer.text()}`);
		for (;;) {
			const stored = storedExecutions(workflowId).find((execution) => execution.id === waiting.id);
			if (FINISHED.includes(stored.status)) {
				const data = n8nModule('flatted', n8nBin).parse(stored.data);
				return { id: stored.id, status: stored.status, execution: { status: stored.status, data } };
			}
			if (Date.now() > deadline) throw new Error(`the resumed execution is still ${stored.status}`);
			await sleep(500);
		}
	} finally {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// already gone
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 15000);
		await exited;
		clearTimeout(timer);
	}
}

module.exports = { executeWorkflow, environmentWith, parseExecution, nodeItems, nodeRawItems, runError, storedExecutions, exportWorkflow, resumeWaitingExecution };
