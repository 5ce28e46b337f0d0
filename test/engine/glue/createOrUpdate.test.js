// Create or Update in the engine: creates when missing, updates only on a real difference,
// reports `changed` and the action, and never writes in a dry run.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const glueMock = mockClient(glue.GlueClient);
beforeEach(() => glueMock.reset());

const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
const desired = (properties, options = {}) => ({
	operation: 'createOrUpdate',
	name: 'wh-1',
	connectionType: '__other__',
	otherConnectionType: 'SNOWFLAKE',
	additionalConnectionProperties: pairs(properties),
	options,
});
const run = (parameters) => runNode({ node: new GlueConnection(), parameters });
const notFound = Object.assign(new Error('Connection not found'), { name: 'EntityNotFoundException', $metadata: {} });
const existing = (properties) => ({
	Connection: { Name: 'wh-1', ConnectionType: 'SNOWFLAKE', ConnectionProperties: properties, CreationTime: new Date() },
});

test('creates a missing connection', async () => {
	glueMock.on(glue.GetConnectionCommand).rejects(notFound);
	glueMock.on(glue.CreateConnectionCommand).resolves({});
	const { output } = await run(desired({ ENDPOINT: 'a' }));
	expect(output[0].json).toMatchObject({ name: 'wh-1', action: 'created', changed: true });
	expect(glueMock.commandCalls(glue.GetConnectionCommand)[0].args[0].input).toEqual({ Name: 'wh-1', HidePassword: true });
	expect(glueMock.commandCalls(glue.CreateConnectionCommand)).toHaveLength(1);
});

test('leaves an identical connection alone', async () => {
	glueMock.on(glue.GetConnectionCommand).resolves(existing({ ENDPOINT: 'a' }));
	const { output } = await run(desired({ ENDPOINT: 'a' }));
	expect(output[0].json).toMatchObject({ action: 'unchanged', changed: false, differences: [] });
	expect(glueMock.commandCalls(glue.UpdateConnectionCommand)).toHaveLength(0);
	expect(glueMock.commandCalls(glue.CreateConnectionCommand)).toHaveLength(0);
});

test('updates a connection that differs and says where', async () => {
	glueMock.on(glue.GetConnectionCommand).resolves(existing({ ENDPOINT: 'old', STALE: 'x' }));
	glueMock.on(glue.UpdateConnectionCommand).resolves({});
	const { output } = await run(desired({ ENDPOINT: 'new' }));
	expect(output[0].json).toMatchObject({
		action: 'updated',
		changed: true,
		differences: ['ConnectionProperties.ENDPOINT', 'ConnectionProperties.STALE'],
	});
	expect(glueMock.commandCalls(glue.UpdateConnectionCommand)[0].args[0].input).toEqual({
		Name: 'wh-1',
		ConnectionInput: { Name: 'wh-1', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'new' } },
	});
});

test('a dry run reports the plan and writes nothing', async () => {
	glueMock.on(glue.GetConnectionCommand).resolves(existing({ ENDPOINT: 'old' }));
	const { output } = await run(desired({ ENDPOINT: 'new' }, { dryRun: true }));
	expect(output[0].json).toMatchObject({ action: 'wouldUpdate', changed: true, dryRun: true });
	expect(glueMock.commandCalls(glue.UpdateConnectionCommand)).toHaveLength(0);
});

test('a password is never compared, unless the user asks to write whenever secrets are given', async () => {
	// AWS never returns the password (HidePassword), so the current one looks absent.
	glueMock.on(glue.GetConnectionCommand).resolves(existing({ ENDPOINT: 'a' }));
	glueMock.on(glue.UpdateConnectionCommand).resolves({});
	const quiet = await run(desired({ ENDPOINT: 'a', PASSWORD: 'rotated-secret-1' }));
	expect(quiet.output[0].json).toMatchObject({ action: 'unchanged', changed: false });
	const forced = await run(desired({ ENDPOINT: 'a', PASSWORD: 'rotated-secret-1' }, { updateWhenSecretsGiven: true }));
	expect(forced.output[0].json).toMatchObject({ action: 'updated', changed: true, differences: ['(secrets)'] });
	expect(JSON.stringify([quiet.output, forced.output])).not.toContain('rotated-secret-1');
});

test('other AWS errors on the lookup are reported, not taken for "missing"', async () => {
	glueMock.on(glue.GetConnectionCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: {} }));
	const { error } = await run(desired({ ENDPOINT: 'a' }));
	expect(error.message).toBe('AccessDeniedException: denied');
	expect(glueMock.commandCalls(glue.CreateConnectionCommand)).toHaveLength(0);
});
