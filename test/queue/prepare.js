#!/usr/bin/env node
// Makes the workflows of the queue-mode suite ready to import: the e2e test workflows
// (test/e2e/workflows/*.json), the examples (examples/*.json) and the bulk flows (test/queue/workflows).
// In queue mode an execution reaches a worker when a trigger fires in the main process, so each
// Manual (or Schedule) Trigger is replaced by a Webhook trigger of the same name (the rest of the
// workflow is unchanged), answering at once; run.js publishes the workflows, calls the webhooks and
// follows the executions in the database.
//
// CLI: node test/queue/prepare.js --credential-id ID --credential-name NAME --out DIR
// Writes DIR/<file> per workflow and DIR/manifest.json: [{ id, file, kind, webhookPath, secrets }],
// kind "e2e" | "example" | "bulk"; secrets: the literal secret values the workflow sends.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { isAgentWorkflow, prepareWorkflow } = require('../../scripts/n8n-workflows');

const ROOT = path.join(__dirname, '..', '..');
const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const WEBHOOK = 'n8n-nodes-base.webhook';

/** Field names whose literal value is a secret (passwords, API key values, client secrets). */
const SECRET_FIELD = /(password|secret|apiKeyValue)$/i;

/** The literal secrets in a workflow's node parameters, including rows flagged "Value Is Secret". */
function secretsIn(value, key = '') {
	if (typeof value === 'string') return SECRET_FIELD.test(key) && !value.startsWith('=') && value.length >= 8 ? [value] : [];
	if (!value || typeof value !== 'object') return [];
	if (value.isValueSecret === true && typeof value.value === 'string' && !value.value.startsWith('=')) return [value.value];
	return Object.entries(value).flatMap(([name, member]) => secretsIn(member, Array.isArray(value) ? key : name));
}

/** Replaces the Manual Trigger (added where the workflow had another trigger) with a Webhook trigger. */
function triggeredByWebhook(workflow, webhookPath) {
	const nodes = workflow.nodes.filter((node) => !/trigger$/i.test(node.type) || node.type === MANUAL_TRIGGER);
	const manual = nodes.find((node) => node.type === MANUAL_TRIGGER);
	if (!manual) throw new Error(`${workflow.id}: no trigger to replace`);
	Object.assign(manual, {
		type: WEBHOOK,
		typeVersion: 2,
		webhookId: crypto.randomUUID(),
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	});
	// Connections of the removed triggers go with them.
	const kept = new Set(nodes.map((node) => node.name));
	const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([from]) => kept.has(from)));
	return { ...workflow, nodes, connections };
}

function main(argv) {
	const option = (name) => argv[argv.indexOf(name) + 1];
	const out = option('--out');
	const credential = { id: option('--credential-id'), name: option('--credential-name') };
	fs.mkdirSync(out, { recursive: true });
	const list = (dir) => fs.readdirSync(path.join(ROOT, dir)).filter((file) => file.endsWith('.json')).sort().map((file) => path.join(dir, file));
	const sources = [
		...list('test/e2e/workflows').map((file) => ({ file, kind: 'e2e' })),
		// An agent example needs a chat model: the agents suite runs it (scripts/test-agents.sh).
		...list('examples')
			.filter((file) => !isAgentWorkflow(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'))))
			.map((file) => ({ file, kind: 'example' })),
		...list('test/queue/workflows').map((file) => ({ file, kind: 'bulk' })),
	];
	const manifest = sources.map(({ file, kind }) => {
		const original = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
		let workflow = prepareWorkflow(original, { credential, fileName: path.basename(file), manualTrigger: kind !== 'bulk' });
		let webhookPath = workflow.nodes.find((node) => node.type === WEBHOOK)?.parameters.path;
		if (kind !== 'bulk') {
			webhookPath = `queue-${workflow.id.toLowerCase()}`;
			workflow = triggeredByWebhook(workflow, webhookPath);
		}
		const name = `${kind}-${path.basename(file)}`;
		fs.writeFileSync(path.join(out, name), JSON.stringify(workflow, null, 2));
		return { id: workflow.id, file: name, kind, webhookPath, secrets: [...new Set(secretsIn(workflow.nodes.map((node) => node.parameters)))] };
	});
	fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
	for (const entry of manifest) console.log(`${entry.id} ${entry.file}`);
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { secretsIn, triggeredByWebhook };
