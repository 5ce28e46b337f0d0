// The documentation against the code and the runs it quotes: the README stays short and links every
// page; every relative link and anchor resolves; the operations it lists are the node descriptions'
// own; the defaults and limits it quotes are the descriptions' and constants'; the bad-input corpus
// size and the SDK's connection types are counted from the code; the IAM policy lists every AWS
// action the code calls; the examples are at the nodes' current version with a sticky note and the
// credential names README gives; the nodes' documentation links open these pages; the compatibility
// table quotes test/compat/results.json (written by `npm run test:compat`). Figures are read from the
// code, so a change there needs a docs edit, not a change here.
const fs = require('node:fs');
const path = require('node:path');
const { GlueConnection } = require('../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../nodes/EventBridgeConnection/EventBridgeConnection.node');
const { AwsConnectionsApi } = require('../../credentials/AwsConnectionsApi.credentials');
const { AwsConnectionSecretApi } = require('../../credentials/AwsConnectionSecretApi.credentials');
const retry = require('../../nodes/shared/transport/retry');
const sdkEnums = require('../../nodes/shared/sdkEnums.generated');
const { buildCorpus } = require('../support/badInputCorpus');

const ROOT = path.resolve(__dirname, '../..');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');
const DOC_PAGES = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
const MARKDOWN = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...DOC_PAGES];
const glue = new GlueConnection().description;
const eventBridge = new EventBridgeConnection().description;
const NODES = [
	{ description: glue, page: 'docs/glue-connection.md', heading: 'AWS Glue Connection' },
	{ description: eventBridge, page: 'docs/eventbridge-connection.md', heading: 'AWS EventBridge Connection' },
];

/** Every property of a description, collections' and fixed collections' members included. */
function allProperties(properties) {
	return properties.flatMap((p) => [p, ...(p.type !== 'options' && p.type !== 'multiOptions' && Array.isArray(p.options) ? allProperties(p.options.flatMap((o) => o.values ?? [o])) : [])]);
}
const propertiesNamed = (description, name) => allProperties(description.properties).filter((p) => p.name === name);
/** The one property of that name (the one for the node's newest version where versions differ). */
function property(description, name) {
	const found = propertiesNamed(description, name);
	const current = found.filter((p) => !p.displayOptions?.show?.['@version'] || p.displayOptions.show['@version'].some((v) => v?._cnd));
	expect(current.length).toBeGreaterThan(0);
	// The same option in several operations' Options: one default and range for all.
	const shape = (p) => ({ default: p.default, typeOptions: p.typeOptions });
	for (const p of current) expect(shape(p)).toEqual(shape(current[0]));
	return current[0];
}
/** Resource display name → operation display names, as the editor offers them. */
function operationsByResource(description) {
	const resources = description.properties.find((p) => p.name === 'resource').options;
	return Object.fromEntries(
		resources.map((resource) => {
			const field = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value));
			return [resource.name, field.options.map((o) => o.name)];
		}),
	);
}
/** The Markdown table rows of a text: arrays of trimmed cells. */
const tableRows = (text) => text.split('\n').filter((line) => /^\|.*\|\s*$/.test(line)).map((line) => line.trim().slice(1, -1).split(' | ').map((cell) => cell.trim()));
/** GitHub's heading anchors of a Markdown text. */
function anchors(text) {
	const seen = new Map();
	const result = new Set();
	for (const [, heading] of text.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)) {
		const base = heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		result.add(count ? `${base}-${count}` : base);
	}
	return result;
}
/** The section of a Markdown text under a heading, up to the next heading of the same level or higher. */
function section(text, heading) {
	const start = text.indexOf(`\n${heading}\n`);
	expect(start).toBeGreaterThanOrEqual(0);
	const level = heading.match(/^#+/)[0].length;
	const rest = text.slice(start + heading.length + 2);
	const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
	return end < 0 ? rest : rest.slice(0, end);
}

describe('README', () => {
	test('is at most 200 lines and keeps its two commands', () => {
		expect(README.split('\n').length).toBeLessThanOrEqual(200);
		expect(README).toMatch(/^npm start\s+#/m);
		expect(README).toMatch(/^npm test\s+#/m);
	});

	test('links every docs page and CONTRIBUTING.md', () => {
		for (const page of [...DOC_PAGES, 'CONTRIBUTING.md', 'CHANGELOG.md']) expect(README).toContain(`](${page}`);
	});

	test('lists exactly the operations of each node and resource', () => {
		for (const { description, heading } of NODES) {
			const rows = tableRows(section(README, '## Operations').split(`**${heading}**`)[1].split('**')[0]).filter(([first]) => first !== 'Resource' && !/^-+$/.test(first));
			const listed = Object.fromEntries(rows.map(([resource, operations]) => [resource, operations.split(', ').sort()]));
			const offered = Object.fromEntries(Object.entries(operationsByResource(description)).map(([resource, operations]) => [resource, [...operations].sort()]));
			expect(listed).toEqual(offered);
		}
	});
});

describe('links', () => {
	test.each(MARKDOWN)('every relative link and anchor in %s resolves', (file) => {
		const text = read(file).replace(/```[\s\S]*?```/g, '');
		const broken = [];
		for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
			if (/^[a-z]+:/i.test(target)) continue;
			const [linkPath, anchor] = target.split('#');
			const resolved = linkPath ? path.join(path.dirname(path.join(ROOT, file)), linkPath) : path.join(ROOT, file);
			if (!fs.existsSync(resolved)) broken.push(`${target} (no such file)`);
			else if (anchor && resolved.endsWith('.md') && !anchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${target} (no such heading)`);
		}
		expect(broken).toEqual([]);
	});

	test('the nodes and credentials open these docs pages (in this repository)', () => {
		const repository = require('../../package.json').repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
		const prefix = `${repository}/blob/main/`;
		const codex = (name) => JSON.parse(read(`nodes/${name}/${name}.node.json`)).resources.primaryDocumentation.map((d) => d.url);
		const urls = {
			'docs/glue-connection.md': [glue.documentationUrl, ...codex('GlueConnection')],
			'docs/eventbridge-connection.md': [eventBridge.documentationUrl, ...codex('EventBridgeConnection')],
			'docs/credentials-and-iam.md': [new AwsConnectionsApi().documentationUrl],
			'docs/secrets.md': [new AwsConnectionSecretApi().documentationUrl],
		};
		for (const [page, list] of Object.entries(urls)) {
			expect(fs.existsSync(path.join(ROOT, page))).toBe(true);
			for (const url of list) expect(url).toBe(`${prefix}${page}`);
		}
	});
});

describe('node pages', () => {
	test.each(NODES.map((n) => [n.page, n]))('%s has a row for every operation and the sections of an n8n node page', (_page, { description, page }) => {
		const text = read(page);
		const rowNames = new Set(tableRows(text).map(([first]) => first));
		for (const operations of Object.values(operationsByResource(description))) {
			for (const operation of operations) expect([operation, rowNames.has(operation)]).toEqual([operation, true]);
		}
		for (const heading of ['## Operations', '## What the next node gets', '## Templates', '## Common issues', '## Related resources']) expect(text).toContain(`\n${heading}\n`);
	});

	test('the connection types the SDK knows, as the Glue page counts them', () => {
		const count = Number(/the installed\s+AWS SDK's \((\d+) types\)/.exec(read('docs/glue-connection.md'))?.[1]);
		expect(count).toBe(sdkEnums.GLUE_CONNECTION_TYPES.length);
	});
});

describe('figures quoted from the code', () => {
	const scaling = read('docs/scaling.md');
	/** "*Options → NAME* (MIN–MAX, default **D**" as the docs write an option's range and default. */
	const quoted = (text, label) => {
		const match = new RegExp(`\\*Options → ${label}\\*+\\s+\\((\\d+)–([\\d,]+)[^)]*?default \\*\\*(\\d+)\\*\\*`).exec(text);
		expect([label, Boolean(match)]).toEqual([label, true]);
		return { min: Number(match[1]), max: Number(match[2].replace(/,/g, '')), default: Number(match[3]) };
	};
	const range = (description, name) => {
		const p = property(description, name);
		return { min: p.typeOptions.minValue, max: p.typeOptions.maxValue, default: p.default };
	};

	test.each([
		['Max Attempts', 'maxAttempts', retry.DEFAULT_MAX_ATTEMPTS],
		['Max Retry Time', 'maxRetryTime', retry.DEFAULT_MAX_RETRY_TIME],
		['Request Timeout', 'requestTimeout', retry.DEFAULT_REQUEST_TIMEOUT],
		['Concurrency', 'concurrency', undefined],
	])('scaling.md quotes %s as both nodes define it', (label, name, constant) => {
		const docs = quoted(scaling, label);
		for (const { description } of NODES) expect(docs).toEqual(range(description, name));
		if (constant !== undefined) expect(docs.default).toBe(constant);
	});

	test("the editor's retry settings as the code sets them", () => {
		expect(scaling).toContain(`The credential's *Test* button and the editor's lists use ${retry.EDITOR_ATTEMPTS}.`);
		expect(scaling).toMatch(new RegExp(`The editor's lists and the credential's \\*Test\\* button\\s+use ${retry.EDITOR_RETRY_TIME} s\\.`));
		expect(scaling).toMatch(new RegExp(`The editor's lists and the credential's \\*Test\\* button use ${retry.EDITOR_REQUEST_TIMEOUT} s\\.`));
		expect(scaling).toMatch(new RegExp(`waits at least\\s+${retry.TEST_CONNECTION_TIMEOUT / 60} minutes`));
	});

	test('Reconcile: Max Deletions default', () => {
		const text = read('docs/reconcile-and-export.md');
		const docs = Number(/\*\*Max Deletions\*\* \(default (\d+)\)/.exec(text)?.[1]);
		for (const { description } of NODES) expect(docs).toBe(property(description, 'maxDeletions').default);
	});

	test('EventBridge: Poll Interval and Wait Timeout defaults', () => {
		const text = read('docs/eventbridge-connection.md');
		expect(Number(/\*Poll Interval\* seconds \(default (\d+)\)/.exec(text)?.[1])).toBe(property(eventBridge, 'pollInterval').default);
		expect(Number(/\*Wait Timeout\* \(default (\d+) s\)/.exec(text)?.[1])).toBe(property(eventBridge, 'waitTimeout').default);
	});

	test('the bad-input corpus size', () => {
		const size = buildCorpus({ glue, eventBridge }).length;
		const quotedSizes = MARKDOWN.flatMap((file) => [...read(file).matchAll(/corpus of ([\d,]+) malformed inputs/g)].map((m) => [file, Number(m[1].replace(/,/g, ''))]));
		expect(quotedSizes.length).toBeGreaterThan(0);
		for (const [file, quotedSize] of quotedSizes) expect([file, quotedSize]).toEqual([file, size]);
	});
});

describe('IAM', () => {
	const SERVICES = [
		{ dir: /^nodes\/GlueConnection\//, client: '@aws-sdk/client-glue', prefix: 'glue' },
		{ dir: /^nodes\/EventBridgeConnection\//, client: '@aws-sdk/client-eventbridge', prefix: 'events' },
		{ dir: /^(nodes\/shared|credentials)\//, client: '@aws-sdk/client-sts', prefix: 'sts' },
		{ dir: /^(nodes\/shared|credentials)\//, client: '@aws-sdk/client-secrets-manager', prefix: 'secretsmanager' },
	];
	/** Every AWS action the sources call: `…Command` and `paginate…` names, each matched to the SDK client that has it. */
	function actionsCalled() {
		const files = [];
		const walk = (dir) => {
			for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
				const rel = `${dir}/${entry.name}`;
				if (entry.isDirectory()) walk(rel);
				else if (rel.endsWith('.ts')) files.push(rel);
			}
		};
		walk('nodes');
		walk('credentials');
		const actions = new Set();
		for (const file of files) {
			const source = read(file);
			const names = [...source.matchAll(/\b([A-Z][A-Za-z]+)Command\b/g), ...source.matchAll(/\bpaginate([A-Z][A-Za-z]+)\b/g)].map((m) => m[1]);
			for (const name of names) {
				const service = SERVICES.find(({ dir, client }) => dir.test(file) && typeof require(client)[`${name}Command`] === 'function');
				expect([file, name, Boolean(service)]).toEqual([file, name, true]);
				actions.add(`${service.prefix}:${name}`);
			}
		}
		return actions;
	}
	const page = read('docs/credentials-and-iam.md');
	const documents = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
	const policies = documents.filter((p) => p.Statement);
	/** Every statement that allows something, in a policy or on its own (the host role's sts:AssumeRole). */
	const allowed = new Set(documents.flatMap((d) => d.Statement ?? [d]).filter((s) => s.Effect === 'Allow' && !s.Principal).flatMap((s) => [].concat(s.Action)));
	const actionsOf = (policy) => policy.Statement.flatMap((s) => [].concat(s.Action));
	const full = policies.find((p) => p.Statement.some((s) => s.Sid === 'GlueConnections'));
	/** Listed without being called: permissions AWS checks for what a call does (tags on create, EventBridge's service-linked role). */
	const IMPLIED = new Set(['glue:TagResource', 'iam:CreateServiceLinkedRole']);

	test('the code calls the actions this test knows how to find', () => {
		const called = actionsCalled();
		for (const action of ['glue:CreateConnection', 'glue:GetConnections', 'events:DescribeConnection', 'sts:AssumeRole', 'secretsmanager:GetSecretValue']) expect(called).toContain(action);
	});

	test('the full policy allows every Glue and EventBridge action the code calls, and nothing it does not', () => {
		const called = [...actionsCalled()].filter((a) => /^(glue|events):/.test(a)).sort();
		const listed = actionsOf(full).filter((a) => !IMPLIED.has(a)).sort();
		expect(listed).toEqual(called);
	});

	test('STS and Secrets Manager actions the code calls are documented with a policy', () => {
		const listed = allowed;
		for (const action of actionsCalled()) {
			if (action === 'sts:GetCallerIdentity') expect(page).toMatch(/`sts:GetCallerIdentity` is always allowed/);
			else if (!/^(glue|events):/.test(action)) expect([action, listed.has(action)]).toEqual([action, true]);
		}
	});

	test('the narrower policies only name actions the code calls', () => {
		const called = actionsCalled();
		for (const policy of policies.filter((p) => p.Statement.some((s) => ['PlanOnly', 'ExportSource'].includes(s.Sid)))) {
			for (const action of actionsOf(policy)) expect([action, called.has(action)]).toEqual([action, true]);
		}
	});
});

describe('examples', () => {
	const files = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
	const current = Math.max(...[].concat(glue.version), ...[].concat(eventBridge.version));
	const credentialNames = new Set([...README.matchAll(/credential named\s+\*([^*]+)\*|also \*([^*]+)\*/g)].map((m) => m[1] ?? m[2]));

	test('README lists every example, and only those', () => {
		const listed = tableRows(section(README, '## Examples')).map(([first]) => first.replace(/`/g, '')).filter((name) => name.endsWith('.json'));
		expect(listed.sort()).toEqual([...files].sort());
	});

	test.each(files)('%s: our nodes at their current version, a sticky note, the credential names README gives', (file) => {
		const workflow = JSON.parse(read(`examples/${file}`));
		const ours = workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-aws-connections.'));
		expect(ours.length).toBeGreaterThan(0);
		for (const node of ours) expect([node.name, node.typeVersion]).toEqual([node.name, current]);
		const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		expect(notes).toHaveLength(1);
		expect(notes[0].parameters.content).toMatch(/\*\*Needs:\*\*/);
		expect(notes[0].parameters.content).toMatch(/\*\*Shows:\*\*/);
		for (const node of ours) {
			const name = node.credentials?.awsConnectionsApi?.name;
			if (name) expect([node.name, credentialNames.has(name)]).toEqual([node.name, true]);
		}
	});
});

describe('compatibility table', () => {
	const results = JSON.parse(read('test/compat/results.json'));
	const rows = tableRows(section(README, '## Compatibility')).filter(([first]) => /^n8n \d/.test(first));

	test('every n8n version in the table passed its last test:compat run, with the figures it quotes', () => {
		expect(rows.length).toBeGreaterThanOrEqual(2);
		for (const [n8n, node, result] of rows) {
			const version = n8n.replace(/^n8n /, '');
			const run = results[version];
			expect([version, Boolean(run)]).toEqual([version, true]);
			expect(run.failed).toBe(0);
			expect(node).toBe(`Node.js ${run.node}`);
			expect(result).toContain(`${run.passed} of ${run.passed} e2e checks passed (${run.date})`);
		}
	});

	test('the maintained 1.x line and a 2.x release are both in it', () => {
		const versions = rows.map(([n8n]) => n8n.replace(/^n8n /, ''));
		expect(versions.some((v) => v.startsWith('1.123.'))).toBe(true);
		expect(versions.some((v) => v.startsWith('2.'))).toBe(true);
	});
});
