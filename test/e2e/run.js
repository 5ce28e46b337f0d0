#!/usr/bin/env node
// End-to-end runner: executes imported workflows in the real n8n CLI, one after the other, and
// checks their output and moto's state (read back with the plain AWS SDK).
//
// Started by scripts/test-e2e.sh, which builds and installs the package, starts moto, imports the
// credential and the workflows, and exports:
//   N8N_BIN, N8N_USER_FOLDER, N8N_ENCRYPTION_KEY (and n8n's quiet flags)
//   E2E_MOTO_ENDPOINT   moto's URL
//   E2E_EXAMPLES_LIST   a file of "<id> <file> <name>" lines for the prepared examples/*.json
// Optional: E2E_ONLY=<regex> runs only the cases whose title matches.
//
// Cases live in test/e2e/cases/*.js: each exports an array of
//   { title, workflowId, expectStatus? ("success"), setup?({aws, shared}), env?({aws, shared}) (variables
//     for that n8n process; undefined removes one), teardown?({shared}), checks: [[name, async (ctx) => {...}], ...],
//     resume?: { url(ctx), checks } (a run that waits at a Wait node is resumed with a GET of the URL
//     the waiting run gives, e.g. its signed resume URL, in a started n8n; the checks then run on the
//     finished execution) }
// ctx: { run, execution, items(node), raw(node), aws, shared }. Every check counts as one test, and so
// does the run's status; when n8n printed no execution at all, every check fails with the reason.
// The last line is "N passed, N failed"; the exit code is 1 when anything failed.
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');

const { awsClients } = require('./lib/aws');
const EXAMPLE_SETUPS = require('./lib/exampleSetups');
const { isAgentWorkflow } = require('../../scripts/n8n-workflows');
const { executeWorkflow, environmentWith, nodeItems, nodeRawItems, resumeWaitingExecution, runError } = require('./lib/n8n');

const OUR_TYPES = /^n8n-nodes-aws-connections\./;

/** An assertion's message (with its diff); other errors with the top of their stack. */
function describe(error) {
	if (error instanceof assert.AssertionError || !error?.stack) return String(error?.message ?? error);
	return error.stack.split('\n').slice(0, 6).join('\n');
}

function loadCases() {
	const dir = path.join(__dirname, 'cases');
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.js'))
		.sort()
		.flatMap((file) => require(path.join(dir, file)).map((c) => ({ ...c, file })));
}

const WAIT_NODE = 'n8n-nodes-base.wait';

/** One case per example workflow: it runs to "success" and none of our nodes reports an error. */
function exampleCases() {
	const list = process.env.E2E_EXAMPLES_LIST;
	if (!list || !fs.existsSync(list)) return [];
	const dir = path.dirname(list);
	return fs
		.readFileSync(list, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [workflowId, file, ...name] = line.split(' ');
			const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			// An agent example needs a chat model: the agents suite runs it (scripts/test-agents.sh).
			if (isAgentWorkflow(workflow)) return undefined;
			const ours = workflow.nodes.filter((node) => OUR_TYPES.test(node.type));
			return {
				title: `example ${file} (${name.join(' ')})`,
				workflowId,
				setup: EXAMPLE_SETUPS[file],
				// An example that waits for a person (a Wait node, e.g. an approval) pauses there.
				expectStatus: workflow.nodes.some((node) => node.type === WAIT_NODE) ? 'waiting' : undefined,
				checks: [
					['has at least one of our nodes', () => assert.ok(ours.length > 0, 'no AWS Connections node in it')],
					...ours.map((node) => [
						`node "${node.name}" ran without an error`,
						({ execution }) => {
							const runs = execution.data.resultData.runData[node.name];
							if (!runs) return; // a branch that was not taken (an IF node) is fine
							for (const item of nodeRawItems(execution, node.name)) {
								assert.equal(item.json?.error, undefined, `error item: ${JSON.stringify(item.json)}`);
							}
						},
					]),
				],
			};
		})
		.filter(Boolean);
}

async function main() {
	const endpoint = process.env.E2E_MOTO_ENDPOINT;
	if (!endpoint) throw new Error('E2E_MOTO_ENDPOINT is not set: run `npm run test:e2e`');
	const aws = awsClients(endpoint);
	const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : undefined;
	const cases = [...loadCases(), ...exampleCases()].filter((c) => !only || only.test(c.title));

	let passed = 0;
	let failed = 0;
	let crashes = 0;
	const failures = [];
	const runs = [];
	for (const testCase of cases) {
		console.log(`# ${testCase.title}  [workflow ${testCase.workflowId}]`);
		let ctx;
		let fatal;
		const shared = {};
		try {
			await aws.reset();
			if (testCase.setup) await testCase.setup({ aws, shared });
			const run = await executeWorkflow(testCase.workflowId, { env: environmentWith(testCase.env?.({ aws, shared })) });
			runs.push({ title: testCase.title, ms: run.ms, exitCode: run.exitCode, signal: run.signal });
			if (run.crashedAfterRun) {
				crashes++;
				console.log(`#   note: n8n exited with ${run.signal ?? `code ${run.exitCode}`} after printing the execution (counted, not failed)`);
			}
			if (!run.execution) {
				fatal = `no execution JSON (exit ${run.exitCode}, signal ${run.signal}). stderr tail:\n${run.stderr.slice(-1500)}\nstdout tail:\n${run.stdout.slice(-1500)}`;
				// Seen with n8n 2.41: a workflow that never starts (e.g. a required parameter is missing,
				// a WorkflowHasIssuesError) only prints this; the reason is in the execution n8n stored.
				if (/No active execution found/.test(run.stdout + run.stderr)) {
					fatal += '\nThe workflow did not start: check its required parameters (the error is stored in the kept work folder\'s database; N8N_LOG_LEVEL=debug shows it).';
				}
			}
			ctx = {
				run,
				execution: run.execution,
				items: (node, options) => nodeItems(run.execution, node, options),
				raw: (node, options) => nodeRawItems(run.execution, node, options),
				aws,
				shared,
			};
			console.log(`#   ran in ${(run.ms / 1000).toFixed(1)} s, status ${run.status}`);
		} catch (error) {
			fatal = `set-up failed: ${error.stack ?? error}`;
		}
		// The run's own status is a test; the checks still run on a failed run (the nodes before the
		// failure have output), so one failure does not hide what worked.
		const expected = testCase.expectStatus ?? 'success';
		const statusCheck = [
			`the run ends with status "${expected}"`,
			({ run }) => assert.equal(run.status, expected, runError(run.execution) ?? `status ${run.status}`),
		];
		const runChecks = async (checks, context, problem) => {
			for (const [name, check] of checks) {
				const label = `${testCase.title} › ${name}`;
				try {
					if (problem) throw Object.assign(new Error(problem), { stack: problem });
					await check(context);
					passed++;
					console.log(`ok - ${label}`);
				} catch (error) {
					failed++;
					failures.push(label);
					console.log(`not ok - ${label}\n${describe(error).replace(/^/gm, '    ')}`);
				}
			}
		};
		await runChecks([statusCheck, ...testCase.checks], ctx, fatal);
		if (testCase.resume) {
			// The person the run waits for answers (e.g. approves): the execution goes on from its Wait node.
			let resumed;
			let problem = fatal;
			try {
				if (!problem) resumed = await resumeWaitingExecution(testCase.workflowId, testCase.resume.url(ctx));
			} catch (error) {
				problem = `resuming failed: ${error.stack ?? error}`;
			}
			const context = resumed && {
				...ctx,
				execution: resumed.execution,
				items: (node, options) => nodeItems(resumed.execution, node, options),
				raw: (node, options) => nodeRawItems(resumed.execution, node, options),
			};
			const resumedStatus = ['the resumed run ends with status "success"', () => assert.equal(resumed.status, 'success', runError(resumed.execution) ?? `status ${resumed.status}`)];
			await runChecks([resumedStatus, ...testCase.resume.checks], context, problem);
		}
		if (testCase.teardown) await testCase.teardown({ shared }).catch((error) => console.log(`#   teardown failed: ${error.message}`));
	}

	const total = runs.reduce((sum, r) => sum + r.ms, 0);
	console.log(`\n# ${runs.length} workflow runs in ${(total / 1000).toFixed(1)} s (${runs.length ? (total / runs.length / 1000).toFixed(1) : 0} s each on average)`);
	console.log(`# n8n execute crashed after a complete run (segfault or other signal): ${crashes} of ${runs.length}`);
	if (failures.length) console.log(`# failed:\n${failures.map((f) => `#   ${f}`).join('\n')}`);
	if (process.env.E2E_REPORT) {
		fs.writeFileSync(process.env.E2E_REPORT, JSON.stringify({ passed, failed, crashes, runs }, null, 2));
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed || !cases.length ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log('0 passed, 1 failed');
	process.exitCode = 1;
});
