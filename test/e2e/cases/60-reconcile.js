// Reconcile in a real n8n against the project's emulator, the scenario for both nodes:
// 100 connections in the scope (e2e-rc-…) and 3 outside it (e2e-rcx-…: the prefix is a string
// prefix, so these share "e2e-rc" but not "e2e-rc-"), a desired set of 97 (82 as they are, 10
// changed, 5 new). One workflow per node: Plan; someone else changes a connection; Apply with the
// now stale fingerprint stops; Plan again; Apply with Max Deletions 5 stops; Apply; Apply again.
// The engine test (test/integration/reconcile.test.js) counts the requests each step sends.
const assert = require('node:assert/strict');

const SECRET = 'e2e-rc-secret-5k2q';
const RECONCILE_NODES = ['Plan', 'Someone Else', 'Apply Stale', 'Plan 2', 'Apply Max 5', 'Apply', 'Apply Again'];
const three = (index) => String(index).padStart(3, '0');
const inScope = [...Array(100).keys()].map((index) => `e2e-rc-${three(index)}`);
const outside = [0, 1, 2].map((index) => `e2e-rcx-${index}`);
const desiredNames = [...inScope.slice(0, 92), ...[...Array(5).keys()].map((index) => `e2e-rc-new-${index}`)].sort();
const counts = (items) => items.reduce((result, item) => ({ ...result, [item.action ?? 'error']: (result[item.action ?? 'error'] ?? 0) + 1 }), {});

function reconcileCase({ title, workflowId, seed, names, read, changed }) {
	// `names` lists every connection the emulator has (paged).
	return {
		title,
		workflowId,
		async setup({ aws }) {
			for (const name of [...inScope, ...outside]) await seed(aws, name);
		},
		checks: [
			[
				'Plan: 10 update, 5 create, 8 delete, 82 unchanged, one fingerprint on every item, no secret',
				({ items, execution }) => {
					const plan = items('Plan');
					assert.deepEqual(counts(plan), { update: 10, create: 5, delete: 8, unchanged: 82 });
					assert.equal(new Set(plan.map((item) => item.planFingerprint)).size, 1);
					assert.match(plan[0].planFingerprint, /^rc1:/);
					// The Code nodes that describe the desired set hold it; no Reconcile node's output may.
					for (const node of RECONCILE_NODES) assert.ok(!JSON.stringify(execution.data.resultData.runData[node]).includes(SECRET), `a secret appears in the output of ${node}`);
				},
			],
			[
				'a fingerprint made stale by someone else stops the apply before any write',
				({ items }) => {
					const stale = items('Apply Stale');
					assert.equal(stale.length, 1);
					assert.match(stale[0].error, /changed since the plan was approved\. 1 write\(s\) are not in the approved plan \(update "e2e-rc-010"\)\. Nothing was written/);
					assert.deepEqual(counts(items('Plan 2')), { update: 11, create: 5, delete: 8, unchanged: 81 });
				},
			],
			[
				'Max Deletions 5 stops an apply that would delete 8, naming the count',
				({ items }) => {
					const stopped = items('Apply Max 5');
					assert.equal(stopped.length, 1);
					assert.match(stopped[0].error, /would delete 8 connections, more than Max Deletions \(5\)\. Nothing was written/);
				},
			],
			[
				'Apply writes the approved plan; the second apply writes nothing',
				({ items }) => {
					const applied = items('Apply');
					assert.deepEqual(counts(applied), { update: 11, create: 5, delete: 8, unchanged: 81 });
					assert.equal(applied.filter((item) => item.applied).length, 24);
					const again = items('Apply Again');
					assert.deepEqual(counts(again), { unchanged: 97 });
					assert.equal(again.filter((item) => item.applied).length, 0);
				},
			],
			[
				'the emulator holds exactly the desired set in the scope, changed as desired; nothing outside it touched',
				async ({ aws }) => {
					const all = await names(aws);
					assert.deepEqual(all.filter((name) => name.startsWith('e2e-rc-')).sort(), desiredNames);
					for (const name of outside) assert.equal(await read(aws, name), changed(false), name);
					assert.equal(await read(aws, 'e2e-rc-085'), changed(true));
					assert.equal(await read(aws, 'e2e-rc-010'), changed(false));
				},
			],
		],
	};
}

module.exports = [
	reconcileCase({
		title: 'Glue: Reconcile 100 in scope + 3 outside against 97 desired (plan, stale approval, Max Deletions, apply, apply again)',
		workflowId: 'e2eReconcileGlue',
		seed: async (aws, name) =>
			await aws.createGlueConnection({
				Name: name,
				ConnectionType: 'JDBC',
				Description: 'orders replica',
				ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://old.internal:5432/db', USERNAME: 'etl', PASSWORD: SECRET },
			}),
		names: async (aws) => {
			const found = [];
			let NextToken;
			do {
				const { GetConnectionsCommand } = require('@aws-sdk/client-glue');
				const page = await aws.glue.send(new GetConnectionsCommand({ NextToken }));
				found.push(...page.ConnectionList.map((connection) => connection.Name));
				NextToken = page.NextToken;
			} while (NextToken);
			return found;
		},
		read: async (aws, name) => (await aws.glueConnection(name))?.Description,
		changed: (yes) => (yes ? 'moved to the new host' : 'orders replica'),
	}),
	reconcileCase({
		title: 'EventBridge: Reconcile 100 in scope + 3 outside against 97 desired (plan, stale approval, Max Deletions, apply, apply again)',
		workflowId: 'e2eReconcileEvents',
		seed: async (aws, name) =>
			await aws.createEventBridgeConnection({
				Name: name,
				Description: 'orders api',
				AuthorizationType: 'API_KEY',
				AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: SECRET } },
			}),
		names: async (aws) => {
			const found = [];
			let NextToken;
			do {
				const { ListConnectionsCommand } = require('@aws-sdk/client-eventbridge');
				const page = await aws.events.send(new ListConnectionsCommand({ NextToken }));
				found.push(...page.Connections.map((connection) => connection.Name));
				NextToken = page.NextToken;
			} while (NextToken);
			return found;
		},
		read: async (aws, name) => (await aws.eventBridgeConnection(name))?.AuthParameters?.ApiKeyAuthParameters?.ApiKeyName,
		changed: (yes) => (yes ? 'x-api-key-2' : 'x-api-key'),
	}),
];
