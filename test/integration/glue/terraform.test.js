// terraform-provider-aws's own acceptance configurations for aws_glue_connection
// (internal/service/glue/connection_test.go: required, description, tags, match criteria, physical
// connection requirements, MongoDB, Kafka, Network, Snowflake through SparkProperties) entered in
// our node's form, run in n8n's real engine against moto: the CreateConnection the node sends
// carries exactly the ConnectionProperties Terraform sends (no default keys of ours), and Create or
// Update on a connection made as Terraform makes it reports "unchanged" and sends no update.
const glue = require('@aws-sdk/client-glue');
const { startMoto } = require('../../support/moto');
const { startRecordingProxy } = require('../../support/recordingProxy');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

let moto;
let proxy;
let direct;
beforeAll(async () => {
	moto = await startMoto();
	proxy = await startRecordingProxy(moto.endpoint);
	direct = new glue.GlueClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}, 60000);
afterAll(async () => {
	direct?.destroy();
	await proxy?.close();
	await moto?.stop();
});
beforeEach(async () => {
	await moto.reset();
	proxy.clear();
});

const run = (parameters) => runNode({ node: new GlueConnection(), parameters, credentials: { ...moto.credentials, endpoint: proxy.endpoint } });
const sentInputs = (operation) => proxy.requests.filter((request) => request.operation === `AWSGlue.${operation}`).map((request) => request.body);
const awsOperations = () => proxy.operations.map((operation) => operation.replace(/^AWSGlue\./, ''));

// Terraform's test values (acctest.RandomDomainName() and friends, fixed here).
const JDBC_URL = 'jdbc:mysql://tf-acc-test-1234.example.com/testdatabase';
const JDBC_PROPERTIES = { JDBC_CONNECTION_URL: JDBC_URL, PASSWORD: 'testpassword', USERNAME: 'testusername' };
const jdbcForm = (name, extra = {}) => ({
	operation: 'create',
	name,
	connectionType: 'JDBC',
	jdbcConnectUsing: 'url',
	jdbcConnectionUrl: JDBC_URL,
	jdbcUsername: 'testusername',
	jdbcPassword: 'testpassword',
	...extra,
});
const network = { availabilityZone: 'us-west-2a', securityGroupIds: 'sg-0123456789abcdef0', subnetId: 'subnet-0123456789abcdef0' };
const terraformNetwork = { AvailabilityZone: 'us-west-2a', SecurityGroupIdList: ['sg-0123456789abcdef0'], SubnetId: 'subnet-0123456789abcdef0' };

/** Creates through the node and returns the ConnectionInput it sent; checks moto stored the same properties. */
async function createThroughNode(parameters) {
	const { error } = await run(parameters);
	expect(error).toBeUndefined();
	const [create] = sentInputs('CreateConnection');
	const { Connection } = await direct.send(new glue.GetConnectionCommand({ Name: parameters.name, HidePassword: false }));
	expect(Connection.ConnectionProperties ?? {}).toEqual(create.ConnectionInput.ConnectionProperties ?? {});
	return create;
}

test('required: JDBC URL, username and password, nothing else', async () => {
	const { ConnectionInput } = await createThroughNode(jdbcForm('tf-required'));
	expect(ConnectionInput).toEqual({ Name: 'tf-required', ConnectionType: 'JDBC', ConnectionProperties: JDBC_PROPERTIES });
});

test('description: "First Description", then a plan for "Second Description" names only the description', async () => {
	const create = await createThroughNode(jdbcForm('tf-description', { additionalFields: { description: 'First Description' } }));
	expect(create.ConnectionInput).toEqual({ Name: 'tf-description', Description: 'First Description', ConnectionType: 'JDBC', ConnectionProperties: JDBC_PROPERTIES });
	const plan = await run(jdbcForm('tf-description', { operation: 'createOrUpdate', additionalFields: { description: 'Second Description' }, options: { dryRun: true } }));
	expect(plan.output[0].json).toMatchObject({ action: 'wouldUpdate', differences: ['Description'] });
});

test('tags: key1 = value1 on create, stored as tags of the connection', async () => {
	const create = await createThroughNode(jdbcForm('tf-tags', { additionalFields: { tags: { pairs: [{ key: 'key1', value: 'value1' }] } } }));
	expect(create.ConnectionInput.ConnectionProperties).toEqual(JDBC_PROPERTIES);
	expect(create.Tags).toEqual({ key1: 'value1' });
	const { Tags } = await direct.send(new glue.GetTagsCommand({ ResourceArn: 'arn:aws:glue:us-east-1:123456789012:connection/tf-tags' }));
	expect(Tags).toEqual({ key1: 'value1' });
});

test('match criteria: four in order, then plans for one and for three', async () => {
	const create = await createThroughNode(jdbcForm('tf-match', { additionalFields: { matchCriteria: 'criteria1, criteria2, criteria3, criteria4' } }));
	expect(create.ConnectionInput).toEqual({
		Name: 'tf-match',
		ConnectionType: 'JDBC',
		MatchCriteria: ['criteria1', 'criteria2', 'criteria3', 'criteria4'],
		ConnectionProperties: JDBC_PROPERTIES,
	});
	for (const matchCriteria of ['criteria1', 'criteria2, criteria3, criteria4']) {
		proxy.clear();
		const plan = await run(jdbcForm('tf-match', { operation: 'createOrUpdate', additionalFields: { matchCriteria }, options: { dryRun: true } }));
		expect(plan.error).toBeUndefined();
		expect(awsOperations()).toEqual(['GetConnection']);
	}
});

test('physical connection requirements: an Aurora MySQL URL with the VPC settings', async () => {
	const url = 'jdbc:mysql://tf-acc-test.cluster-abc123.us-west-2.rds.amazonaws.com/gluedatabase';
	const create = await createThroughNode(
		jdbcForm('tf-physical', { jdbcConnectionUrl: url, jdbcUsername: 'glueusername', jdbcPassword: 'gluepassword', physicalConnectionRequirements: network }),
	);
	expect(create.ConnectionInput).toEqual({
		Name: 'tf-physical',
		ConnectionType: 'JDBC',
		ConnectionProperties: { JDBC_CONNECTION_URL: url, PASSWORD: 'gluepassword', USERNAME: 'glueusername' },
		PhysicalConnectionRequirements: terraformNetwork,
	});
});

test('MongoDB: connection URL, username and password', async () => {
	const url = 'mongodb://tf-acc-test-1234.example.com:27017/testdatabase';
	const create = await createThroughNode({
		operation: 'create',
		name: 'tf-mongodb',
		connectionType: 'MONGODB',
		mongodbConnectionUrl: url,
		mongodbUsername: 'testusername',
		mongodbPassword: 'testpassword',
	});
	expect(create.ConnectionInput).toEqual({
		Name: 'tf-mongodb',
		ConnectionType: 'MONGODB',
		ConnectionProperties: { CONNECTION_URL: url, PASSWORD: 'testpassword', USERNAME: 'testusername' },
	});
});

test('Kafka: the bootstrap servers alone (SSL on is AWS default: no KAFKA_SSL_ENABLED)', async () => {
	const servers = 'tf-acc-test-1.example.com:9094,tf-acc-test-2.example.com:9094';
	const create = await createThroughNode({ operation: 'create', name: 'tf-kafka', connectionType: 'KAFKA', kafkaBootstrapServers: servers });
	expect(create.ConnectionInput).toEqual({ Name: 'tf-kafka', ConnectionType: 'KAFKA', ConnectionProperties: { KAFKA_BOOTSTRAP_SERVERS: servers } });
});

test('Network: no properties, only the VPC settings', async () => {
	const create = await createThroughNode({ operation: 'create', name: 'tf-network', connectionType: 'NETWORK', physicalConnectionRequirements: network });
	expect(create.ConnectionInput.ConnectionProperties ?? {}).toEqual({});
	expect(create.ConnectionInput).toMatchObject({ Name: 'tf-network', ConnectionType: 'NETWORK', PhysicalConnectionRequirements: terraformNetwork });
});

test('Snowflake: a SparkProperties JSON string under ConnectionProperties, as Terraform writes it', async () => {
	const spark = JSON.stringify({ secretId: 'tf-acc-test', sfRole: 'TESTETLROLE', sfUrl: 'tf-acc-test.snowflakecomputing.com' });
	const create = await createThroughNode({
		operation: 'create',
		name: 'tf-snowflake',
		connectionType: '__other__',
		otherConnectionType: 'SNOWFLAKE',
		additionalConnectionProperties: { pairs: [{ key: 'SparkProperties', value: spark }] },
	});
	expect(create.ConnectionInput).toEqual({ Name: 'tf-snowflake', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { SparkProperties: spark } });
});

describe('upkeep of connections made by Terraform or the console: unchanged, no update sent', () => {
	const createDirectly = (Name, ConnectionType, ConnectionProperties, extra = {}) =>
		direct.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name, ConnectionType, ConnectionProperties, ...extra } }));

	test('Terraform\'s "required" JDBC connection and the same definition in the form', async () => {
		await createDirectly('tf-upkeep', 'JDBC', JDBC_PROPERTIES);
		const { output, error } = await run(jdbcForm('tf-upkeep', { operation: 'createOrUpdate' }));
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ action: 'unchanged', changed: false, differences: [] });
		expect(awsOperations()).toEqual(['GetConnection']);
	});

	test("Terraform's Kafka connection (no KAFKA_SSL_ENABLED) and the form's default SSL on", async () => {
		const servers = 'tf-acc-test-1.example.com:9094,tf-acc-test-2.example.com:9094';
		await createDirectly('tf-kafka-upkeep', 'KAFKA', { KAFKA_BOOTSTRAP_SERVERS: servers });
		const { output } = await run({ operation: 'createOrUpdate', name: 'tf-kafka-upkeep', connectionType: 'KAFKA', kafkaBootstrapServers: servers, kafkaSslEnabled: true });
		expect(output[0].json).toMatchObject({ action: 'unchanged', differences: [] });
		expect(awsOperations()).toEqual(['GetConnection']);
	});

	test('a console-made connection (JDBC_ENFORCE_SSL "false") and the Host and Port form that writes the same URL', async () => {
		await createDirectly('console-upkeep', 'JDBC', {
			JDBC_CONNECTION_URL: 'jdbc:sqlserver://sales.example.com:1433;databaseName=sales',
			JDBC_ENFORCE_SSL: 'false',
			USERNAME: 'etl',
			PASSWORD: 'console-pass',
		});
		const { output } = await run({
			operation: 'createOrUpdate',
			name: 'console-upkeep',
			connectionType: 'JDBC',
			jdbcConnectUsing: 'hostPort',
			jdbcEngine: 'sqlserver',
			jdbcHost: 'sales.example.com',
			jdbcPort: 1433,
			jdbcDatabase: 'sales',
			jdbcUsername: 'etl',
			jdbcPassword: 'console-pass',
		});
		expect(output[0].json).toMatchObject({ action: 'unchanged', differences: [] });
		expect(awsOperations()).toEqual(['GetConnection']);
	});

	test('a real difference is still found (and planned, not written, in a dry run)', async () => {
		await createDirectly('tf-drift', 'JDBC', { ...JDBC_PROPERTIES, JDBC_ENFORCE_SSL: 'true' });
		const { output } = await run(jdbcForm('tf-drift', { operation: 'createOrUpdate', options: { dryRun: true } }));
		expect(output[0].json).toMatchObject({ action: 'wouldUpdate', differences: ['ConnectionProperties.JDBC_ENFORCE_SSL'] });
		expect(awsOperations()).toEqual(['GetConnection']);
	});
});
