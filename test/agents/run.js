// The agents suite (scripts/test-agents.sh starts n8n, moto and imports the workflows):
//  1. an AI Agent with the OpenAI Chat Model pointed at a scripted model (modelServer.js) runs the
//     example "Chat: provision a connection" through its chat webhook: a validation error the model
//     corrects, a SNOWFLAKE connection from $fromAI values in the described-type mapper, an
//     EventBridge API-key connection whose key comes from Secrets Manager, a get, two lists and a
//     refused Delete;
//  2. the official MCP client (@modelcontextprotocol/sdk) lists and calls the tools of an MCP
//     Server Trigger workflow.
// Checked: the emulator holds exactly the intended connections, no secret reaches the model or an
// MCP result, the agent's answer reaches the chat, bad input is a tool error, not a dropped session.
//
// Environment: AGENTS_BASE_URL (n8n), AGENTS_MODEL_PORT (where the scripted model listens, as its
// credential says), E2E_MOTO_ENDPOINT, AGENTS_SECRETS (newline-separated secrets that must never be
// seen), AGENTS_REPORT (file for what the model and the MCP client saw). Last line: "N passed, N failed".
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { awsClients } = require('../e2e/lib/aws');
const { publishWorkflows } = require('../support/n8nRest');
const { takeChatPicture } = require('./chatPicture');
const { startModelServer } = require('./modelServer');
const { chatWebhookId, MCP_PATH, TYPED_API_KEY } = require('./workflows');

const BASE = process.env.AGENTS_BASE_URL;
const SECRETS = [...(process.env.AGENTS_SECRETS ?? '').split('\n').filter(Boolean), TYPED_API_KEY];
if (SECRETS.length === 0) throw new Error('AGENTS_SECRETS is empty: nothing to check for');

const API_KEY_SECRET = 'agents/partner-crm-key';
const SNOWFLAKE = { connection_name: 'analytics-snowflake', snowflake_host: 'xy12345.us-east-1.snowflakecomputing.com', snowflake_warehouse: 'ETL_WH', snowflake_database: 'ANALYTICS' };

/** What the scripted model does, one step per tool result it has seen. */
const CHAT_MESSAGE = 'Create a Snowflake connection analytics-snowflake for our ETL warehouse and an EventBridge connection partner-crm with the API key in Secrets Manager, then show me what exists and remove the Snowflake one again.';

const SCRIPT = [
	// A name with a line break: refused before AWS with a message the model can act on…
	{ tool: 'Create_Snowflake_Connection', args: { ...SNOWFLAKE, connection_name: 'analytics-snowflake\nprod' } },
	// …so it tries again with the corrected name.
	{ tool: 'Create_Snowflake_Connection', args: SNOWFLAKE },
	{ tool: 'Create_EventBridge_API_Key_Connection', args: { connection_name: 'partner-crm', api_key_secret: API_KEY_SECRET } },
	{ tool: 'Get_Glue_Connection', args: { connection_name: 'analytics-snowflake' } },
	{ tool: 'List_Glue_Connections', args: {} },
	{ tool: 'List_EventBridge_Connections', args: {} },
	{ tool: 'Delete_Glue_Connection', args: { connection_name: 'analytics-snowflake' } },
	{ text: 'Done: analytics-snowflake (SNOWFLAKE) and partner-crm (API_KEY) exist. Deleting is not allowed for me here; a person has to do it.' },
];

const results = [];
async function check(title, fn) {
	try {
		await fn();
		results.push({ title, ok: true });
		console.log(`ok   ${title}`);
	} catch (error) {
		results.push({ title, ok: false, error: error.message });
		console.log(`FAIL ${title}\n     ${String(error.message).split('\n').join('\n     ')}`);
	}
}

const leaked = (text) => SECRETS.filter((secret) => text.includes(secret));

/** The tool results (function_call_output) the model was sent, in order, by the tool called. */
function toolResults(requests) {
	const last = requests.filter((request) => request.url.startsWith('/v1/responses')).at(-1);
	const input = last?.body.input ?? [];
	const calls = new Map(input.filter((item) => item.type === 'function_call').map((item) => [item.call_id, item]));
	return input.filter((item) => item.type === 'function_call_output').map((item) => ({ tool: calls.get(item.call_id)?.name, args: calls.get(item.call_id)?.arguments, output: String(item.output) }));
}

async function agentStage(aws, report) {
	const model = await startModelServer(SCRIPT, Number(process.env.AGENTS_MODEL_PORT));
	let answer;
	try {
		const send = async () =>
			await fetch(`${BASE}/webhook/${chatWebhookId()}/chat`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ action: 'sendMessage', sessionId: 'agents-suite', chatInput: CHAT_MESSAGE }),
			});
		// Once seen: right after publishing, n8n answered 404 ("not registered for POST") while it
		// was still registering the trigger's webhooks. A 404 ran nothing, so asking again is safe.
		let response = await send();
		for (let attempt = 1; response.status === 404 && attempt <= 20; attempt++) {
			await response.text();
			await new Promise((resolve) => setTimeout(resolve, 1000));
			response = await send();
		}
		answer = { status: response.status, text: await response.text() };
	} finally {
		await model.close();
	}
	const requests = model.requests;
	const results = toolResults(requests);
	const first = requests.find((request) => request.url.startsWith('/v1/responses'));
	report.agent = {
		chat: answer,
		requests: requests.map((request) => `${request.method} ${request.url}`),
		tools: (first?.body.tools ?? []).map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.parameters })),
		toolResults: results,
		// One exchange as it went over the wire: the model's second request (after the refused name) and its answer.
		exchange: requests[1] && { input: requests[1].body.input, tools: (requests[1].body.tools ?? []).map((tool) => tool.name), output: requests[1].response?.output },
	};

	await check('agent: the chat gets the agent\'s final answer', () => {
		assert.equal(answer.status, 200, answer.text);
		assert.equal(JSON.parse(answer.text).output, SCRIPT.at(-1).text);
	});
	await check('agent: the model was asked through the Responses API only, once per step', () => {
		const urls = [...new Set(requests.map((request) => `${request.method} ${request.url}`))];
		assert.deepEqual(urls, ['POST /v1/responses']);
		assert.equal(requests.length, SCRIPT.length);
	});
	await check('agent: the model is offered our 6 tools with their own descriptions and $fromAI inputs', () => {
		const tools = Object.fromEntries(report.agent.tools.map((tool) => [tool.name, tool]));
		assert.deepEqual(Object.keys(tools).sort(), ['Create_EventBridge_API_Key_Connection', 'Create_Snowflake_Connection', 'Delete_Glue_Connection', 'Get_Glue_Connection', 'List_EventBridge_Connections', 'List_Glue_Connections']);
		assert.match(tools.Create_Snowflake_Connection.description, /^Create a new AWS Glue Data Catalog connection\. Needs a name not yet used/);
		assert.deepEqual(Object.keys(tools.Create_Snowflake_Connection.parameters.properties).sort(), ['connection_name', 'snowflake_database', 'snowflake_host', 'snowflake_warehouse']);
		assert.deepEqual(Object.keys(tools.Create_EventBridge_API_Key_Connection.parameters.properties).sort(), ['api_key_secret', 'connection_name']);
	});
	await check('agent: the bad name came back as one short message naming the input and a valid value; nothing was created with it', async () => {
		const [bad] = results;
		assert.equal(bad.tool, 'Create_Snowflake_Connection');
		assert.match(bad.output, /Input \\?"connection_name\\?" \(field Name\): must be a single line/);
		assert.match(bad.output, /A valid value looks like: /);
		assert.doesNotMatch(bad.output, /item \d/);
		assert.equal(await aws.glueConnection('analytics-snowflake\nprod'), undefined);
	});
	await check('agent: the corrected create made the SNOWFLAKE connection from the mapper\'s $fromAI values', async () => {
		assert.match(results[1].output, /"action":"created"/);
		const connection = await aws.glueConnection('analytics-snowflake');
		assert.ok(connection, 'analytics-snowflake is missing');
		assert.equal(connection.ConnectionType, 'SNOWFLAKE');
		assert.deepEqual(
			{ HOST: connection.ConnectionProperties.HOST, WAREHOUSE: connection.ConnectionProperties.WAREHOUSE, DATABASE: connection.ConnectionProperties.DATABASE },
			{ HOST: SNOWFLAKE.snowflake_host, WAREHOUSE: SNOWFLAKE.snowflake_warehouse, DATABASE: SNOWFLAKE.snowflake_database },
		);
	});
	await check('agent: the EventBridge API-key connection took its key from Secrets Manager', async () => {
		assert.match(results[2].output, /"action":"created"/);
		const connection = await aws.eventBridgeConnection('partner-crm');
		assert.ok(connection, 'partner-crm is missing');
		assert.equal(connection.AuthorizationType, 'API_KEY');
		assert.equal(connection.AuthParameters.ApiKeyAuthParameters.ApiKeyName, 'x-api-key');
	});
	await check('agent: get and lists answer compactly (name, type, state; bounded lists)', () => {
		const got = JSON.parse(results[3].output)[0];
		assert.equal(got.name, 'analytics-snowflake');
		assert.equal(got.type, 'SNOWFLAKE');
		assert.deepEqual(Object.keys(got).filter((key) => !['name', 'type', 'state', 'stateReason', 'definition'].includes(key)), []);
		// The connection's one view: its request shape, every non-secret setting, no AWS bookkeeping.
		assert.equal(got.definition.Description, 'Created from the chat');
		const properties = got.definition.ConnectionProperties;
		assert.deepEqual([properties.HOST, properties.WAREHOUSE, properties.DATABASE], [SNOWFLAKE.snowflake_host, SNOWFLAKE.snowflake_warehouse, SNOWFLAKE.snowflake_database]);
		assert.equal(got.definition.CreationTime, undefined);
		const glue = JSON.parse(results[4].output)[0];
		assert.deepEqual(glue.connections.map((c) => [c.name, c.type]), [['analytics-snowflake', 'SNOWFLAKE']]);
		assert.equal(glue.more, false);
		const events = JSON.parse(results[5].output)[0];
		assert.deepEqual(events.connections.map((c) => [c.name, c.type]), [['partner-crm', 'API_KEY']]);
	});
	await check('agent: Delete was refused (the author did not allow it) and the connection is still there', async () => {
		assert.equal(results[6].tool, 'Delete_Glue_Connection');
		assert.match(results[6].output, /not allowed for AI tools/);
		assert.ok(await aws.glueConnection('analytics-snowflake'));
	});
	await check('agent: no secret in any request the model server received', () => {
		assert.ok(requests.length > 0);
		for (const request of requests) assert.deepEqual(leaked(request.raw + JSON.stringify(request.headers)), [], `${request.method} ${request.url}`);
	});
}

async function mcpStage(aws, report) {
	const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
	const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
	const client = new Client({ name: 'agents-suite', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(`${BASE}/mcp/${MCP_PATH}`)));
	const seen = [];
	const call = async (name, args) => {
		const result = await client.callTool({ name, arguments: args });
		seen.push({ name, args, result });
		return { ...result, text: result.content.map((part) => part.text ?? '').join('') };
	};
	try {
		const { tools } = await client.listTools();
		report.mcp = { tools: tools.map((tool) => ({ name: tool.name, description: tool.description, inputs: Object.keys(tool.inputSchema?.properties ?? {}), schemaBytes: JSON.stringify(tool.inputSchema).length })) };
		await check('mcp: tools/list shows our tools with their descriptions and input schemas', () => {
			const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
			for (const name of ['Create_Snowflake_Connection', 'Get_Glue_Connection', 'Delete_Glue_Connection', 'Create_EventBridge_API_Key_Connection', 'Create_Glue_Network_Connection', 'Get_EventBridge_Connection', 'Delete_EventBridge_Connection']) {
				assert.ok(byName[name], `${name} is missing`);
				assert.equal(byName[name].inputSchema.type, 'object');
			}
			assert.deepEqual(Object.keys(byName.Create_Glue_Network_Connection.inputSchema.properties), ['connection_name']);
			assert.match(byName.Delete_Glue_Connection.description, /Works only if the workflow author allowed deletes/);
		});
		await check('mcp: tools/call creates a Glue NETWORK connection and reads it back', async () => {
			const created = await call('Create_Glue_Network_Connection', { connection_name: 'mcp-network' });
			assert.ok(!created.isError, created.text);
			const read = await call('Get_Glue_Connection', { connection_name: 'mcp-network' });
			assert.ok(!read.isError, read.text);
			const got = JSON.parse(read.text)[0];
			assert.deepEqual([got.name, got.type], ['mcp-network', 'NETWORK']);
			// Where the connection lives: its subnet, security groups and Availability Zone.
			assert.deepEqual(got.definition.PhysicalConnectionRequirements, { SubnetId: 'subnet-0a1b2c3d', SecurityGroupIdList: ['sg-0a1b2c3d'], AvailabilityZone: 'us-east-1a' });
			assert.equal((await aws.glueConnection('mcp-network'))?.ConnectionType, 'NETWORK');
		});
		await check('mcp: tools/call creates an EventBridge API-key connection (key from Secrets Manager) and, allowed by the author, deletes it', async () => {
			const created = await call('Create_EventBridge_API_Key_Connection', { connection_name: 'mcp-partner', api_key_secret: API_KEY_SECRET });
			assert.ok(!created.isError, created.text);
			assert.ok(await aws.eventBridgeConnection('mcp-partner'));
			const read = await call('Get_EventBridge_Connection', { connection_name: 'mcp-partner' });
			assert.equal(JSON.parse(read.text)[0].type, 'API_KEY');
			const deleted = await call('Delete_EventBridge_Connection', { connection_name: 'mcp-partner' });
			assert.ok(!deleted.isError, deleted.text);
			assert.deepEqual(JSON.parse(deleted.text)[0], { name: 'mcp-partner', deleted: true });
			assert.equal(await aws.eventBridgeConnection('mcp-partner'), undefined);
		});
		await check('mcp: a Glue Delete the author did not allow is a tool error, and nothing is deleted', async () => {
			const refused = await call('Delete_Glue_Connection', { connection_name: 'mcp-network' });
			assert.equal(refused.isError, true);
			assert.match(refused.text, /not allowed for AI tools/);
			assert.ok(await aws.glueConnection('mcp-network'));
		});
		await check('mcp: a key the author typed into the Tool node is refused (secrets only by reference); nothing is created', async () => {
			const typed = await call('Create_EventBridge_Connection_With_Typed_Key', { connection_name: 'partner-typed' });
			assert.equal(typed.isError, true);
			assert.match(typed.text, /Secrets cannot be typed in an AI tool/);
			assert.equal(await aws.eventBridgeConnection('partner-typed'), undefined);
		});
		await check('mcp: bad input comes back as a tool error naming the input; the session goes on', async () => {
			const bad = await call('Get_Glue_Connection', { connection_name: 'bad\nname' });
			assert.equal(bad.isError, true);
			assert.match(bad.text, /Input "connection_name" \(field Connection\): must be a single line/);
			const missing = await call('Get_Glue_Connection', { connection_name: 'no-such-connection' });
			assert.equal(missing.isError, true);
			assert.match(missing.text, /EntityNotFoundException/);
			const again = await client.listTools();
			assert.ok(again.tools.length >= 7);
		});
		await check('mcp: no secret in any result', () => {
			assert.ok(seen.length > 0);
			assert.deepEqual(leaked(JSON.stringify(seen)), []);
		});
		report.mcp.calls = seen.map(({ name, args, result }) => ({ name, args, isError: result.isError ?? false, text: result.content.map((part) => part.text ?? '').join('') }));
	} finally {
		await client.close();
	}
}

async function main() {
	const aws = awsClients(process.env.E2E_MOTO_ENDPOINT);
	const report = {};
	await aws.createSecret(API_KEY_SECRET, JSON.stringify({ apiKey: SECRETS[0] }));
	const owner = { email: 'agents-owner@example.com', password: 'Agents-owner-1', firstName: 'Agents', lastName: 'Owner' };
	await publishWorkflows(BASE, (process.env.AGENTS_WORKFLOW_IDS ?? '').split(' ').filter(Boolean), owner);
	await agentStage(aws, report);
	await mcpStage(aws, report);
	await check('the emulator holds exactly the intended connections', async () => {
		assert.deepEqual((await aws.glueConnections()).map((connection) => connection.Name).sort(), ['analytics-snowflake', 'mcp-network']);
		assert.deepEqual((await aws.eventBridgeConnections()).map((connection) => connection.Name).sort(), ['partner-crm']);
	});
	// The docs' picture of an agent chat: the same example and scripted model, in the editor's chat
	// (after the emulator check: this run writes again). The agent workflow is the first one listed.
	await check('agent: the editor\'s chat shows the agent\'s final answer, and no secret (pictured: docs/agent-chat.png)', async () => {
		const text = await takeChatPicture({
			base: BASE,
			workflowId: (process.env.AGENTS_WORKFLOW_IDS ?? '').split(' ')[0],
			owner,
			script: SCRIPT,
			modelPort: Number(process.env.AGENTS_MODEL_PORT),
			message: CHAT_MESSAGE,
			finalText: SCRIPT.at(-1).text,
			file: path.join(__dirname, '..', '..', 'docs', 'agent-chat.png'),
		});
		assert.ok(text.includes(SCRIPT.at(-1).text.slice(0, 40)));
		assert.deepEqual(leaked(text), []);
	});
	if (process.env.AGENTS_REPORT) fs.writeFileSync(process.env.AGENTS_REPORT, JSON.stringify(report, null, 2));
	const failed = results.filter((result) => !result.ok).length;
	console.log(`${results.length - failed} passed, ${failed} failed`);
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		console.log('0 passed, 1 failed');
		process.exit(1);
	},
);
