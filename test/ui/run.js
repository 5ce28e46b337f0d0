#!/usr/bin/env node
// The nodes in the real n8n editor, in a real browser (playwright-core + Debian chromium).
// For each node: add it from the node panel (searched by name), pick its Create action, then pick
// each value of its type selector (Glue: Connection Type; EventBridge: Authorization Type) and of
// every selector that belongs to that value only (e.g. KAFKA's SASL mechanism), and check that the
// form shows exactly the parameters the node description says, in the same order. Screenshots of
// the main forms go to docs/. Every example workflow opens without issues; the docs' pictures of the
// quick start and of a Reconcile plan are taken from runs in the editor.
//
// Started by scripts/test-ui.sh, which starts a new n8n with the package (no owner yet) and exports
// UI_BASE_URL, UI_EMAIL, UI_PASSWORD. Optional: UI_ONLY=<regex> on check names, UI_SHOTS_DIR
// (default docs/), UI_HEADED=1 (needs a display), CHROMIUM_BIN.
// The last line is "N passed, N failed"; the exit code is 1 when anything failed.
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { chromium, selectors } = require('playwright-core');

const { GlueClient, DescribeConnectionTypeCommand } = require('@aws-sdk/client-glue');

const { loadDescription, loadNode, visibleLabels, findProperty, optionOf, actionLabel, dependentSelectors } = require('./expected');

const ROOT = path.join(__dirname, '..', '..');
const SHOTS = process.env.UI_SHOTS_DIR ?? path.join(ROOT, 'docs');
const BASE = process.env.UI_BASE_URL;
const ONLY = process.env.UI_ONLY ? new RegExp(process.env.UI_ONLY, 'i') : undefined;

/**
 * What to check on each node: after adding it with the operation's action, each selector is set to
 * each listed value (values: 'all' = every option). Expected fields always come from the description.
 */
const PLANS = [
	{
		node: 'GlueConnection',
		operation: 'create',
		selectors: [
			{
				selector: 'Connection Type Name or ID',
				values: ['JDBC', 'KAFKA', 'MONGODB', 'NETWORK'],
				screenshots: { JDBC: 'glue-jdbc.png', KAFKA: 'glue-kafka.png', MONGODB: 'glue-mongodb.png', NETWORK: 'glue-network.png' },
			},
			// A type without a form of its own: its fields come from the emulator's DescribeConnectionType.
			{ selector: 'Connection Type Name or ID', values: ['SNOWFLAKE'], screenshots: { SNOWFLAKE: 'glue-described-type.png' }, described: true },
			{ selector: 'Authentication Type', values: 'all', screenshots: {} },
		],
	},
	{
		node: 'EventBridgeConnection',
		operation: 'create',
		selectors: [
			{
				selector: 'Authorization Type',
				values: ['BASIC', 'API_KEY', 'OAUTH_CLIENT_CREDENTIALS'],
				screenshots: { BASIC: 'eventbridge-basic.png', API_KEY: 'eventbridge-api-key.png', OAUTH_CLIENT_CREDENTIALS: 'eventbridge-oauth.png' },
			},
		],
	},
];

const LAUNCH_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

let passed = 0;
let failed = 0;
const failures = [];

/** One counted check; `always` runs it even when UI_ONLY leaves it out (a step the others need). */
async function check(name, fn, { always = false } = {}) {
	if (ONLY && !always && !ONLY.test(name)) return;
	try {
		await fn();
		passed++;
		console.log(`ok - ${name}`);
	} catch (error) {
		failed++;
		failures.push(name);
		console.log(`not ok - ${name}\n${String(error.message ?? error).replace(/^/gm, '    ')}`);
	}
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The labels of the top-level parameters the open node form shows, in order. */
function readLabels(page) {
	return page.$$eval('[data-test-id="node-parameters"] [data-test-id="parameter-item"]', (items) =>
		items
			.filter((item) => item.offsetParent !== null && !item.parentElement.closest('[data-test-id="parameter-item"]'))
			.map((item) => {
				const label = item.querySelector('[data-test-id="input-label"]');
				if (!label) return `(unlabelled: ${item.innerText.trim().slice(0, 60)})`;
				// The label's first text; the hover toolbar (Fixed / Expression) comes after it.
				const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					if (node.textContent.trim()) return node.textContent.trim();
				}
				return '(empty label)';
			}),
	);
}

/** Waits until the form shows `expected` (the editor re-renders after a change), then compares. */
async function expectLabels(page, expected, timeoutMs = 8000) {
	const deadline = Date.now() + timeoutMs;
	let actual;
	do {
		actual = await readLabels(page);
		if (JSON.stringify(actual) === JSON.stringify(expected)) return;
		await page.waitForTimeout(150);
	} while (Date.now() < deadline);
	const missing = expected.filter((l) => !actual.includes(l));
	const extra = actual.filter((l) => !expected.includes(l));
	assert.fail(
		`the form shows other parameters than the description says\n  expected: ${JSON.stringify(expected)}\n  shown:    ${JSON.stringify(actual)}` +
			`\n  missing: ${JSON.stringify(missing)}; unexpected: ${JSON.stringify(extra)}`,
	);
}

/** Picks an option, by its display name, in an options parameter of the open form. */
async function pickOption(page, parameterName, optionName) {
	const field = page.getByTestId(`parameter-input-${parameterName}`);
	const shownItems = page.locator('[data-test-id="parameter-input-item"]:visible');
	const wanted = shownItems.filter({ has: page.locator('.option-headline', { hasText: new RegExp(`^${escapeRegExp(optionName)}$`) }) });
	// A list loaded from AWS arrives after the form opens (on a busy machine the first load takes a
	// while, and its arrival redraws the selector); a click or keystrokes before that are lost. So
	// open, wait for the options, filter, and start over until the option can be clicked.
	const deadline = Date.now() + 60000;
	for (let attempt = 1; ; attempt++) {
		await field.click();
		const opened = await shownItems.first().waitFor({ timeout: 5000 }).then(() => true, () => false);
		if (opened) {
			// Typing filters long lists (Glue knows 92 connection types), so the option is in view.
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.type(optionName);
			if (await wanted.first().click({ timeout: 8000 }).then(() => true, () => false)) break;
		}
		if (Date.now() > deadline) {
			const shown = await shownItems.locator('.option-headline').allInnerTexts().catch(() => []);
			throw new Error(`${parameterName}: could not pick "${optionName}" in ${attempt} attempts; the list showed ${JSON.stringify(shown.slice(0, 10))}`);
		}
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
	}
	await shownItems.first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** A screenshot of the parameters column only, from the tabs to the last parameter. */
async function screenshotForm(page, file) {
	// No hover toolbar or focus ring in the picture.
	await page.mouse.move(1, 1);
	await page.evaluate(() => document.activeElement?.blur());
	await page.waitForTimeout(200);
	const form = await page.getByTestId('node-parameters').boundingBox();
	const tabs = await page.getByTestId('tab-params').boundingBox();
	const top = Math.max(0, (tabs?.y ?? form.y) - 12);
	const bottom = await page.$$eval('[data-test-id="node-parameters"] [data-test-id="parameter-item"]', (items) =>
		Math.max(...items.filter((i) => i.offsetParent !== null).map((i) => i.getBoundingClientRect().bottom)),
	);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	await page.screenshot({
		path: file,
		clip: { x: Math.max(0, form.x - 16), y: top, width: form.width + 32, height: Math.min(bottom + 16, page.viewportSize().height) - top },
	});
	console.log(`#   screenshot ${path.relative(ROOT, file)}`);
}

async function newWorkflow(context, name) {
	const response = await context.request.post(`${BASE}/rest/workflows`, {
		data: {
			name,
			active: false,
			settings: {},
			connections: {},
			nodes: [{ id: crypto.randomUUID(), name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		},
	});
	assert.equal(response.status(), 200, `creating a workflow: HTTP ${response.status()} ${await response.text()}`);
	return (await response.json()).data.id;
}

/**
 * The options of a selector: its own, or for a list loaded from AWS (loadOptionsMethod) what the
 * node's method returns against the emulator the editor's credential points at.
 */
async function optionsOf(description, selector, chosen) {
	if (!selector.typeOptions?.loadOptionsMethod) return selector.options;
	const node = loadNode(description.name === 'glueConnection' ? 'GlueConnection' : 'EventBridgeConnection');
	const context = {
		getCredentials: async () => ({ region: 'us-east-1', accessKeyId: 'testing', secretAccessKey: 'testing', endpoint: process.env.UI_EMULATOR_ENDPOINT }),
		getCurrentNodeParameter: (name) => chosen[name],
		getNodeParameter: (name, fallback) => chosen[name] ?? fallback,
		getNode: () => ({ name: description.displayName, typeVersion: 1, parameters: chosen }),
	};
	return await node.methods.loadOptions[selector.typeOptions.loadOptionsMethod].call(context);
}

/**
 * A described type's Connection Properties: the editor shows one field per property the user sets
 * (USER_INPUT, from a plain SDK call to the emulator), none for SECRET, READ_ONLY or UNUSED ones.
 */
async function expectDescribedFields(page, type) {
	const client = new GlueClient({ region: 'us-east-1', endpoint: process.env.UI_EMULATOR_ENDPOINT, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	const described = await client.send(new DescribeConnectionTypeCommand({ ConnectionType: type })).finally(() => client.destroy());
	const properties = Object.values(described.ConnectionProperties);
	const settable = properties.filter((p) => p.PropertyTypes.every((t) => t === 'USER_INPUT' || t === 'SECRET_OR_USER_INPUT')).map((p) => p.Name);
	const hidden = properties.map((p) => p.Name).filter((name) => !settable.includes(name));
	assert.ok(settable.length > 0 && hidden.length > 0, `${type} should have both kinds of properties`);
	const mapper = page.getByTestId('resource-mapper-container');
	// The field labels are lines of the mapper's text (the editor only cuts them short with CSS).
	const deadline = Date.now() + 15000;
	let labels = [];
	do {
		labels = (await mapper.innerText().catch(() => '')).split('\n').map((line) => line.trim()).filter((line) => /^[A-Z0-9_]+: /.test(line));
		if (settable.every((name) => labels.some((l) => l.startsWith(`${name}:`)))) break;
		await page.waitForTimeout(200);
	} while (Date.now() < deadline);
	const fieldNames = labels.map((l) => l.split(':')[0].trim());
	for (const name of settable) assert.ok(fieldNames.includes(name), `no field for ${name} in ${JSON.stringify(labels)}`);
	for (const name of hidden) assert.ok(!fieldNames.includes(name), `${name} (${properties.find((p) => p.Name === name).PropertyTypes}) should not be a field`);
	const about = labels.find((l) => l.startsWith(`${type}: `));
	assert.ok(about && /auth BASIC\/CUSTOM/.test(about) && /VPC optional/.test(about), `the summary line is missing: ${JSON.stringify(labels)}`);
}

/** Sets one selector to each of its values (and each value's own selectors to each of theirs). */
async function walkSelector(page, description, step, chosen) {
	const label = description.displayName;
	const selector = findProperty(description, step.selector, chosen);
	const options = await optionsOf(description, selector, chosen);
	const values = step.values === 'all' ? options.map((o) => o.value) : step.values;
	for (const value of values) {
		const option = optionOf({ ...selector, options }, value);
		chosen[selector.name] = value;
		let shown = false;
		await check(`${label}: ${step.selector} ${option.name} shows exactly its fields`, async () => {
			await pickOption(page, selector.name, option.name);
			await expectLabels(page, visibleLabels(description, chosen));
			shown = true;
		});
		if (shown && step.described) {
			await check(`${label}: ${step.selector} ${option.name} shows the properties DescribeConnectionType gives`, () => expectDescribedFields(page, value));
		}
		if (shown && step.screenshots[value]) await screenshotForm(page, path.join(SHOTS, step.screenshots[value]));
		for (const dependent of dependentSelectors(description, { ...selector, options }, chosen)) {
			for (const sub of dependent.options) {
				await check(`${label}: ${step.selector} ${option.name}, ${dependent.displayName} ${sub.name} shows exactly its fields`, async () => {
					await pickOption(page, dependent.name, sub.name);
					chosen[dependent.name] = sub.value;
					await expectLabels(page, visibleLabels(description, chosen));
				});
			}
			// Back to the default, so the next value starts from a clean form.
			if (chosen[dependent.name] !== undefined && chosen[dependent.name] !== dependent.default) {
				await pickOption(page, dependent.name, optionOf(dependent, dependent.default).name).catch(() => {});
			}
			delete chosen[dependent.name];
		}
	}
}

async function runPlan(context, plan) {
	let description;
	const title = plan.node;
	await check(`${title}: the built node description loads from dist/`, () => {
		description = loadDescription(plan.node);
	});
	if (!description) return;
	const label = description.displayName;
	const page = await context.newPage();
	page.setDefaultTimeout(20000);
	try {
		const workflowId = await newWorkflow(context, `UI check: ${label}`);
		// On a busy machine the first load of the editor takes a while (as the credential page below allows).
		await page.goto(`${BASE}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
		let added = false;
		await check(`${label}: found in the node panel by name and added with "${actionLabel(description, plan.operation)}"`, async () => {
			await page.getByTestId('canvas-node').first().waitFor();
			await page.getByTestId('node-creator-plus-button').click();
			await page.getByTestId('node-creator-search-bar').fill(label);
			await page.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }).first().click();
			await page
				.getByTestId('item-iterator-item')
				.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(actionLabel(description, plan.operation))}\\s*$`) })
				.first()
				.click();
			await page.getByTestId('node-parameters').waitFor();
			added = true;
		});
		if (!added) return;

		const chosen = { operation: plan.operation };
		await check(`${label}: the ${plan.operation} form shows the described parameters (defaults)`, () =>
			expectLabels(page, visibleLabels(description, chosen)),
		);
		for (const step of plan.selectors) await walkSelector(page, description, step, chosen);
	} finally {
		await page.close();
	}
}

/**
 * The credential's form (the credential scripts/test-ui.sh imported): access keys by default;
 * "Credentials of the n8n Host" hides the key fields and Assume Role, shows the Role ARN (required)
 * and says what the administrator must set; Per-Service Endpoints shows one endpoint per service.
 * Nothing is saved or tested.
 */
async function credentialForm(context) {
	const page = await context.newPage();
	page.setDefaultTimeout(20000);
	const field = (name) => page.getByTestId('editCredential-modal').getByTestId(`parameter-input-${name}`);
	try {
		let opened = false;
		await check('AWS Connections API credential: opens with Access Keys and their fields', async () => {
			await page.goto(`${BASE}/home/credentials/${process.env.UI_CREDENTIAL_ID}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
			await page.getByTestId('editCredential-modal').waitFor();
			for (const name of ['authentication', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'assumeRole', 'endpoint', 'serviceEndpoints']) {
				await field(name).waitFor({ state: 'visible', timeout: 8000 });
			}
			for (const name of ['roleArn', 'glueEndpoint', 'stsEndpoint']) await field(name).waitFor({ state: 'hidden', timeout: 8000 });
			opened = true;
		});
		if (!opened) return;
		let switched = false;
		await check('AWS Connections API credential: Credentials of the n8n Host hides the keys, asks for a Role ARN and names the administrator\'s variables', async () => {
			await pickOption(page, 'authentication', 'Credentials of the n8n Host');
			for (const name of ['accessKeyId', 'secretAccessKey', 'sessionToken', 'assumeRole']) await field(name).waitFor({ state: 'hidden', timeout: 8000 });
			for (const name of ['roleArn', 'externalId', 'roleSessionName']) await field(name).waitFor({ state: 'visible', timeout: 8000 });
			const modal = page.getByTestId('editCredential-modal');
			// n8n marks a required field with an asterisk next to its label (Role ARN here, not External ID).
			const text = await modal.innerText();
			assert.match(text, /Role ARN\s*\*/);
			assert.doesNotMatch(text, /External ID\s*\*/);
			await modal.getByText(/N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true, on the main process/).waitFor();
			await modal.getByText(/N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES is honoured/).waitFor();
			switched = true;
		});
		if (switched) {
			// The whole host form in the picture: a tall viewport, and the modal's scrolling areas let out
			// to their full height (styles only; nothing in the form changes).
			await page.setViewportSize({ width: page.viewportSize()?.width ?? 1280, height: 1600 });
			await page.$eval('[data-test-id="editCredential-modal"] [data-test-id="credential-connection-parameter"]', (first) => {
				for (let node = first.parentElement; node && node !== document.body; node = node.parentElement) {
					Object.assign(node.style, { maxHeight: 'none', height: 'auto', overflow: 'visible' });
				}
			});
			await page.mouse.move(1, 1);
			await page.waitForTimeout(200);
			// The fields only: n8n tests a saved credential when it opens and shows the result above them.
			const boxes = await page.$$eval('[data-test-id="editCredential-modal"] [data-test-id="credential-connection-parameter"]', (items) =>
				items.filter((i) => i.offsetParent !== null).map((i) => i.getBoundingClientRect().toJSON()),
			);
			const top = Math.min(...boxes.map((b) => b.top)) - 16;
			const left = Math.min(...boxes.map((b) => b.left)) - 16;
			const file = path.join(SHOTS, 'credential-host.png');
			await page.screenshot({
				path: file,
				clip: { x: left, y: top, width: Math.max(...boxes.map((b) => b.right)) + 16 - left, height: Math.max(...boxes.map((b) => b.bottom)) + 16 - top },
			});
			console.log(`#   screenshot ${path.relative(ROOT, file)}`);
		}
		await check('AWS Connections API credential: Per-Service Endpoints shows the Glue, EventBridge, STS and Secrets Manager endpoints', async () => {
			await field('serviceEndpoints').locator('.el-switch, [role="switch"]').first().click();
			for (const name of ['glueEndpoint', 'eventBridgeEndpoint', 'stsEndpoint', 'secretsManagerEndpoint']) {
				await field(name).waitFor({ state: 'visible', timeout: 8000 });
			}
			await field('endpoint').waitFor({ state: 'visible' });
		});
	} finally {
		await page.close();
	}
}

/**
 * Every example workflow (scripts/test-ui.sh imported them, with their credentials): it opens in the
 * editor with its sticky note, and no node shows an issue or a warning. Then the pictures the docs
 * show: the README quick start's canvas and, after running it from the editor against the emulator,
 * its node's output; the approval example's Reconcile plan, run as one step from its node.
 */
async function exampleWorkflows(context) {
	const list = process.env.UI_EXAMPLES_LIST;
	if (!list) return;
	const examples = fs
		.readFileSync(list, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [id, file] = line.split(' ');
			return { id, file };
		});
	const page = await context.newPage();
	page.setDefaultTimeout(20000);
	const open = async (id) => {
		await page.goto(`${BASE}/workflow/${id}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
		await page.getByTestId('canvas-node').first().waitFor();
	};
	const node = (name) => page.getByTestId('canvas-node').filter({ hasText: name }).first();
	const shoot = async (locator, file) => {
		await page.mouse.move(1, 1);
		await page.waitForTimeout(300);
		await locator.screenshot({ path: path.join(SHOTS, file) });
		console.log(`#   screenshot ${path.relative(ROOT, path.join(SHOTS, file))}`);
	};
	try {
		for (const { id, file } of examples) {
			await check(`example ${file}: opens in the editor with its sticky note and no node issues or warnings`, async () => {
				await open(id);
				await page.getByTestId('sticky').first().waitFor();
				// n8n computes the nodes' issues (missing credentials, required fields) after the canvas shows.
				await page.waitForTimeout(1500);
				const flagged = await page
					.getByTestId('canvas-node')
					.filter({ has: page.locator('[data-test-id="node-issues"], [data-test-id="canvas-node-status-warning"]') })
					.allInnerTexts();
				assert.deepEqual(flagged.map((text) => text.split('\n')[0]), [], 'nodes with issues or warnings');
			});
		}
		const byFile = Object.fromEntries(examples.map((e) => [e.file, e.id]));
		const quickStart = byFile['quick-start-jdbc-from-a-list.json'];
		if (quickStart) {
			await page.setViewportSize({ width: 1280, height: 720 });
			await check('README quick start: the canvas, then a run from the editor creates both connections (the output pictured)', async () => {
				await open(quickStart);
				await shoot(page.getByTestId('canvas-wrapper'), 'quick-start-canvas.png');
				await page.getByTestId('execute-workflow-button').first().click();
				await node('Keep Each Connection').getByTestId('canvas-node-status-success').waitFor({ timeout: 60000 });
				await node('Keep Each Connection').dblclick();
				const output = page.getByTestId('output-panel');
				await output.getByText('created').first().waitFor();
				await shoot(page.getByTestId('ndv'), 'quick-start-output.png');
			});
		}
		const approval = byFile['glue-keep-equal-with-approval.json'];
		if (approval) {
			await page.setViewportSize({ width: 1280, height: 720 });
			await check('approval example: the Plan step run from its node shows one plan item per connection (pictured)', async () => {
				await open(approval);
				await node('Plan').dblclick();
				await page.getByTestId('node-execute-button').first().click();
				const output = page.getByTestId('output-panel');
				await output.getByText('planFingerprint').first().waitFor({ timeout: 60000 });
				await shoot(page.getByTestId('ndv'), 'reconcile-plan.png');
			});
		}
	} finally {
		await page.close();
	}
}

/**
 * The first visit to a new n8n: its "Set up owner account" form, filled as a person would. The
 * browser context keeps the session cookie, so later page visits and REST calls are signed in.
 */
async function setUpOwner(context) {
	const page = await context.newPage();
	try {
		await page.goto(BASE);
		// Right after start-up n8n serves a "starting up" page for a moment: reload until the form is there.
		const email = page.getByLabel('Email');
		const formShown = () => email.waitFor({ timeout: 5000 }).then(() => true, () => false);
		for (let attempt = 0; attempt < 12 && !(await formShown()); attempt++) await page.reload();
		assert.match(new URL(page.url()).pathname, /\/setup$/, `a new n8n should open its owner set-up, not ${page.url()}`);
		await email.fill(process.env.UI_EMAIL);
		await page.getByLabel('First Name').fill('UI');
		await page.getByLabel('Last Name').fill('Tester');
		await page.getByLabel('Password').fill(process.env.UI_PASSWORD);
		const [setup] = await Promise.all([
			page.waitForResponse((response) => response.url().includes('/rest/owner/setup')),
			page.getByRole('button', { name: 'Next' }).click(),
		]);
		assert.equal(setup.status(), 200, `the owner set-up was refused: ${await setup.text()}`);
		await page.waitForURL((url) => !url.pathname.endsWith('/setup'), { timeout: 20000 });
		assert.doesNotMatch(new URL(page.url()).pathname, /signin/, 'sent to the sign-in page after the set-up');
		// The browser's session is bound to the editor's browser ID header; the REST calls of this
		// test sign in on their own with the account just created.
		const login = await context.request.post(`${BASE}/rest/login`, {
			data: { emailOrLdapLoginId: process.env.UI_EMAIL, password: process.env.UI_PASSWORD },
		});
		assert.equal(login.status(), 200, `the new owner cannot sign in: ${await login.text()}`);
	} finally {
		await page.close();
	}
}

async function main() {
	assert.ok(BASE, 'UI_BASE_URL is not set: run `npm run test:ui`');
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
		headless: !process.env.UI_HEADED,
		args: LAUNCH_ARGS,
	});
	const blocked = new Set();
	try {
		// Tall enough that a whole form fits on screen (for the screenshots).
		const context = await browser.newContext({ viewport: { width: 1440, height: 1800 } });
		// Loopback only: anything else the editor asks for is refused (and listed below).
		await context.route('**/*', (route) => {
			const url = new URL(route.request().url());
			if (['127.0.0.1', 'localhost'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol)) return route.continue();
			blocked.add(url.origin);
			return route.abort();
		});
		let signedIn = false;
		await check('a newcomer sets up the owner account in the browser and lands in the editor', async () => {
			await setUpOwner(context);
			signedIn = true;
		}, { always: true });
		// Without an owner nothing else can be checked (the summary below still counts the failure).
		if (signedIn) {
			for (const plan of PLANS) await runPlan(context, plan);
			await credentialForm(context);
			await exampleWorkflows(context);
		}
	} finally {
		await browser.close();
	}
	if (blocked.size) console.log(`# requests refused (not loopback): ${[...blocked].join(', ')}`);
	if (failures.length) console.log(`# failed:\n${failures.map((f) => `#   ${f}`).join('\n')}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed || !passed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log(`${passed} passed, ${failed + 1} failed`);
	process.exitCode = 1;
});
