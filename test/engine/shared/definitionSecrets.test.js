// A secret typed as a literal into a JSON Definition (contract 2) is a secret like a typed field: in
// n8n-core's real engine (SDK mocked), an apply whose write fails with an AWS error that echoes the
// value leaves it out of the message, and the copy of the node the error carries (which n8n stores
// with the execution) holds the definition with the secret masked.
const { mockClient } = require('aws-sdk-client-mock');
const eb = require('@aws-sdk/client-eventbridge');
const glue = require('@aws-sdk/client-glue');
const { runNode } = require('../../support/engine');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const ebMock = mockClient(eb.EventBridgeClient);
const glueMock = mockClient(glue.GlueClient);
const echo = (value) =>
	Object.assign(new Error(`1 validation error detected: Value '${value}' failed to satisfy constraint`), { name: 'ValidationException', $metadata: { httpStatusCode: 400, attempts: 1 } });

beforeEach(() => {
	ebMock.reset();
	glueMock.reset();
});

const reconcileApply = (definition) => ({ operation: 'reconcile', scopePrefix: 'app-', mode: 'apply', definitionFrom: 'json', definitionJson: JSON.stringify(definition) });

test.each([
	[
		'EventBridge: an API key value',
		EventBridgeConnection,
		'literal-api-key-6d0e',
		(secret) => ({ Name: 'app-partner', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: secret } } }),
		(secret) => {
			ebMock.on(eb.ListConnectionsCommand).resolves({ Connections: [] });
			ebMock.on(eb.CreateConnectionCommand).rejects(echo(secret));
		},
	],
	[
		'Glue: a JDBC password',
		GlueConnection,
		'literal-db-password-2f4a',
		(secret) => ({ Name: 'app-db', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/x', USERNAME: 'etl', PASSWORD: secret } }),
		(secret) => {
			glueMock.on(glue.GetConnectionsCommand).resolves({ ConnectionList: [] });
			glueMock.on(glue.CreateConnectionCommand).rejects(echo(secret));
		},
	],
])('%s: redacted from the message, masked in the error\'s node copy', async (_, Node, secret, definition, mockAws) => {
	mockAws(secret);
	const { error } = await runNode({ node: new Node(), parameters: reconcileApply(definition(secret)) });
	expect(error.message).toMatch(/^ValidationException: /);
	expect(error.message).toContain('[redacted]');
	expect(JSON.stringify({ message: error.message, description: error.description, node: error.node })).not.toContain(secret);
	expect(JSON.parse(error.node.parameters.definitionJson)).toEqual(JSON.parse(JSON.stringify(definition('**hidden**'))));
});
