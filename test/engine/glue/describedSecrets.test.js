// A secret no file of this package names, in n8n-core's real engine (SDK mocked): AWS's description
// of a connection type marks a new property SECRET, and an AWS that returns it (Get) or echoes it in
// an error (as a ValidationException echoes the value it refuses) never shows it to the next node.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const glueMock = mockClient(glue.GlueClient);
const TYPE = 'REST-BRAND-NEW';
const PROPERTY = 'BRAND_NEW_SIGNING_SECRET';
const TYPED = 'typed-signing-secret-5a1f';
const FROM_CREDENTIAL = 'credential-signing-secret-9e2b';
const DESCRIPTION = {
	ConnectionType: TYPE,
	ConnectionProperties: {
		INSTANCE_URL: { Name: 'INSTANCE_URL', Required: true, PropertyTypes: ['USER_INPUT'] },
		[PROPERTY]: { Name: PROPERTY, Required: false, PropertyTypes: ['SECRET'] },
	},
};
const connection = (properties) => ({ Name: 'c', ConnectionType: TYPE, ConnectionProperties: { INSTANCE_URL: 'https://x', ...properties } });
const echo = (value) =>
	Object.assign(new Error(`1 validation error detected: Value '{INSTANCE_URL=https://x, ${PROPERTY}=${value}}' at 'connectionInput.connectionProperties' failed to satisfy constraint`), {
		name: 'ValidationException',
		$metadata: { httpStatusCode: 400, attempts: 1 },
	});

beforeEach(() => {
	glueMock.reset();
	glueMock.on(glue.DescribeConnectionTypeCommand, { ConnectionType: TYPE }).resolves(DESCRIPTION);
});

const run = (parameters, options = {}) => runNode({ node: new GlueConnection(), parameters, ...options });
const create = (secretRow, extra = {}) => ({
	operation: 'create',
	name: 'c',
	connectionType: TYPE,
	connectionProperties: { mappingMode: 'defineBelow', value: { INSTANCE_URL: 'https://x' }, matchingColumns: [], schema: [] },
	describedSecretProperties: { pairs: [{ key: PROPERTY, value: secretRow }] },
	...extra,
});

test('Get and Get Many leave it out although AWS returned it; with Hide Password off the user asked for it', async () => {
	glueMock.on(glue.GetConnectionCommand).resolves({ Connection: connection({ [PROPERTY]: TYPED }) });
	glueMock.on(glue.GetConnectionsCommand).resolves({ ConnectionList: [connection({ [PROPERTY]: TYPED })] });
	const got = await run({ operation: 'get', connection: { __rl: true, mode: 'name', value: 'c' } });
	expect(got.output[0].json.ConnectionProperties).toEqual({ INSTANCE_URL: 'https://x' });
	const many = await run({ operation: 'getMany', returnAll: true });
	expect(many.output[0].json.ConnectionProperties).toEqual({ INSTANCE_URL: 'https://x' });
	const shown = await run({ operation: 'get', connection: { __rl: true, mode: 'name', value: 'c' }, hidePassword: false });
	expect(shown.output[0].json.ConnectionProperties[PROPERTY]).toBe(TYPED);
});

test.each([
	['typed', create(TYPED), {}, TYPED],
	['from the credential', create('apiKey', { secretSource: 'credential' }), { extraCredentials: { awsConnectionSecretApi: { apiKey: FROM_CREDENTIAL } } }, FROM_CREDENTIAL],
])('%s: the value reaches AWS, and AWS echoing it in an error is redacted from the message and the error item', async (_, parameters, options, secret) => {
	glueMock.on(glue.CreateConnectionCommand).rejects(echo(secret));
	const failed = await run(parameters, options);
	expect(glueMock.commandCalls(glue.CreateConnectionCommand)[0].args[0].input.ConnectionInput.ConnectionProperties[PROPERTY]).toBe(secret);
	expect(failed.error.message).toMatch(/^ValidationException: .*\[redacted\]/);
	expect(JSON.stringify({ message: failed.error.message, node: failed.error.node })).not.toContain(secret);
	const item = await run(parameters, { ...options, continueOnFail: true });
	expect(item.output[0].json.error).toMatch(/\[redacted\]/);
	expect(JSON.stringify(item.output)).not.toContain(secret);
});
