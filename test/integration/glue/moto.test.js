// The Glue node in the real engine against the project's emulator (moto in server mode with the
// plug-ins of emulator/plugins, on a loopback port). Every operation runs over the wire here:
// Create, Get, Get Many, Update (which replaces the whole definition), Delete, Test Connection,
// Test Definition, and Create or Update's create, unchanged and update paths. The emulator's
// TestConnection fails for a host under the reserved `.invalid` domain and succeeds otherwise.
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
	const first = await run({ operation: 'createOrUpdate', ...warehouse('wh-upkeep') });
	expect(first.output[0].json).toMatchObject({ action: 'created', changed: true });
	const second = await run({ operation: 'createOrUpdate', ...warehouse('wh-upkeep') });
	expect(second.output[0].json).toMatchObject({ action: 'unchanged', changed: false, differences: [] });
	const plan = await run({ operation: 'createOrUpdate', ...warehouse('wh-upkeep', 'other.snowflakecomputing.com'), options: { dryRun: true } });
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

test('create or update: the update path writes only when the definition differs, and AWS then holds it', async () => {
	await run({ operation: 'create', ...warehouse('wh-drift') });
	const updated = await run({ operation: 'createOrUpdate', ...warehouse('wh-drift', 'other.snowflakecomputing.com', 'staging') });
	expect(updated.error).toBeUndefined();
	expect(updated.output[0].json).toMatchObject({ action: 'updated', changed: true });
	expect(updated.output[0].json.differences.sort()).toEqual(['ConnectionProperties.ENDPOINT', 'MatchCriteria']);
	const { Connection } = await direct.send(new glue.GetConnectionCommand({ Name: 'wh-drift' }));
	expect(Connection).toMatchObject({ ConnectionType: 'SNOWFLAKE', MatchCriteria: ['staging'], ConnectionProperties: { ENDPOINT: 'other.snowflakecomputing.com' } });
	const again = await run({ operation: 'createOrUpdate', ...warehouse('wh-drift', 'other.snowflakecomputing.com', 'staging') });
	expect(again.output[0].json).toMatchObject({ action: 'unchanged', changed: false });
});

const pgForm = (name, host = 'db.example.internal') => ({
	name,
	connectionType: 'JDBC',
	jdbcConnectUsing: 'hostPort',
	jdbcEngine: 'postgres',
	jdbcHost: host,
	jdbcPort: 5432,
	jdbcDatabase: 'sales',
	jdbcUsername: 'etl',
	jdbcPassword: 'form-pass-2',
});

test('update: AWS replaces the whole definition; what the form leaves out is gone, and a rename moves it', async () => {
	await run({ operation: 'create', ...pgForm('pg-update'), additionalFields: { description: 'first', matchCriteria: 'prod' } });
	const { output, error } = await run({
		operation: 'update',
		connection: { __rl: true, mode: 'name', value: 'pg-update' },
		...pgForm('ignored', 'db2.example.internal'),
		newName: 'pg-update-2',
	});
	expect(error).toBeUndefined();
	expect(output[0].json).toEqual({ name: 'pg-update-2', previousName: 'pg-update', connectionType: 'JDBC', action: 'updated', changed: true });
	const { Connection } = await direct.send(new glue.GetConnectionCommand({ Name: 'pg-update-2', HidePassword: false }));
	expect(Connection.ConnectionProperties).toMatchObject({ JDBC_CONNECTION_URL: expect.stringContaining('//db2.example.internal:5432/'), PASSWORD: 'form-pass-2' });
	expect(Connection).not.toHaveProperty('Description');
	expect(Connection).not.toHaveProperty('MatchCriteria');
	await expect(direct.send(new glue.GetConnectionCommand({ Name: 'pg-update' }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
	const missing = await run({ operation: 'update', connection: { __rl: true, mode: 'name', value: 'nope' }, ...pgForm('nope') });
	expect(missing.error.message).toMatch(/^EntityNotFoundException: /);
});

test('delete: { deleted: true } and the connection is gone; a missing one is an error item with continueOnFail', async () => {
	await run({ operation: 'create', ...warehouse('wh-delete') });
	const { output } = await run({ operation: 'delete', connection: { __rl: true, mode: 'name', value: 'wh-delete' } });
	expect(output[0].json).toEqual({ name: 'wh-delete', deleted: true });
	await expect(direct.send(new glue.GetConnectionCommand({ Name: 'wh-delete' }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
	const again = await run({ operation: 'delete', connection: { __rl: true, mode: 'name', value: 'wh-delete' } }, { continueOnFail: true });
	expect(again.output[0].json.error).toMatch(/^EntityNotFoundException: /);
});

test('test connection: a reachable saved connection succeeds; one whose host cannot resolve is an InvalidInputException', async () => {
	await run({ operation: 'create', ...pgForm('pg-ok') });
	await run({ operation: 'create', ...pgForm('pg-down', 'db.down.invalid') });
	const ok = await run({ operation: 'testConnection', connection: { __rl: true, mode: 'name', value: 'pg-ok' } });
	expect(ok.output[0].json).toEqual({ name: 'pg-ok', success: true });
	const down = await run({ operation: 'testConnection', connection: { __rl: true, mode: 'name', value: 'pg-down' } });
	expect(down.error.message).toMatch(/^InvalidInputException: .*db\.down\.invalid/);
	const missing = await run({ operation: 'testConnection', connection: { __rl: true, mode: 'name', value: 'nope' } });
	expect(missing.error.message).toMatch(/^EntityNotFoundException: /);
});

test('test definition: an unsaved definition is tested, nothing is created; an unreachable host fails', async () => {
	const ok = await run({ operation: 'testDefinition', ...pgForm('') });
	expect(ok.error).toBeUndefined();
	expect(ok.output[0].json).toEqual({ connectionType: 'JDBC', success: true });
	const down = await run({ operation: 'testDefinition', ...pgForm('', 'pg.invalid') });
	expect(down.error.message).toMatch(/^InvalidInputException: .*pg\.invalid/);
	expect(`${down.error.message} ${down.error.description}`).not.toContain('form-pass-2');
	const { ConnectionList } = await direct.send(new glue.GetConnectionsCommand({}));
	expect(ConnectionList).toEqual([]);
});
