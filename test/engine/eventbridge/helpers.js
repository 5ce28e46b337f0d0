// What both EventBridge engine test files use: the mocked client and the node run in the engine.
const { mockClient } = require('aws-sdk-client-mock');
const eb = require('@aws-sdk/client-eventbridge');
const { runNode } = require('../../support/engine');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const ebMock = mockClient(eb.EventBridgeClient);

module.exports = {
	eb,
	ebMock,
	ARN: 'arn:aws:events:us-east-1:123456789012:connection/orders-api/0d1e2f',
	run: (parameters, options = {}) => runNode({ node: new EventBridgeConnection(), parameters, ...options }),
	locator: (value) => ({ __rl: true, mode: 'name', value }),
	/** Key/value rows as n8n stores them: [key, value, isValueSecret?]. */
	rows: (...entries) => ({ pairs: entries.map(([key, value, isValueSecret = false]) => ({ key, value, isValueSecret })) }),
	/** The inputs the node sent with one command, in order. */
	sent: (Command) => ebMock.commandCalls(Command).map((call) => call.args[0].input),
};
