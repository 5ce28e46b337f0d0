// Reconcile as an AI tool (the node's …Tool variant in n8n-core's engine, the SDK mocked): a plan
// runs; Apply and Remove Extras are refused before any AWS call unless the author allowed them; a
// JSON Definition may not carry a literal secret.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const eventbridge = require('@aws-sdk/client-eventbridge');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const glueMock = mockClient(glue.GlueClient);
const ebMock = mockClient(eventbridge.EventBridgeClient);
beforeEach(() => {
	glueMock.reset();
	ebMock.reset();
	glueMock.on(glue.GetConnectionsCommand).resolves({ ConnectionList: [{ Name: 'app-old', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://h:5432/d' } }] });
	ebMock.on(eventbridge.ListConnectionsCommand).resolves({ Connections: [] });
});

const definition = { Name: 'app-new', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://h:5432/d', SECRET_ID: 'prod/db' } };
const reconcile = (extra) => ({ operation: 'reconcile', scopePrefix: 'app-', definitionFrom: 'json', definitionJson: '={{ $json.definition }}', ...extra });
const glueTool = (parameters, inputItems = [{ definition }]) => runNode({ node: new GlueConnection(), parameters, inputItems, asTool: true });

test('a plan runs as a tool', async () => {
	const { output, error } = await glueTool(reconcile({}));
	expect(error).toBeUndefined();
	expect(output.map((item) => [item.json.name, item.json.action])).toEqual([
		['app-new', 'create'],
		['app-old', 'keep'],
	]);
	expect(glueMock.commandCalls(glue.CreateConnectionCommand)).toHaveLength(0);
});

test.each([
	['Apply', { mode: 'apply' }, /Reconcile with Mode Apply is not allowed for AI tools/],
	['Remove Extras (even in a plan)', { removeExtras: true }, /Reconcile with Remove Extras is not allowed for AI tools/],
])('%s is refused before any AWS call unless the author allows it', async (_, extra, message) => {
	const refused = await glueTool(reconcile(extra));
	expect(refused.error?.message).toMatch(message);
	expect(glueMock.calls()).toHaveLength(0);
	glueMock.on(glue.CreateConnectionCommand).resolves({});
	glueMock.on(glue.DeleteConnectionCommand).resolves({});
	const allowed = await glueTool(reconcile({ ...extra, allowInToolMode: true }));
	expect(allowed.error).toBeUndefined();
	expect(glueMock.commandCalls(glue.GetConnectionsCommand).length).toBeGreaterThan(0);
});

test('a literal secret in a JSON Definition is refused in tool mode, naming its path; a reference is not', async () => {
	const literal = { Name: 'app-x', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: 'tool-literal-key-1' } } };
	const refused = await runNode({ node: new EventBridgeConnection(), parameters: reconcile({}), inputItems: [{ definition: literal }], asTool: true });
	expect(refused.error?.message).toMatch(/AuthParameters\.ApiKeyAuthParameters\.ApiKeyValue/);
	expect(refused.error?.message).not.toContain('tool-literal-key-1');
	expect(ebMock.calls()).toHaveLength(0);
	const referenced = { ...literal, AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: { $secret: { secretsManager: 'keys/app-x' } } } } };
	const planned = await runNode({ node: new EventBridgeConnection(), parameters: reconcile({}), inputItems: [{ definition: referenced }], asTool: true });
	expect(planned.error).toBeUndefined();
	expect(planned.output.map((item) => item.json.action)).toEqual(['create']);
});
