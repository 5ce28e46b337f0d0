// The agents suite's workflows: the example "Chat: provision a connection" as shipped (its OpenAI
// credential pointed at the scripted model), and an MCP Server Trigger workflow exposing the same
// tools plus a few more (an EventBridge Delete the author allowed, a Glue NETWORK create).
//
// CLI: node test/agents/workflows.js --aws-id ID --aws-name NAME --openai-id ID --openai-name NAME --out DIR
// Writes DIR/agent.json and DIR/mcp.json and prints "<id> <file>" per workflow.
const fs = require('node:fs');
const path = require('node:path');
const { prepareWorkflow } = require('../../scripts/n8n-workflows');

const EXAMPLE = path.join(__dirname, '../../examples/chat-provision-a-connection.json');
const MCP_PATH = 'aws-connections-e2e';
const GLUE_TOOL = 'n8n-nodes-aws-connections.glueConnectionTool';
const EVENTBRIDGE_TOOL = 'n8n-nodes-aws-connections.eventBridgeConnectionTool';

/** A key typed into a Tool node by its author: tool mode refuses it (secrets only by reference). */
const TYPED_API_KEY = 'agents-typed-api-key-7c1e9d';

const fromAI = (key, description) => `={{ $fromAI('${key}', \`${description}\`, 'string') }}`;
const byName = (key, description) => ({ __rl: true, mode: 'name', value: fromAI(key, description) });

function example() {
	return JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
}

/** The example's chat trigger webhook id (POST /webhook/<id>/chat). */
function chatWebhookId() {
	return example().nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger').webhookId;
}

/** The MCP workflow: the example's tools under an MCP Server Trigger, and three more. */
function mcpWorkflow() {
	const source = example();
	const aws = source.nodes.find((node) => node.type === GLUE_TOOL).credentials;
	const tools = source.nodes.filter((node) => [GLUE_TOOL, EVENTBRIDGE_TOOL].includes(node.type));
	const more = [
		{
			name: 'Create Glue Network Connection',
			type: GLUE_TOOL,
			parameters: {
				operation: 'create',
				name: fromAI('connection_name', 'The connection name, e.g. vpc-orders'),
				connectionType: 'NETWORK',
				physicalConnectionRequirements: { subnetId: 'subnet-0a1b2c3d', securityGroupIds: 'sg-0a1b2c3d', availabilityZone: 'us-east-1a' },
			},
		},
		{
			name: 'Create EventBridge Connection With Typed Key',
			type: EVENTBRIDGE_TOOL,
			parameters: {
				operation: 'create',
				name: fromAI('connection_name', 'The connection name, e.g. partner-typed'),
				authorizationType: 'API_KEY',
				keyHeaderName: 'x-api-key',
				apiKeyValue: TYPED_API_KEY,
			},
		},
		{
			name: 'Get EventBridge Connection',
			type: EVENTBRIDGE_TOOL,
			parameters: { operation: 'get', connection: byName('connection_name', 'The exact name of the EventBridge connection') },
		},
		{
			name: 'Delete EventBridge Connection',
			type: EVENTBRIDGE_TOOL,
			parameters: { operation: 'delete', connection: byName('connection_name', 'The exact name of the EventBridge connection'), allowInToolMode: true },
		},
	].map((node, index) => ({ ...node, id: `mcp-tool-${index}`, typeVersion: 1.1, position: [200 * index, 300], credentials: aws }));
	const trigger = {
		id: 'mcp-trigger',
		name: 'MCP Server Trigger',
		type: '@n8n/n8n-nodes-langchain.mcpTrigger',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId: '7d3e1f00-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
		parameters: { path: MCP_PATH },
	};
	const nodes = [trigger, ...tools, ...more];
	const connections = Object.fromEntries(
		[...tools, ...more].map((node) => [node.name, { ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]] }]),
	);
	return { name: 'MCP: AWS connection tools (agents suite)', nodes, connections, settings: { executionOrder: 'v1' } };
}

function main(argv) {
	const option = (name) => argv[argv.indexOf(name) + 1];
	const out = option('--out');
	const credential = { id: option('--aws-id'), name: option('--aws-name') };
	const openAi = { id: option('--openai-id'), name: option('--openai-name') };
	fs.mkdirSync(out, { recursive: true });
	const agent = prepareWorkflow(example(), { credential, fileName: 'chat-provision-a-connection.json' });
	for (const node of agent.nodes) if (node.credentials?.openAiApi) node.credentials.openAiApi = openAi;
	const mcp = prepareWorkflow(mcpWorkflow(), { credential, fileName: 'agents-mcp-tools.json' });
	for (const [file, workflow] of [['agent.json', agent], ['mcp.json', mcp]]) {
		fs.writeFileSync(path.join(out, file), JSON.stringify(workflow, null, 2));
		console.log(`${workflow.id} ${file}`);
	}
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { chatWebhookId, mcpWorkflow, MCP_PATH, TYPED_API_KEY };
