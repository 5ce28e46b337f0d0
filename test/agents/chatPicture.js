// The picture of an agent chat in the docs (docs/agent-chat.png): the chat example opened in the
// editor (Debian chromium, playwright-core), a message typed into the editor's chat, the scripted
// model's tool calls run against the emulator, the conversation photographed once the agent's final
// answer shows. Run at the end of the agents suite (test/agents/run.js), with the suite's scripted
// model standing in for OpenAI; loopback only.
const path = require('node:path');
const { chromium, selectors } = require('playwright-core');
const { startModelServer } = require('./modelServer');

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Signs in as the owner, opens the workflow, sends `message` in the editor's chat and saves a
 * picture of the chat panel to `file` once `finalText` shows. Resolves with the panel's text.
 */
async function takeChatPicture({ base, workflowId, owner, script, modelPort, message, finalText, file }) {
	selectors.setTestIdAttribute('data-test-id');
	const model = await startModelServer(script, modelPort);
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.route('**/*', (route) => {
			const { hostname, protocol } = new URL(route.request().url());
			return ['127.0.0.1', 'localhost'].includes(hostname) || ['data:', 'blob:'].includes(protocol) ? route.continue() : route.abort();
		});
		const page = await context.newPage();
		page.setDefaultTimeout(30000);
		await page.goto(`${base}/signin`, { waitUntil: 'domcontentloaded' });
		await page.getByLabel('Email').fill(owner.email);
		await page.getByLabel('Password').fill(owner.password);
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL((url) => !url.pathname.endsWith('/signin'));
		await page.goto(`${base}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		await page.getByTestId('canvas-node').first().waitFor();
		await page.getByTestId('workflow-chat-button').first().click();
		const input = page.getByTestId('chat-input').first();
		await input.fill(message);
		await input.press('Enter');
		await page.getByText(finalText.slice(0, 40)).first().waitFor({ timeout: 120000 });
		await page.mouse.move(1, 1);
		await page.waitForTimeout(500);
		// The whole editor: the canvas with the tools the agent called, and the chat and logs below it.
		await page.screenshot({ path: file });
		console.log(`#   screenshot ${path.relative(path.join(__dirname, '..', '..'), file)}`);
		return await page.getByTestId('canvas-chat').first().innerText();
	} finally {
		await browser.close();
		await model.close();
	}
}

module.exports = { takeChatPicture };
