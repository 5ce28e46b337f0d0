// The Glue node in the real engine against moto in server mode (a real AWS API emulator on a
// loopback port). moto implements CreateConnection, GetConnection and GetConnections; it does not
// implement UpdateConnection, DeleteConnection or TestConnection (HTML 500), ignores HidePassword
// validates neither names nor types, and its GetConnection omits ConnectionType and MatchCriteria
// (moto 5.2.5): those paths are covered by test/engine/glue. Unlike moto 5.2.0, 5.2.5 honours
// HidePassword, which the test below checks.
const glue = require('@aws-sdk/client-glue');
const { startMoto } = require('../../support/moto');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

let moto;
let direct;
beforeAll(async () => {
	moto = await startMoto();
	direct = new glue.GlueClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}, 60000);
afterAll(async () => {
	direct?.destroy();
	await moto?.stop();
});
beforeEach(async () => await moto.reset());

const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
const run = (parameters, options = {}) => runNode({ node: new GlueConnection(), parameters, credentials: moto.credentials, ...options });
const warehouse = (name, endpoint = 'acme.snowflakecomputing.com', matchCriteria = 'prod') => ({
	name,
	connectionType: '__other__',
	otherConnectionType: 'SNOWFLAKE',
	additionalConnectionProperties: pairs({ ENDPOINT: endpoint }),
	additionalFields: { description: 'made by the node', matchCriteria },
});

test('create: the connection exists in AWS afterwards, read back with a plain SDK call', async () => {
	const { output, error } = await run({ operation: 'create', ...warehouse('wh-create') });
	expect(error).toBeUndefined();
	expect(output[0].json).toMatchObject({ name: 'wh-create', action: 'created', changed: true });
	const { Connection } = await direct.send(new glue.GetConnectionCommand({ Name: 'wh-create' }));
	expect(Connection).toMatchObject({
		Name: 'wh-create',
		Description: 'made by the node',
		ConnectionProperties: { ENDPOINT: 'acme.snowflakecomputing.com' },
	});
});

test('create twice: the second is an AlreadyExistsException NodeApiError, or an error item with continueOnFail', async () => {
	await run({ operation: 'create', ...warehouse('wh-dup') });
	const again = await run({ operation: 'create', ...warehouse('wh-dup') });
	expect(again.error.message).toMatch(/^AlreadyExistsException: /);
	const tolerant = await run({ operation: 'create', ...warehouse('={{ $json.name }}') }, { inputItems: [{ name: 'wh-dup' }, { name: 'wh-new' }], continueOnFail: true });
	expect(tolerant.output.map((item) => [item.pairedItem.item, item.json.action ?? item.json.error.split(':')[0]])).toEqual([
		[0, 'AlreadyExistsException'],
		[1, 'created'],
	]);
});

test('get: returns the connection, password hidden unless asked; a missing name is an EntityNotFoundException', async () => {
	await direct.send(
		new glue.CreateConnectionCommand({
			ConnectionInput: {
				Name: 'wh-get',
				ConnectionType: 'JDBC',
				ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/sales', USERNAME: 'etl', PASSWORD: 'moto-pass-1' },
			},
		}),
	);
	const { output } = await run({ operation: 'get', connection: { __rl: true, mode: 'name', value: 'wh-get' }, hidePassword: true });
	expect(output[0].json).toMatchObject({ Name: 'wh-get', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/sales' } });
	expect(typeof output[0].json.CreationTime).toBe('string');
	expect(JSON.stringify(output)).not.toContain('moto-pass-1');
	const revealed = await run({ operation: 'get', connection: { __rl: true, mode: 'name', value: 'wh-get' }, hidePassword: false });
	expect(revealed.output[0].json.ConnectionProperties.PASSWORD).toBe('moto-pass-1');
	const missing = await run({ operation: 'get', connection: { __rl: true, mode: 'name', value: 'nope' }, hidePassword: true });
	expect(missing.error.message).toMatch(/^EntityNotFoundException: /);
});

test('get many: pages through every connection with Return All, honours the limit otherwise', async () => {
	for (let i = 0; i < 5; i++) await run({ operation: 'create', ...warehouse(`wh-${i}`) });
	const all = await run({ operation: 'getMany', returnAll: true, hidePassword: true });
	expect(all.output.map((item) => item.json.Name).sort()).toEqual(['wh-0', 'wh-1', 'wh-2', 'wh-3', 'wh-4']);
	const some = await run({ operation: 'getMany', returnAll: false, limit: 2, hidePassword: true });
	expect(some.output).toHaveLength(2);
});

test('create or update: creates once, then reports unchanged on every further run', async () => {
	// No match criteria here: moto does not return them, so they would always look different.
	const first = await run({ operation: 'createOrUpdate', ...warehouse('wh-upkeep', undefined, '') });
	expect(first.output[0].json).toMatchObject({ action: 'created', changed: true });
	const second = await run({ operation: 'createOrUpdate', ...warehouse('wh-upkeep', undefined, '') });
	expect(second.output[0].json).toMatchObject({ action: 'unchanged', changed: false, differences: [] });
	const plan = await run({ operation: 'createOrUpdate', ...warehouse('wh-upkeep', 'other.snowflakecomputing.com', ''), options: { dryRun: true } });
	expect(plan.output[0].json).toMatchObject({ action: 'wouldUpdate', differences: ['ConnectionProperties.ENDPOINT'] });
});

test('create a JDBC connection from its first-class form: moto holds exactly the mapped properties', async () => {
	const { output, error } = await run({
		operation: 'create',
		name: 'pg-form',
		connectionType: 'JDBC',
		jdbcConnectUsing: 'hostPort',
		jdbcEngine: 'postgres',
		jdbcHost: 'db.example.internal',
		jdbcPort: 5432,
		jdbcDatabase: 'sales',
		jdbcUsername: 'etl',
		jdbcPassword: 'form-pass-1',
		jdbcEnforceSsl: true,
		jdbcCustomCert: 's3://certs-bucket/rds-ca.pem',
		physicalConnectionRequirements: { subnetId: 'subnet-0abc', securityGroupIds: 'sg-01', availabilityZone: 'us-east-1a' },
	});
	expect(error).toBeUndefined();
	expect(output[0].json).toMatchObject({ name: 'pg-form', connectionType: 'JDBC', action: 'created' });
	const { Connection } = await direct.send(new glue.GetConnectionCommand({ Name: 'pg-form', HidePassword: false }));
	expect(Connection.ConnectionProperties).toEqual({
		JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.internal:5432/sales',
		USERNAME: 'etl',
		PASSWORD: 'form-pass-1',
		JDBC_ENFORCE_SSL: 'true',
		CUSTOM_JDBC_CERT: 's3://certs-bucket/rds-ca.pem',
	});
	expect(Connection.PhysicalConnectionRequirements).toMatchObject({ SubnetId: 'subnet-0abc', AvailabilityZone: 'us-east-1a' });
	// Get through the node hides the password by default.
	const got = await run({ operation: 'get', connection: { __rl: true, mode: 'name', value: 'pg-form' }, hidePassword: true });
	expect(got.output[0].json.ConnectionProperties).toMatchObject({ JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.internal:5432/sales', USERNAME: 'etl' });
	expect(JSON.stringify(got.output)).not.toContain('form-pass-1');
});
