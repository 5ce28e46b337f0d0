// Described connection types and the Connection Type resource: the Glue node in n8n's real engine
// against the emulator (moto with emulator/plugins/glue_connection_types.py), read back with plain
// SDK calls.
const glue = require('@aws-sdk/client-glue');
const { emulatorSuite } = require('../../support/moto');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const emulator = emulatorSuite(glue.GlueClient);

const node = new GlueConnection();
const run = (parameters, options = {}) => runNode({ node, parameters, credentials: emulator.moto.credentials, ...options });
const mapper = (value) => ({ mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] });
const exists = async (name) =>
	await emulator.client.send(new glue.GetConnectionCommand({ Name: name })).then(
		() => true,
		(error) => (error.name === 'EntityNotFoundException' ? false : Promise.reject(error)),
	);

test('SNOWFLAKE from the list: created with exactly the mapped and secret properties, read back from AWS', async () => {
	const PRIVATE_KEY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-integration';
	const { output, error } = await run({
		operation: 'create',
		name: 'wh-described',
		connectionType: 'SNOWFLAKE',
		connectionProperties: mapper({ HOST: 'acme.snowflakecomputing.com', WAREHOUSE: 'ETL_WH', AUTHENTICATOR: 'SNOWFLAKE_JWT', ROLE: null }),
		describedSecretProperties: { pairs: [{ key: 'PRIVATE_KEY', value: PRIVATE_KEY }] },
	});
	expect(error).toBeUndefined();
	expect(JSON.stringify(output)).not.toContain(PRIVATE_KEY);
	const { Connection } = await emulator.client.send(new glue.GetConnectionCommand({ Name: 'wh-described', HidePassword: false }));
	expect(Connection.ConnectionProperties).toEqual({
		HOST: 'acme.snowflakecomputing.com',
		WAREHOUSE: 'ETL_WH',
		AUTHENTICATOR: 'SNOWFLAKE_JWT',
		PRIVATE_KEY,
	});
});

test('an allowed-value violation and a missing required property stop the item; nothing is created', async () => {
	const snowflake = await run({
		operation: 'create',
		name: 'wh-bad',
		connectionType: 'SNOWFLAKE',
		connectionProperties: mapper({ HOST: 'h', AUTHENTICATOR: 'PASSWORD' }),
	});
	expect(snowflake.error.message).toBe('Connection Properties: AUTHENTICATOR must be one of SNOWFLAKE, SNOWFLAKE_JWT, OAUTH (item 0)');

	const servicenow = await run(
		{
			operation: 'create',
			name: '={{ $json.name }}',
			connectionType: 'SERVICENOW',
			connectionProperties: mapper({ INSTANCE_URL: '={{ $json.url }}', API_VERSION: 'v2' }),
		},
		{ inputItems: [{ name: 'sn-ok', url: 'https://acme.service-now.com' }, { name: 'sn-missing' }], continueOnFail: true },
	);
	expect(servicenow.output.map((item) => item.json.error ?? item.json.action)).toEqual([
		'created',
		'Connection Properties: INSTANCE_URL is required for SERVICENOW (item 1)',
	]);
	expect([await exists('wh-bad'), await exists('sn-ok'), await exists('sn-missing')]).toEqual([false, true, false]);
});

test('a type that needs a VPC (DOCUMENTDB) without Network (VPC) is refused before any write', async () => {
	const { error } = await run({
		operation: 'create',
		name: 'docs',
		connectionType: 'DOCUMENTDB',
		connectionProperties: mapper({ CONNECTION_URL: 'mongodb://docs.cluster:27017/db' }),
		authenticationType: 'BASIC',
		authCredentialsArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:docs',
	});
	expect(error.message).toMatch(/^Network \(VPC\): is required for DOCUMENTDB/);
	expect(await exists('docs')).toBe(false);
});

test('Connection Type resource: register, get, get many and delete against the emulator', async () => {
	const registered = await run({
		resource: 'connectionType',
		operation: 'register',
		newConnectionType: 'REST-TICKETS',
		connectorAuthenticationTypes: ['CUSTOM'],
		connectionPropertiesConfiguration: JSON.stringify({
			Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' },
			AdditionalRequestParameters: [{ Name: 'API_TOKEN', Required: true, PropertyType: 'SECRET', PropertyLocation: 'HEADER' }],
		}),
		restConfiguration: JSON.stringify({ GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: '/tickets', ResponseConfiguration: { ResultPath: '$.items' } } }),
		connectionTypeFields: { description: 'Our tickets API' },
	});
	expect(registered.error).toBeUndefined();
	expect(registered.output[0].json).toEqual({
		connectionType: 'REST-TICKETS',
		connectionTypeArn: 'arn:aws:glue:us-east-1:123456789012:connectionType/REST-TICKETS',
		action: 'registered',
		changed: true,
	});

	const got = await run({ resource: 'connectionType', operation: 'get', connectionTypeName: { __rl: true, mode: 'list', value: 'REST-TICKETS' } });
	expect(got.output[0].json.ConnectionProperties.API_TOKEN).toMatchObject({ Required: true, PropertyTypes: ['SECRET'] });

	const listed = await run({ resource: 'connectionType', operation: 'getMany', returnAll: true });
	expect(listed.output.map((item) => item.json.ConnectionType)).toEqual(expect.arrayContaining(['SNOWFLAKE', 'REST-TICKETS']));
	const limited = await run({ resource: 'connectionType', operation: 'getMany', returnAll: false, limit: 3 });
	expect(limited.output).toHaveLength(3);

	// The registered type is a form too: its required secret comes from a secret row.
	const created = await run({
		operation: 'create',
		name: 'tickets',
		connectionType: 'REST-TICKETS',
		connectionProperties: mapper({ INSTANCE_URL: 'https://tickets.example.com' }),
	});
	expect(created.error.message).toBe('Secret Connection Properties: API_TOKEN is required for REST-TICKETS (item 0)');

	const deleted = await run({ resource: 'connectionType', operation: 'delete', connectionTypeName: { __rl: true, mode: 'name', value: 'REST-TICKETS' } });
	expect(deleted.output[0].json).toEqual({ connectionType: 'REST-TICKETS', deleted: true });
	const again = await run({ resource: 'connectionType', operation: 'delete', connectionTypeName: { __rl: true, mode: 'name', value: 'REST-TICKETS' } });
	expect(again.error.message).toMatch(/^EntityNotFoundException: /);
});
