// The emulator's Glue connection plug-in (emulator/plugins/glue_connections.py) through the real
// AWS SDK, each behaviour pinned to the AWS Glue API reference: UpdateConnection, DeleteConnection,
// BatchDeleteConnection, TestConnection, and GetConnection's Connection structure (and what HidePassword hides).
const glue = require('@aws-sdk/client-glue');
const { emulatorSuite } = require('../../support/moto');

const emulator = emulatorSuite(glue.GlueClient);
const failure = (command) => emulator.failure(command);

const jdbc = (name, properties = {}, extra = {}) => ({
	Name: name,
	ConnectionType: 'JDBC',
	ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.internal:5432/sales', USERNAME: 'etl', PASSWORD: 'pw-1', ...properties },
	...extra,
});
const create = (input, Tags) => emulator.client.send(new glue.CreateConnectionCommand({ ConnectionInput: input, Tags }));
const get = async (name) => (await emulator.client.send(new glue.GetConnectionCommand({ Name: name, HidePassword: false }))).Connection;

describe('GetConnection (API_GetConnection: the Connection structure)', () => {
	test('carries ConnectionType, MatchCriteria and PhysicalConnectionRequirements as created', async () => {
		await create(jdbc('sales', {}, { MatchCriteria: ['prod'], PhysicalConnectionRequirements: { SubnetId: 'subnet-1', AvailabilityZone: 'us-east-1a' } }));
		const connection = await get('sales');
		expect(connection).toMatchObject({ Name: 'sales', ConnectionType: 'JDBC', MatchCriteria: ['prod'], PhysicalConnectionRequirements: { SubnetId: 'subnet-1' } });
		expect(connection).not.toHaveProperty('Connection'); // moto's extra member, not in AWS's structure
	});

	test('AuthenticationConfiguration without the client secret', async () => {
		await create({
			Name: 'crm',
			ConnectionType: 'SALESFORCE',
			ConnectionProperties: { INSTANCE_URL: 'https://acme.my.salesforce.com' },
			AuthenticationConfiguration: {
				AuthenticationType: 'OAUTH2',
				OAuth2Properties: {
					OAuth2GrantType: 'CLIENT_CREDENTIALS',
					TokenUrl: 'https://login.salesforce.com/services/oauth2/token',
					OAuth2ClientApplication: { UserManagedClientApplicationClientId: 'client-1' },
					OAuth2Credentials: { UserManagedClientApplicationClientSecret: 'oauth-secret-1' },
				},
			},
		});
		const connection = await get('crm');
		expect(connection.AuthenticationConfiguration).toEqual({
			AuthenticationType: 'OAUTH2',
			OAuth2Properties: {
				OAuth2GrantType: 'CLIENT_CREDENTIALS',
				TokenUrl: 'https://login.salesforce.com/services/oauth2/token',
				OAuth2ClientApplication: { UserManagedClientApplicationClientId: 'client-1' },
			},
		});
		expect(JSON.stringify(connection)).not.toContain('oauth-secret-1');
	});

	test('HidePassword leaves out PASSWORD and the properties the type\'s description marks SECRET; without it they are returned', async () => {
		await create({ Name: 'wh', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { HOST: 'acme.snowflakecomputing.com', PRIVATE_KEY: 'pk-1', PASSWORD: 'pw-2' } });
		await create(jdbc('db'));
		const hidden = async (name) => (await emulator.client.send(new glue.GetConnectionCommand({ Name: name, HidePassword: true }))).Connection.ConnectionProperties;
		expect(await hidden('wh')).toEqual({ HOST: 'acme.snowflakecomputing.com' });
		expect((await get('wh')).ConnectionProperties).toEqual({ HOST: 'acme.snowflakecomputing.com', PRIVATE_KEY: 'pk-1', PASSWORD: 'pw-2' });
		expect(await hidden('db')).toEqual({ JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.internal:5432/sales', USERNAME: 'etl' });
		const { ConnectionList } = await emulator.client.send(new glue.GetConnectionsCommand({ HidePassword: true }));
		expect(ConnectionList.find((connection) => connection.Name === 'wh').ConnectionProperties).toEqual({ HOST: 'acme.snowflakecomputing.com' });
	});
});

describe('UpdateConnection (API_UpdateConnection)', () => {
	test('replaces the whole definition: what the new input leaves out is gone; CreationTime stays', async () => {
		await create(jdbc('sales', { JDBC_ENFORCE_SSL: 'true' }, { Description: 'first', MatchCriteria: ['prod'], PhysicalConnectionRequirements: { SubnetId: 'subnet-1' } }));
		const before = await get('sales');
		const answer = await emulator.client.send(
			new glue.UpdateConnectionCommand({
				Name: 'sales',
				ConnectionInput: { Name: 'sales', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:mysql://other:3306/sales', SECRET_ID: 'sales-db' } },
			}),
		);
		expect(answer.$metadata.httpStatusCode).toBe(200);
		const after = await get('sales');
		expect(after.ConnectionProperties).toEqual({ JDBC_CONNECTION_URL: 'jdbc:mysql://other:3306/sales', SECRET_ID: 'sales-db' });
		expect(after).not.toHaveProperty('Description');
		expect(after).not.toHaveProperty('MatchCriteria');
		expect(after).not.toHaveProperty('PhysicalConnectionRequirements');
		expect(after.CreationTime).toEqual(before.CreationTime);
		expect(after.LastUpdatedTime.getTime()).toBeGreaterThanOrEqual(before.LastUpdatedTime.getTime());
	});

	test('renames with ConnectionInput.Name: the old name is gone, tags follow; a name in use is refused', async () => {
		await create(jdbc('old-name'), { team: 'data' });
		await create(jdbc('taken'));
		await emulator.client.send(new glue.UpdateConnectionCommand({ Name: 'old-name', ConnectionInput: jdbc('new-name') }));
		expect((await get('new-name')).Name).toBe('new-name');
		expect(await failure(new glue.GetConnectionCommand({ Name: 'old-name' }))).toMatchObject({ name: 'EntityNotFoundException', status: 400 });
		const { Tags } = await emulator.client.send(new glue.GetTagsCommand({ ResourceArn: 'arn:aws:glue:us-east-1:123456789012:connection/new-name' }));
		expect(Tags).toEqual({ team: 'data' });
		expect(await failure(new glue.UpdateConnectionCommand({ Name: 'new-name', ConnectionInput: jdbc('taken') }))).toMatchObject({ name: 'AlreadyExistsException', status: 400 });
	});

	test('an unknown name is EntityNotFoundException (HTTP 400)', async () => {
		expect(await failure(new glue.UpdateConnectionCommand({ Name: 'nope', ConnectionInput: jdbc('nope') }))).toMatchObject({
			name: 'EntityNotFoundException',
			status: 400,
		});
	});

	test('a ConnectionInput without its required members is a ValidationException (HTTP 400)', async () => {
		await create(jdbc('sales'));
		const missing = await failure(new glue.UpdateConnectionCommand({ Name: 'sales', ConnectionInput: { Name: 'sales', ConnectionProperties: {} } }));
		expect(missing).toMatchObject({ name: 'ValidationException', status: 400 });
		expect(missing.message).toContain('connectionInput.connectionType');
		expect((await get('sales')).ConnectionProperties.USERNAME).toBe('etl');
	});
});

describe('DeleteConnection (API_DeleteConnection)', () => {
	test('deletes: answers {} with HTTP 200; the connection is gone; a second delete is EntityNotFoundException', async () => {
		await create(jdbc('sales'));
		const answer = await emulator.client.send(new glue.DeleteConnectionCommand({ ConnectionName: 'sales' }));
		expect(answer.$metadata.httpStatusCode).toBe(200);
		expect(await failure(new glue.GetConnectionCommand({ Name: 'sales' }))).toMatchObject({ name: 'EntityNotFoundException' });
		expect(await failure(new glue.DeleteConnectionCommand({ ConnectionName: 'sales' }))).toMatchObject({ name: 'EntityNotFoundException', status: 400 });
	});
});

describe('BatchDeleteConnection (API_BatchDeleteConnection)', () => {
	test('deletes what exists, reports the rest per name in Errors, and does not fail', async () => {
		await create(jdbc('a'));
		await create(jdbc('b'));
		const answer = await emulator.client.send(new glue.BatchDeleteConnectionCommand({ ConnectionNameList: ['a', 'missing', 'b'] }));
		expect(answer.Succeeded).toEqual(['a', 'b']);
		expect(answer.Errors).toEqual({ missing: { ErrorCode: 'EntityNotFoundException', ErrorMessage: expect.stringContaining('missing') } });
		const { ConnectionList } = await emulator.client.send(new glue.GetConnectionsCommand({}));
		expect(ConnectionList).toEqual([]);
	});

	test('more than 25 names (DeleteConnectionNameList) is a ValidationException; nothing is deleted', async () => {
		await create(jdbc('keep'));
		const names = Array.from({ length: 26 }, (_, i) => (i === 0 ? 'keep' : `c${i}`));
		expect(await failure(new glue.BatchDeleteConnectionCommand({ ConnectionNameList: names }))).toMatchObject({ name: 'ValidationException', status: 400 });
		expect((await get('keep')).Name).toBe('keep');
	});
});

describe('TestConnection (API_TestConnection)', () => {
	test('a saved, well-formed connection succeeds with HTTP 200', async () => {
		await create(jdbc('sales'));
		const answer = await emulator.client.send(new glue.TestConnectionCommand({ ConnectionName: 'sales' }));
		expect(answer.$metadata.httpStatusCode).toBe(200);
	});

	test('a host under the reserved .invalid domain fails with InvalidInputException naming the host', async () => {
		await create(jdbc('broken', { JDBC_CONNECTION_URL: 'jdbc:postgresql://db.unreachable.invalid:5432/sales' }));
		const failed = await failure(new glue.TestConnectionCommand({ ConnectionName: 'broken' }));
		expect(failed).toMatchObject({ name: 'InvalidInputException', status: 400 });
		expect(failed.message).toContain('db.unreachable.invalid');
		// Also as HOST in a definition that is not saved, and in Kafka's bootstrap server list.
		const definition = { ConnectionType: 'JDBC', ConnectionProperties: { HOST: 'pg.invalid', PORT: '5432', JDBC_ENGINE: 'postgres', SECRET_ID: 's' } };
		expect(await failure(new glue.TestConnectionCommand({ TestConnectionInput: definition }))).toMatchObject({ name: 'InvalidInputException' });
		await create({ Name: 'events', ConnectionType: 'KAFKA', ConnectionProperties: { KAFKA_BOOTSTRAP_SERVERS: 'b-1.ok.internal:9092,b-2.kafka.invalid:9092' } });
		expect((await failure(new glue.TestConnectionCommand({ ConnectionName: 'events' }))).message).toContain('b-2.kafka.invalid');
	});

	test('a definition (TestConnectionInput) succeeds when well formed', async () => {
		const answer = await emulator.client.send(
			new glue.TestConnectionCommand({
				TestConnectionInput: { ConnectionType: 'JDBC', ConnectionProperties: { HOST: 'db.example.internal', PORT: '5432', JDBC_ENGINE: 'postgres', USERNAME: 'u', PASSWORD: 'p' } },
			}),
		);
		expect(answer.$metadata.httpStatusCode).toBe(200);
	});

	test('a definition must be JDBC or SALESFORCE, and a JDBC one needs its address and credentials (InvalidInputException)', async () => {
		const testing = (ConnectionType, ConnectionProperties) => failure(new glue.TestConnectionCommand({ TestConnectionInput: { ConnectionType, ConnectionProperties } }));
		expect(await testing('KAFKA', { KAFKA_BOOTSTRAP_SERVERS: 'b-1:9092' })).toMatchObject({ name: 'InvalidInputException', status: 400 });
		expect((await testing('JDBC', { HOST: 'db', USERNAME: 'u', PASSWORD: 'p' })).message).toMatch(/HOST, PORT and JDBC_ENGINE, or JDBC_CONNECTION_URL/);
		expect((await testing('JDBC', { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/x', USERNAME: 'u' })).message).toMatch(/USERNAME and PASSWORD, or SECRET_ID/);
		expect((await testing('SALESFORCE', { INSTANCE_URL: 'https://acme.my.salesforce.com' })).message).toMatch(/AuthenticationConfiguration/);
	});

	test('exactly one of ConnectionName and TestConnectionInput (InvalidInputException); an unknown name is EntityNotFoundException', async () => {
		await create(jdbc('sales'));
		expect(await failure(new glue.TestConnectionCommand({}))).toMatchObject({ name: 'InvalidInputException', status: 400 });
		expect(
			await failure(new glue.TestConnectionCommand({ ConnectionName: 'sales', TestConnectionInput: { ConnectionType: 'JDBC', ConnectionProperties: {} } })),
		).toMatchObject({ name: 'InvalidInputException' });
		expect(await failure(new glue.TestConnectionCommand({ ConnectionName: 'nope' }))).toMatchObject({ name: 'EntityNotFoundException', status: 400 });
	});
});
