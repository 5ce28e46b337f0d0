#!/usr/bin/env node
// Makes workflow files ready for `n8n import:workflow` on an instance of ours:
//  - every node's `awsConnectionsApi` credential reference points at the credential we imported
//    (the examples ship with a placeholder id that cannot exist on another instance); a node whose
//    placeholder is TARGET_PLACEHOLDER (the other side of a copy between Regions) points at the
//    target credential instead: the same id and name with TARGET_SUFFIX, in TARGET_REGION (see
//    targetCredential(); the scripts that import credentials import it too);
//  - a workflow without an id gets a stable one derived from its file name, so it can be run
//    with `n8n execute --id=…` and is replaced, not duplicated, when imported again;
//  - with --manual-trigger, a workflow that starts from a Schedule Trigger (or any other trigger)
//    gets a Manual Trigger next to it, wired to the same nodes. `n8n execute` can only start from
//    a Manual Trigger; the original trigger stays, so the workflow is otherwise unchanged.
//
// CLI: node scripts/n8n-workflows.js --credential-id ID --credential-name NAME [--manual-trigger]
//        --out DIR FILE...
// Writes DIR/<file name> for each FILE and prints one line per workflow: <id> <file name> <name>.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const CREDENTIAL_TYPE = 'awsConnectionsApi';
const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const MANUAL_TRIGGER_NAME = 'Run Manually';
/** The credential placeholder of example nodes that work in the target Region of a copy. */
const TARGET_PLACEHOLDER = 'placeholder-target';
const TARGET_SUFFIX = 'Target';
const TARGET_REGION = 'eu-west-1';

/** The target-Region credential that goes with an imported credential {id, name}. */
function targetCredential(credential) {
	return { id: `${credential.id}${TARGET_SUFFIX}`, name: `${credential.name} ${TARGET_SUFFIX}` };
}

/** A stable workflow id (16 alphanumerics, as n8n makes them) for a file without one. */
function idFor(fileName) {
	return `wf${crypto.createHash('sha256').update(path.basename(fileName)).digest('hex').slice(0, 14)}`;
}

/**
 * A workflow built around an AI Agent or MCP Server Trigger (n8n's LangChain nodes): it needs a
 * chat model or an MCP client, so the agents suite (scripts/test-agents.sh) runs it, not the
 * suites that start workflows with `n8n execute` or a webhook.
 */
function isAgentWorkflow(workflow) {
	return workflow.nodes.some((node) => node.type.startsWith('@n8n/n8n-nodes-langchain.'));
}

function isTrigger(node) {
	return /trigger$/i.test(node.type) || node.type === 'n8n-nodes-base.cron' || node.type === 'n8n-nodes-base.interval';
}

/** Adds a Manual Trigger wired like the workflow's trigger(s); no-op when it already has one. */
function addManualTrigger(workflow) {
	const nodes = workflow.nodes;
	if (nodes.some((node) => node.type === MANUAL_TRIGGER)) return workflow;
	const connections = (workflow.connections ??= {});
	const triggers = nodes.filter(isTrigger);
	let targets;
	if (triggers.length) {
		targets = triggers.flatMap((trigger) => connections[trigger.name]?.main?.[0] ?? []);
	} else {
		// No trigger at all: start every node that nothing feeds.
		const fed = new Set(
			Object.values(connections).flatMap((byType) => (byType.main ?? []).flat().map((c) => c?.node)),
		);
		targets = nodes.filter((node) => !fed.has(node.name)).map((node) => ({ node: node.name, type: 'main', index: 0 }));
	}
	const seen = new Set();
	targets = targets.filter((t) => t && !seen.has(t.node) && seen.add(t.node));
	const anchor = triggers[0]?.position ?? nodes[0]?.position ?? [0, 0];
	let name = MANUAL_TRIGGER_NAME;
	while (nodes.some((node) => node.name === name)) name += ' ';
	nodes.push({
		id: crypto.randomUUID(),
		name,
		type: MANUAL_TRIGGER,
		typeVersion: 1,
		position: [anchor[0], anchor[1] + 200],
		parameters: {},
	});
	connections[name] = { main: [targets] };
	return workflow;
}

/**
 * Returns a copy of `workflow` ready to import. `credential` is {id, name} of an imported
 * awsConnectionsApi credential; `fileName` gives the id of a workflow without one.
 */
function prepareWorkflow(workflow, { credential, fileName, manualTrigger = false }) {
	const copy = structuredClone(workflow);
	if (!Array.isArray(copy.nodes)) throw new Error(`${fileName}: not a workflow (no "nodes" array)`);
	copy.id ||= idFor(fileName ?? copy.name ?? 'workflow');
	copy.name ||= path.basename(fileName ?? 'workflow', '.json');
	copy.active = false;
	copy.settings ??= {};
	copy.connections ??= {};
	for (const node of copy.nodes) {
		const reference = node.credentials?.[CREDENTIAL_TYPE];
		if (credential && reference) {
			node.credentials[CREDENTIAL_TYPE] = reference.id === TARGET_PLACEHOLDER ? targetCredential(credential) : { id: credential.id, name: credential.name };
		}
	}
	return manualTrigger ? addManualTrigger(copy) : copy;
}

function main(argv) {
	const options = { files: [] };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--credential-id') options.credentialId = argv[++i];
		else if (arg === '--credential-name') options.credentialName = argv[++i];
		else if (arg === '--out') options.out = argv[++i];
		else if (arg === '--manual-trigger') options.manualTrigger = true;
		else if (arg === '--target-credential') options.printTarget = true;
		else options.files.push(arg);
	}
	if (options.printTarget) {
		// For the import scripts: "<id>\t<name>\t<region>" of the target credential.
		const target = targetCredential({ id: options.credentialId, name: options.credentialName ?? 'AWS' });
		console.log([target.id, target.name, TARGET_REGION].join('\t'));
		return;
	}
	if (!options.out) throw new Error('--out DIR is required');
	fs.mkdirSync(options.out, { recursive: true });
	const credential = options.credentialId ? { id: options.credentialId, name: options.credentialName ?? 'AWS' } : undefined;
	for (const file of options.files) {
		const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
		const ready = prepareWorkflow(workflow, { credential, fileName: file, manualTrigger: options.manualTrigger });
		fs.writeFileSync(path.join(options.out, path.basename(file)), JSON.stringify(ready, null, 2));
		console.log(`${ready.id} ${path.basename(file)} ${ready.name}`);
	}
}

if (require.main === module) {
	try {
		main(process.argv.slice(2));
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}

module.exports = { prepareWorkflow, addManualTrigger, idFor, targetCredential, TARGET_PLACEHOLDER, TARGET_REGION, isAgentWorkflow };
