// The first-class connection type forms in n8n-core's real engine (SDK mocked): the exact
// CreateConnection input n8n's parameter handling (defaults, hidden fields, expressions) produces
// for JDBC, KAFKA, MONGODB and NETWORK; validation stopping before AWS; passwords never echoed.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const glueMock = mockClient(glue.GlueClient);
beforeEach(() => {
	glueMock.reset();
	glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
});

const run = (parameters, options = {}) => runNode({ node: new GlueConnection(), parameters: { operation: 'create', ...parameters }, ...options });
const sent = () => glueMock.commandCalls(glue.CreateConnectionCommand).map((call) => call.args[0].input);
const PASSWORD = 'engine-Pa55word-marker';

test('JDBC: host and port with the form defaults (engine, port, SSL off), a hidden URL is dropped', async () => {
	const { output, error } = await run({
		name: 'sales-pg',
		connectionType: 'JDBC',
		jdbcHost: 'db.example.com',
		jdbcDatabase: 'sales',
		// Hidden (Connect Using is Host and Port): n8n drops it, so it must not be sent.
		jdbcConnectionUrl: 'jdbc:mysql://other:3306/x',
		jdbcUsername: 'etl',
		jdbcPassword: PASSWORD,
	});
	expect(error).toBeUndefined();
	expect(sent()).toEqual([
		{
			ConnectionInput: {
				Name: 'sales-pg',
				ConnectionType: 'JDBC',
				// The defaults (Host and Port, PostgreSQL, 5432, SSL off) are not sent as such: only the URL.
				ConnectionProperties: {
					JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:5432/sales',
					USERNAME: 'etl',
					PASSWORD,
				},
			},
		},
	]);
	expect(output[0].json).toEqual({ name: 'sales-pg', connectionType: 'JDBC', status: 'READY', action: 'created', changed: true });
	expect(JSON.stringify(output)).not.toContain(PASSWORD);
});

test('JDBC: a URL and SSL from expressions, with a Secrets Manager secret', async () => {
	const { error } = await run(
		{
			name: 'sales-url',
			connectionType: 'JDBC',
			jdbcConnectUsing: 'url',
			jdbcConnectionUrl: '={{ $json.url }}',
			jdbcCredentials: 'secret',
			jdbcSecretId: 'glue/sales',
			jdbcEnforceSsl: '={{ $json.ssl }}',
			jdbcCustomCert: 's3://certs-bucket/ca.pem',
		},
		{ inputItems: [{ url: 'jdbc:postgresql://db.example.com:5432/sales', ssl: 'true' }] },
	);
	expect(error).toBeUndefined();
	expect(sent()[0].ConnectionInput.ConnectionProperties).toEqual({
		JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:5432/sales',
		SECRET_ID: 'glue/sales',
		JDBC_ENFORCE_SSL: 'true',
		CUSTOM_JDBC_CERT: 's3://certs-bucket/ca.pem',
	});
});

test('KAFKA with SASL/SCRAM-SHA-512: only the fields of that mechanism are sent', async () => {
	const { error } = await run({
		name: 'events',
		connectionType: 'KAFKA',
		kafkaBootstrapServers: 'b-1.example.com:9096, b-2.example.com:9096',
		kafkaSaslMechanism: 'SCRAM-SHA-512',
		kafkaSaslScramUsername: 'glue',
		kafkaSaslScramPassword: PASSWORD,
		// Belongs to PLAIN: hidden for SCRAM-SHA-512.
		kafkaSaslPlainUsername: 'not-sent',
	});
	expect(error).toBeUndefined();
	expect(sent()).toEqual([
		{
			ConnectionInput: {
				Name: 'events',
				ConnectionType: 'KAFKA',
				ConnectionProperties: {
					KAFKA_BOOTSTRAP_SERVERS: 'b-1.example.com:9096,b-2.example.com:9096',
					KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
					KAFKA_SASL_SCRAM_USERNAME: 'glue',
					KAFKA_SASL_SCRAM_PASSWORD: PASSWORD,
				},
			},
		},
	]);
});

test('MONGODB: connection URL and credentials', async () => {
	const { error } = await run({
		name: 'docs',
		connectionType: 'MONGODB',
		mongodbConnectionUrl: 'mongodb://docdb.example.com:27017/sales',
		mongodbUsername: 'etl',
		mongodbPassword: PASSWORD,
	});
	expect(error).toBeUndefined();
	expect(sent()).toEqual([
		{
			ConnectionInput: {
				Name: 'docs',
				ConnectionType: 'MONGODB',
				ConnectionProperties: { CONNECTION_URL: 'mongodb://docdb.example.com:27017/sales', USERNAME: 'etl', PASSWORD },
			},
		},
	]);
});

test('NETWORK: no properties, the Network (VPC) part', async () => {
	const { error } = await run({
		name: 'vpc',
		connectionType: 'NETWORK',
		physicalConnectionRequirements: { subnetId: 'subnet-0abc', securityGroupIds: 'sg-01', availabilityZone: 'eu-west-1a' },
	});
	expect(error).toBeUndefined();
	expect(sent()).toEqual([
		{
			ConnectionInput: {
				Name: 'vpc',
				ConnectionType: 'NETWORK',
				ConnectionProperties: {},
				PhysicalConnectionRequirements: { SubnetId: 'subnet-0abc', SecurityGroupIdList: ['sg-01'], AvailabilityZone: 'eu-west-1a' },
			},
		},
	]);
});

test('a form rule stops the item before any AWS call, naming the field and the item', async () => {
	const { error } = await run(
		{ name: '={{ $json.name }}', connectionType: 'KAFKA', kafkaBootstrapServers: '={{ $json.brokers }}' },
		{ inputItems: [{ name: 'ok', brokers: 'b-1.example.com:9092' }, { name: 'bad', brokers: 'b-1.example.com' }] },
	);
	expect(error.message).toBe('Bootstrap Servers: must be a comma-separated list of host:port pairs, e.g. b-1.example.com:9094 (item 1)');
	expect(sent().map((input) => input.ConnectionInput.Name)).toEqual(['ok']);

	glueMock.resetHistory();
	const network = await run({ name: 'vpc', connectionType: 'NETWORK', physicalConnectionRequirements: { subnetId: 'subnet-0abc' } });
	expect(network.error.message).toBe('Security Group IDs: are required for a NETWORK connection (in Network (VPC)) (item 0)');
	expect(sent()).toEqual([]);
});

test('a password never appears in an error or the output, with continueOnFail', async () => {
	const { output, error } = await run(
		{
			name: '={{ $json.name }}',
			connectionType: 'JDBC',
			jdbcConnectUsing: 'url',
			jdbcConnectionUrl: '={{ $json.url }}',
			jdbcUsername: 'etl',
			jdbcPassword: '={{ $json.password }}',
		},
		{
			inputItems: [
				// The password ended up in the URL: refused without echoing the URL.
				{ name: 'leaky', url: `jdbc:postgresql://etl:${PASSWORD}@db:5432/sales`, password: PASSWORD },
				// Too long a password: refused without echoing it.
				{ name: 'long', url: 'jdbc:postgresql://db:5432/sales', password: PASSWORD.repeat(60) },
				{ name: 'fine', url: 'jdbc:postgresql://db:5432/sales', password: PASSWORD },
			],
			continueOnFail: true,
		},
	);
	expect(error).toBeUndefined();
	expect(output.map((item) => [item.pairedItem.item, item.json.error ?? item.json.action])).toEqual([
		[0, 'JDBC URL: must not contain a password: use the credential fields (item 0)'],
		[1, 'Password: must be 1 to 1024 characters long (it has 1320) (item 1)'],
		[2, 'created'],
	]);
	expect(JSON.stringify(output)).not.toContain(PASSWORD);
	expect(sent().map((input) => input.ConnectionInput.Name)).toEqual(['fine']);
});
