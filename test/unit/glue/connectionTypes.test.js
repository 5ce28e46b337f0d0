// Pure tests of the first-class connection type forms: each form's mapping to ConnectionProperties
// and every validation rule (passing and failing), through buildConnectionInput as the node uses it,
// plus the registry's display rules and field names.
const { buildConnectionInput, buildTestConnectionInput, definitionFields } = require('../../../nodes/GlueConnection/common/definition');
const { secretSdkPaths } = require('../../../nodes/shared/secretModel');
const { CONNECTION_TYPE_FORMS, findConnectionTypeForm } = require('../../../nodes/GlueConnection/connectionTypes');
const { GLUE_CONNECTION_PROPERTY_KEYS } = require('../../../nodes/shared/sdkEnums.generated');
const { InputProblem } = require('../../../nodes/shared/validation');
const { checkGlueRequest } = require('../../../nodes/GlueConnection/common/check');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const nodeProperties = new GlueConnection().description.properties;

const SECRET = 'Pa55-marker-never-echoed';
const properties = (bag) => buildConnectionInput(bag, 'conn').ConnectionProperties;
const problem = (bag) => {
	try {
		buildConnectionInput(bag, 'conn');
	} catch (error) {
		expect(error).toBeInstanceOf(InputProblem);
		expect(error.message).not.toContain(SECRET);
		return error;
	}
	throw new Error('expected an InputProblem');
};

describe('JDBC', () => {
	const hostPort = (extra = {}) => ({
		connectionType: 'JDBC',
		jdbcConnectUsing: 'hostPort',
		jdbcEngine: 'postgres',
		jdbcHost: 'db.example.com',
		jdbcPort: 5432,
		jdbcDatabase: 'sales',
		jdbcUsername: 'etl',
		jdbcPassword: SECRET,
		...extra,
	});
	const byUrl = (extra = {}) => hostPort({ jdbcConnectUsing: 'url', jdbcConnectionUrl: 'jdbc:postgresql://db.example.com:5432/sales', ...extra });

	test('host, port, engine and database become the JDBC URL alone (no HOST, PORT, JDBC_ENGINE, DATABASE), with username and password', () => {
		expect(properties(hostPort())).toEqual({
			JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:5432/sales',
			USERNAME: 'etl',
			PASSWORD: SECRET,
		});
	});

	test.each([
		['postgres', 5432, 'jdbc:postgresql://db.example.com:5432/sales'],
		['aurora-postgresql', 5432, 'jdbc:postgresql://db.example.com:5432/sales'],
		['mysql', 3306, 'jdbc:mysql://db.example.com:3306/sales'],
		['aurora-mysql', 3306, 'jdbc:mysql://db.example.com:3306/sales'],
		['mariadb', 3306, 'jdbc:mysql://db.example.com:3306/sales'],
		['redshift', 5439, 'jdbc:redshift://db.example.com:5439/sales'],
		['oracle', 1521, 'jdbc:oracle:thin://@db.example.com:1521/sales'],
		['sqlserver', 1433, 'jdbc:sqlserver://db.example.com:1433;databaseName=sales'],
	])('engine %s writes the URL AWS Glue documents for it', (jdbcEngine, jdbcPort, url) => {
		expect(properties(hostPort({ jdbcEngine, jdbcPort })).JDBC_CONNECTION_URL).toBe(url);
	});

	test('Host and Port is the default way; a port from an expression may be a string', () => {
		const { jdbcConnectUsing, ...bag } = hostPort({ jdbcPort: '3306', jdbcEngine: 'mysql' });
		expect(jdbcConnectUsing).toBe('hostPort');
		expect(properties(bag)).toMatchObject({ JDBC_CONNECTION_URL: 'jdbc:mysql://db.example.com:3306/sales' });
	});

	test('Host and Port and the same JDBC URL write the same properties', () => {
		expect(properties(hostPort())).toEqual(properties(byUrl()));
	});

	test('a JDBC URL replaces host, port and engine; the engine version is optional', () => {
		expect(properties(byUrl({ jdbcEngineVersion: '15' }))).toEqual({
			JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:5432/sales',
			JDBC_ENGINE_VERSION: '15',
			USERNAME: 'etl',
			PASSWORD: SECRET,
		});
	});

	test('a Secrets Manager secret replaces username and password', () => {
		const input = properties(byUrl({ jdbcCredentials: 'secret', jdbcSecretId: 'glue/sales-db' }));
		expect(input).toEqual({ JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:5432/sales', SECRET_ID: 'glue/sales-db' });
		const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:glue-AbC123';
		expect(properties(byUrl({ jdbcCredentials: 'secret', jdbcSecretId: arn })).SECRET_ID).toBe(arn);
	});

	test('"From Authentication Type" sends no credentials and needs an Authentication Type', () => {
		const bag = byUrl({ jdbcCredentials: 'authentication' });
		expect(problem(bag).field).toBe('Authentication Type');
		const input = buildConnectionInput(
			{ ...bag, authenticationType: 'BASIC', authCredentialsArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db' },
			'conn',
		);
		expect(input.ConnectionProperties).toEqual({ JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:5432/sales' });
		expect(input.AuthenticationConfiguration.AuthenticationType).toBe('BASIC');
	});

	test('SSL: enforce, custom certificate, skip validation and certificate string (booleans may be strings)', () => {
		expect(
			properties(
				byUrl({
					jdbcEnforceSsl: 'true',
					jdbcCustomCert: 's3://certs-bucket/ca.pem',
					jdbcSkipCertValidation: true,
					jdbcCustomCertString: 'CN=db.example.com',
				}),
			),
		).toMatchObject({
			JDBC_ENFORCE_SSL: 'true',
			CUSTOM_JDBC_CERT: 's3://certs-bucket/ca.pem',
			SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true',
			CUSTOM_JDBC_CERT_STRING: 'CN=db.example.com',
		});
		// Validating the certificate is AWS's default: not sent.
		const plain = properties(byUrl({ jdbcEnforceSsl: true, jdbcCustomCert: 's3://certs-bucket/ca.pem' }));
		expect(plain).not.toHaveProperty('SKIP_CUSTOM_JDBC_CERT_VALIDATION');
		expect(plain).toMatchObject({ JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: 's3://certs-bucket/ca.pem' });
	});

	test('Enforce SSL off is AWS default: nothing is sent, and the SSL settings n8n hides are ignored', () => {
		const input = properties(byUrl({ jdbcEnforceSsl: false, jdbcCustomCert: 'not-a-url', jdbcSkipCertValidation: true }));
		expect(input).not.toHaveProperty('JDBC_ENFORCE_SSL');
		expect(input).not.toHaveProperty('CUSTOM_JDBC_CERT');
		expect(input).not.toHaveProperty('SKIP_CUSTOM_JDBC_CERT_VALIDATION');
	});

	test('a property the form leaves to AWS may be set explicitly under Additional Connection Properties', () => {
		const input = properties(byUrl({ additionalConnectionProperties: { pairs: [{ key: 'JDBC_ENFORCE_SSL', value: 'false' }] } }));
		expect(input.JDBC_ENFORCE_SSL).toBe('false');
	});

	test('a custom driver needs its JAR in S3 and its class name', () => {
		expect(properties(byUrl({ jdbcDriverJarUri: 's3://drivers-bucket/pg.jar', jdbcDriverClassName: 'org.postgresql.Driver' }))).toMatchObject({
			JDBC_DRIVER_JAR_URI: 's3://drivers-bucket/pg.jar',
			JDBC_DRIVER_CLASS_NAME: 'org.postgresql.Driver',
		});
	});

	test.each([
		['no host', hostPort({ jdbcHost: '' }), 'Host'],
		['a host with a scheme', hostPort({ jdbcHost: 'https://db.example.com' }), 'Host'],
		['a host with a port', hostPort({ jdbcHost: 'db.example.com:5432' }), 'Host'],
		['port 0', hostPort({ jdbcPort: 0 }), 'Port'],
		['port 65536', hostPort({ jdbcPort: 65536 }), 'Port'],
		['a port that is not a number', hostPort({ jdbcPort: 'abc' }), 'Port'],
		['no port', hostPort({ jdbcPort: undefined }), 'Port'],
		['an unknown engine', hostPort({ jdbcEngine: 'db2' }), 'Database Engine'],
		['no engine', hostPort({ jdbcEngine: '' }), 'Database Engine'],
		['a database name with a space', hostPort({ jdbcDatabase: 'my db' }), 'Database'],
		['no database', hostPort({ jdbcDatabase: '' }), 'Database'],
		['a database name with a URL separator', hostPort({ jdbcDatabase: 'sales;user=x' }), 'Database'],
		['an unknown way to connect', hostPort({ jdbcConnectUsing: 'dsn' }), 'Connect Using'],
		['no JDBC URL', byUrl({ jdbcConnectionUrl: '' }), 'JDBC URL'],
		['a URL without jdbc:', byUrl({ jdbcConnectionUrl: 'postgresql://db:5432/sales' }), 'JDBC URL'],
		['a URL with a space', byUrl({ jdbcConnectionUrl: 'jdbc:postgresql://db:5432/my sales' }), 'JDBC URL'],
		['a URL with user:password@', byUrl({ jdbcConnectionUrl: `jdbc:postgresql://etl:${SECRET}@db:5432/sales` }), 'JDBC URL'],
		['a URL with password=', byUrl({ jdbcConnectionUrl: `jdbc:postgresql://db:5432/sales?user=etl&password=${SECRET}` }), 'JDBC URL'],
		['no username', byUrl({ jdbcUsername: '' }), 'Username'],
		['a username with a space', byUrl({ jdbcUsername: 'e t l' }), 'Username'],
		['no password', byUrl({ jdbcPassword: '' }), 'Password'],
		['a password over 1024 characters', byUrl({ jdbcPassword: SECRET.repeat(50) }), 'Password'],
		['no secret ID', byUrl({ jdbcCredentials: 'secret', jdbcSecretId: '' }), 'Secret ID'],
		['a secret ID with a space', byUrl({ jdbcCredentials: 'secret', jdbcSecretId: 'my secret' }), 'Secret ID'],
		['an unknown credentials choice', byUrl({ jdbcCredentials: 'kerberos' }), 'Credentials'],
		['a certificate that is not in S3', byUrl({ jdbcEnforceSsl: true, jdbcCustomCert: 'https://example.com/ca.pem' }), 'Custom JDBC Certificate'],
		['skip validation without a certificate', byUrl({ jdbcEnforceSsl: true, jdbcSkipCertValidation: 'true' }), 'Skip Certificate Validation'],
		['a driver JAR without class name', byUrl({ jdbcDriverJarUri: 's3://drivers-bucket/pg.jar' }), 'Driver Class Name'],
		['a driver class name without JAR', byUrl({ jdbcDriverClassName: 'org.postgresql.Driver' }), 'Driver JAR'],
		['a driver JAR that is not in S3', byUrl({ jdbcDriverJarUri: 'https://example.com/pg.jar', jdbcDriverClassName: 'org.postgresql.Driver' }), 'Driver JAR'],
		['a driver class name that is not a Java class', byUrl({ jdbcDriverJarUri: 's3://drivers-bucket/pg.jar', jdbcDriverClassName: 'org.postgresql.1Driver' }), 'Driver Class Name'],
		['an engine version with a space', byUrl({ jdbcEngineVersion: '15 beta' }), 'Engine Version'],
	])('refuses %s', (_, bag, field) => {
		expect(problem(bag).field).toBe(field);
	});
});

describe('KAFKA', () => {
	const kafka = (extra = {}) => ({ connectionType: 'KAFKA', kafkaBootstrapServers: 'b-1.example.com:9094, b-2.example.com:9094', ...extra });

	test('bootstrap servers are trimmed and joined; SSL on is AWS default and not sent', () => {
		expect(properties(kafka())).toEqual({ KAFKA_BOOTSTRAP_SERVERS: 'b-1.example.com:9094,b-2.example.com:9094' });
		expect(properties(kafka({ kafkaSslEnabled: true }))).toEqual({ KAFKA_BOOTSTRAP_SERVERS: 'b-1.example.com:9094,b-2.example.com:9094' });
		expect(properties(kafka({ kafkaBootstrapServers: '10.0.0.1:9092' })).KAFKA_BOOTSTRAP_SERVERS).toBe('10.0.0.1:9092');
	});

	test('SSL off (also as the string "false") drops the SSL settings', () => {
		expect(properties(kafka({ kafkaSslEnabled: 'false', kafkaCustomCert: 'bad', kafkaClientKeystore: 'bad' }))).toEqual({
			KAFKA_BOOTSTRAP_SERVERS: 'b-1.example.com:9094,b-2.example.com:9094',
			KAFKA_SSL_ENABLED: 'false',
		});
	});

	test('custom certificate, skip validation and client keystore with its passwords', () => {
		expect(
			properties(
				kafka({
					kafkaSslEnabled: true,
					kafkaCustomCert: 's3://certs-bucket/kafka-ca.pem',
					kafkaSkipCertValidation: 'true',
					kafkaClientKeystore: 's3://certs-bucket/client.jks',
					kafkaClientKeystorePassword: `${SECRET}-ks`,
					kafkaClientKeyPassword: `${SECRET}-key`,
				}),
			),
		).toEqual({
			KAFKA_BOOTSTRAP_SERVERS: 'b-1.example.com:9094,b-2.example.com:9094',
			KAFKA_CUSTOM_CERT: 's3://certs-bucket/kafka-ca.pem',
			KAFKA_SKIP_CUSTOM_CERT_VALIDATION: 'true',
			KAFKA_CLIENT_KEYSTORE: 's3://certs-bucket/client.jks',
			KAFKA_CLIENT_KEYSTORE_PASSWORD: `${SECRET}-ks`,
			KAFKA_CLIENT_KEY_PASSWORD: `${SECRET}-key`,
		});
	});

	const base = { KAFKA_BOOTSTRAP_SERVERS: 'b-1.example.com:9094,b-2.example.com:9094' };
	test.each([
		['None', { kafkaSaslMechanism: 'none' }, {}],
		['SCRAM-SHA-512 with username and password', { kafkaSaslMechanism: 'SCRAM-SHA-512', kafkaSaslScramUsername: 'glue', kafkaSaslScramPassword: SECRET }, { KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_SCRAM_USERNAME: 'glue', KAFKA_SASL_SCRAM_PASSWORD: SECRET }],
		[
			'SCRAM-SHA-512 with a secret',
			{ kafkaSaslMechanism: 'SCRAM-SHA-512', kafkaSaslScramCredentials: 'secret', kafkaSaslScramArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_glue', kafkaSaslScramPassword: SECRET },
			{ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_SCRAM_SECRETS_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_glue' },
		],
		[
			'GSSAPI',
			{ kafkaSaslMechanism: 'GSSAPI', kafkaSaslKerberosKeytab: 's3://krb-bucket/glue.keytab', kafkaSaslKerberosKrb5Conf: 's3://krb-bucket/krb5.conf', kafkaSaslKerberosService: 'kafka', kafkaSaslKerberosPrincipal: 'glue@EXAMPLE.COM' },
			{ KAFKA_SASL_MECHANISM: 'GSSAPI', KAFKA_SASL_GSSAPI_KEYTAB: 's3://krb-bucket/glue.keytab', KAFKA_SASL_GSSAPI_KRB5_CONF: 's3://krb-bucket/krb5.conf', KAFKA_SASL_GSSAPI_SERVICE: 'kafka', KAFKA_SASL_GSSAPI_PRINCIPAL: 'glue@EXAMPLE.COM' },
		],
		['AWS_MSK_IAM', { kafkaSaslMechanism: 'AWS_MSK_IAM', kafkaSaslPlainUsername: 'ignored' }, { KAFKA_SASL_MECHANISM: 'AWS_MSK_IAM' }],
		['PLAIN', { kafkaSaslMechanism: 'PLAIN', kafkaSaslPlainUsername: 'glue', kafkaSaslPlainPassword: SECRET }, { KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_PLAIN_USERNAME: 'glue', KAFKA_SASL_PLAIN_PASSWORD: SECRET }],
	])('SASL %s sends exactly its properties', (_, extra, expected) => {
		expect(properties(kafka(extra))).toEqual({ ...base, ...expected });
	});

	test('each SASL mechanism shows exactly its own fields', () => {
		const kafkaFields = findConnectionTypeForm('KAFKA').fields;
		const shownFor = (mechanism) =>
			kafkaFields.filter((field) => field.displayOptions?.show?.kafkaSaslMechanism?.includes(mechanism)).map((field) => field.name);
		// A secret field comes with its variants for each Secret Values From source (nodes/shared/secrets.ts).
		const withVariants = (name) => [name, `${name}StoredInWorkflowNotice`, `${name}FromSecretsManager`, `${name}FromSecretsManagerKey`, `${name}FromCredential`];
		expect(shownFor('SCRAM-SHA-512')).toEqual(['kafkaSaslScramCredentials', 'kafkaSaslScramUsername', ...withVariants('kafkaSaslScramPassword'), 'kafkaSaslScramArn']);
		expect(shownFor('GSSAPI')).toEqual(['kafkaSaslKerberosKeytab', 'kafkaSaslKerberosKrb5Conf', 'kafkaSaslKerberosService', 'kafkaSaslKerberosPrincipal']);
		expect(shownFor('AWS_MSK_IAM')).toEqual([]);
		expect(shownFor('PLAIN')).toEqual(['kafkaSaslPlainUsername', ...withVariants('kafkaSaslPlainPassword')]);
		expect(kafkaFields.find((field) => field.name === 'kafkaSaslMechanism').options.map((o) => o.value).sort()).toEqual(['AWS_MSK_IAM', 'GSSAPI', 'PLAIN', 'SCRAM-SHA-512', 'none']);
	});

	const gssapi = { kafkaSaslMechanism: 'GSSAPI', kafkaSaslKerberosKeytab: 's3://krb-bucket/glue.keytab', kafkaSaslKerberosKrb5Conf: 's3://krb-bucket/krb5.conf', kafkaSaslKerberosService: 'kafka', kafkaSaslKerberosPrincipal: 'glue@EXAMPLE.COM' };
	test.each([
		['no bootstrap servers', kafka({ kafkaBootstrapServers: ' ' }), 'Bootstrap Servers'],
		['a broker without port', kafka({ kafkaBootstrapServers: 'b-1.example.com' }), 'Bootstrap Servers'],
		['a broker with port 99999', kafka({ kafkaBootstrapServers: 'b-1.example.com:99999' }), 'Bootstrap Servers'],
		['an empty entry in the list', kafka({ kafkaBootstrapServers: 'b-1.example.com:9094,,b-2.example.com:9094' }), 'Bootstrap Servers'],
		['a broker with a scheme', kafka({ kafkaBootstrapServers: 'ssl://b-1.example.com:9094' }), 'Bootstrap Servers'],
		['a custom certificate not in S3', kafka({ kafkaCustomCert: 'https://example.com/ca.pem' }), 'Custom Certificate'],
		['skip validation without a certificate', kafka({ kafkaSkipCertValidation: true }), 'Skip Certificate Validation'],
		['a keystore not in S3', kafka({ kafkaClientKeystore: '/tmp/client.jks', kafkaClientKeystorePassword: SECRET }), 'Client Keystore'],
		['a keystore without its password', kafka({ kafkaClientKeystore: 's3://certs-bucket/client.jks' }), 'Client Keystore Password'],
		['a keystore password without keystore', kafka({ kafkaClientKeystorePassword: SECRET }), 'Client Keystore Password'],
		['a key password without keystore', kafka({ kafkaClientKeyPassword: SECRET }), 'Client Key Password'],
		['an unknown SASL mechanism', kafka({ kafkaSaslMechanism: 'OAUTHBEARER' }), 'SASL Mechanism'],
		['SCRAM without username', kafka({ kafkaSaslMechanism: 'SCRAM-SHA-512', kafkaSaslScramPassword: SECRET }), 'SCRAM Username'],
		['SCRAM without password', kafka({ kafkaSaslMechanism: 'SCRAM-SHA-512', kafkaSaslScramUsername: 'glue' }), 'SCRAM Password'],
		['SCRAM without secret ARN', kafka({ kafkaSaslMechanism: 'SCRAM-SHA-512', kafkaSaslScramCredentials: 'secret' }), 'SCRAM Secret ARN'],
		['SCRAM with a secret that is not an ARN', kafka({ kafkaSaslMechanism: 'SCRAM-SHA-512', kafkaSaslScramCredentials: 'secret', kafkaSaslScramArn: 'AmazonMSK_glue' }), 'SCRAM Secret ARN'],
		['GSSAPI without keytab', kafka({ ...gssapi, kafkaSaslKerberosKeytab: '' }), 'Kerberos Keytab'],
		['GSSAPI with a keytab not in S3', kafka({ ...gssapi, kafkaSaslKerberosKeytab: 'file:///glue.keytab' }), 'Kerberos Keytab'],
		['GSSAPI without krb5.conf', kafka({ ...gssapi, kafkaSaslKerberosKrb5Conf: '' }), 'Kerberos Config (krb5.conf)'],
		['GSSAPI with krb5.conf not in S3', kafka({ ...gssapi, kafkaSaslKerberosKrb5Conf: 'krb5.conf' }), 'Kerberos Config (krb5.conf)'],
		['GSSAPI without service', kafka({ ...gssapi, kafkaSaslKerberosService: '' }), 'Kerberos Service Name'],
		['GSSAPI without principal', kafka({ ...gssapi, kafkaSaslKerberosPrincipal: '' }), 'Kerberos Principal'],
		['PLAIN without username', kafka({ kafkaSaslMechanism: 'PLAIN', kafkaSaslPlainPassword: SECRET }), 'PLAIN Username'],
		['PLAIN without password', kafka({ kafkaSaslMechanism: 'PLAIN', kafkaSaslPlainUsername: 'glue' }), 'PLAIN Password'],
	])('refuses %s', (_, bag, field) => {
		expect(problem(bag).field).toBe(field);
	});
});

describe('MONGODB', () => {
	const mongo = (extra = {}) => ({ connectionType: 'MONGODB', mongodbConnectionUrl: 'mongodb://docdb.example.com:27017/sales', mongodbUsername: 'etl', mongodbPassword: SECRET, ...extra });

	test('connection URL with username and password, or with a secret', () => {
		expect(properties(mongo())).toEqual({ CONNECTION_URL: 'mongodb://docdb.example.com:27017/sales', USERNAME: 'etl', PASSWORD: SECRET });
		expect(properties(mongo({ mongodbConnectionUrl: 'mongodb+srv://cluster0.example.net/sales', mongodbCredentials: 'secret', mongodbSecretId: 'glue/mongo' }))).toEqual({
			CONNECTION_URL: 'mongodb+srv://cluster0.example.net/sales',
			SECRET_ID: 'glue/mongo',
		});
	});

	test.each([
		['no URL', mongo({ mongodbConnectionUrl: '' }), 'Connection URL'],
		['an http URL', mongo({ mongodbConnectionUrl: 'http://docdb.example.com:27017' }), 'Connection URL'],
		['a URL with credentials', mongo({ mongodbConnectionUrl: `mongodb://etl:${SECRET}@docdb.example.com:27017/sales` }), 'Connection URL'],
		['no username', mongo({ mongodbUsername: '' }), 'Username'],
		['no password', mongo({ mongodbPassword: '' }), 'Password'],
		['no secret ID', mongo({ mongodbCredentials: 'secret' }), 'Secret ID'],
		['"From Authentication Type", which MONGODB does not offer', mongo({ mongodbCredentials: 'authentication' }), 'Credentials'],
	])('refuses %s', (_, bag, field) => {
		expect(problem(bag).field).toBe(field);
	});
});

describe('NETWORK', () => {
	const network = { subnetId: 'subnet-0abc', securityGroupIds: 'sg-01, sg-02', availabilityZone: 'eu-west-1a' };

	test('has no fields or properties of its own and needs the whole Network (VPC) part', () => {
		expect(findConnectionTypeForm('NETWORK').fields).toEqual([]);
		expect(buildConnectionInput({ connectionType: 'NETWORK', physicalConnectionRequirements: network }, 'net')).toEqual({
			Name: 'net',
			ConnectionType: 'NETWORK',
			ConnectionProperties: {},
			PhysicalConnectionRequirements: { SubnetId: 'subnet-0abc', SecurityGroupIdList: ['sg-01', 'sg-02'], AvailabilityZone: 'eu-west-1a' },
		});
	});

	test.each([
		['no Network (VPC) at all', {}, 'Subnet ID'],
		['no subnet', { ...network, subnetId: '' }, 'Subnet ID'],
		['no security groups', { ...network, securityGroupIds: '' }, 'Security Group IDs'],
		['no Availability Zone', { ...network, availabilityZone: '' }, 'Availability Zone'],
	])('refuses %s', (_, physical, field) => {
		expect(problem({ connectionType: 'NETWORK', physicalConnectionRequirements: physical }).field).toBe(field);
	});

	test('Test Definition (which has no Network part) is not refused', () => {
		expect(buildTestConnectionInput({ connectionType: 'NETWORK' })).toEqual({ ConnectionType: 'NETWORK', ConnectionProperties: {} });
	});
});

describe.each([
	['MARKETPLACE', 'marketplace', 'https://709825985650.dkr.ecr.us-east-1.amazonaws.com/vendor/snowflake:1.0.0'],
	['CUSTOM', 'custom', 's3://connectors-bucket/snowflake.jar'],
])('%s', (type, prefix, connectorUrl) => {
	const connector = (extra = {}) => ({
		connectionType: type,
		[`${prefix}ConnectorType`]: 'Jdbc',
		[`${prefix}ConnectorUrl`]: connectorUrl,
		[`${prefix}ConnectorClassName`]: 'net.snowflake.client.jdbc.SnowflakeDriver',
		[`${prefix}ConnectionUrl`]: 'jdbc:snowflake://acme.snowflakecomputing.com/?db=sales',
		[`${prefix}Username`]: 'etl',
		[`${prefix}Password`]: SECRET,
		...extra,
	});

	test('a Jdbc connector sends its four properties and credentials', () => {
		expect(properties(connector())).toEqual({
			CONNECTOR_TYPE: 'Jdbc',
			CONNECTOR_URL: connectorUrl,
			CONNECTOR_CLASS_NAME: 'net.snowflake.client.jdbc.SnowflakeDriver',
			CONNECTION_URL: 'jdbc:snowflake://acme.snowflakecomputing.com/?db=sales',
			USERNAME: 'etl',
			PASSWORD: SECRET,
		});
		expect(properties(connector({ [`${prefix}Credentials`]: 'secret', [`${prefix}SecretId`]: 'glue/snowflake' }))).toMatchObject({ SECRET_ID: 'glue/snowflake' });
	});

	test('a Spark connector needs no credentials and sends none', () => {
		expect(properties(connector({ [`${prefix}ConnectorType`]: 'Spark', [`${prefix}ConnectionUrl`]: 'https://acme.example.com/api' }))).toEqual({
			CONNECTOR_TYPE: 'Spark',
			CONNECTOR_URL: connectorUrl,
			CONNECTOR_CLASS_NAME: 'net.snowflake.client.jdbc.SnowflakeDriver',
			CONNECTION_URL: 'https://acme.example.com/api',
		});
	});

	test('credentials fields only show for Jdbc connectors', () => {
		const fields = findConnectionTypeForm(type).fields.filter((field) => field.name.startsWith(`${prefix}Username`) || field.name === `${prefix}Credentials`);
		expect(fields).toHaveLength(2);
		for (const field of fields) expect(field.displayOptions.show[`${prefix}ConnectorType`]).toEqual(['Jdbc']);
	});

	test.each([
		['an unknown connector type', { [`${prefix}ConnectorType`]: 'Odbc' }, 'Connector Type'],
		['no connector URL', { [`${prefix}ConnectorUrl`]: '' }, 'Connector URL'],
		['a connector URL that is not a URL', { [`${prefix}ConnectorUrl`]: 'connector.jar' }, 'Connector URL'],
		['no connector class name', { [`${prefix}ConnectorClassName`]: '' }, 'Connector Class Name'],
		['a class name that is not a Java class', { [`${prefix}ConnectorClassName`]: 'snowflake driver' }, 'Connector Class Name'],
		['no connection URL', { [`${prefix}ConnectionUrl`]: '' }, 'Connection URL'],
		['a Jdbc connection URL without jdbc:', { [`${prefix}ConnectionUrl`]: 'snowflake://acme' }, 'Connection URL'],
		['a Jdbc connector without username', { [`${prefix}Username`]: '' }, 'Username'],
		['a Jdbc connector without password', { [`${prefix}Password`]: '' }, 'Password'],
	])('refuses %s', (_, extra, field) => {
		expect(problem(connector(extra)).field).toBe(field);
	});

	test('a Jdbc connector request without credentials is refused, whoever built it; a Spark one needs none', () => {
		const request = (connectorType, connectionUrl) => ({
			Name: 'n',
			ConnectionType: type,
			ConnectionProperties: { CONNECTOR_TYPE: connectorType, CONNECTOR_URL: connectorUrl, CONNECTOR_CLASS_NAME: 'com.example.Driver', CONNECTION_URL: connectionUrl },
		});
		expect(() => checkGlueRequest(request('Jdbc', 'jdbc:snowflake://acme'), (path) => path)).toThrow(/^ConnectionProperties\.USERNAME: is required/);
		expect(() => checkGlueRequest(request('Spark', 'https://acme.example.com'), (path) => path)).not.toThrow();
	});

	test('the connector URL rule of the type', () => {
		const https = { [`${prefix}ConnectorUrl`]: 'https://example.com/connector.jar' };
		if (type === 'CUSTOM') expect(problem(connector(https)).field).toBe('Connector URL');
		else expect(properties(connector(https)).CONNECTOR_URL).toBe('https://example.com/connector.jar');
		expect(properties(connector({ [`${prefix}ConnectorUrl`]: 's3://connectors-bucket/c.jar' })).CONNECTOR_URL).toBe('s3://connectors-bucket/c.jar');
	});
});

describe('SALESFORCE', () => {
	const oauth2 = {
		authenticationType: 'OAUTH2',
		authOauth2GrantType: 'CLIENT_CREDENTIALS',
		authOauth2ClientApplication: 'userManaged',
		authOauth2ClientId: 'client-1',
		authOauth2EndpointUrl: 'https://login.salesforce.com/services/oauth2/token',
	};
	const salesforce = (extra = {}) => ({ connectionType: 'SALESFORCE', salesforceInstanceUrl: 'https://acme.my.salesforce.com', ...oauth2, ...extra });

	test('the instance URL goes in INSTANCE_URL, with OAuth2 authentication', () => {
		const input = buildConnectionInput(salesforce(), 'sf');
		expect(input.ConnectionProperties).toEqual({ INSTANCE_URL: 'https://acme.my.salesforce.com' });
		expect(input.AuthenticationConfiguration.AuthenticationType).toBe('OAUTH2');
	});

	test.each([
		['no instance URL', salesforce({ salesforceInstanceUrl: '' }), 'Instance URL'],
		['an http instance URL', salesforce({ salesforceInstanceUrl: 'http://acme.my.salesforce.com' }), 'Instance URL'],
		['an instance URL with a path', salesforce({ salesforceInstanceUrl: 'https://acme.my.salesforce.com/home' }), 'Instance URL'],
		['no authentication', salesforce({ authenticationType: '' }), 'Authentication Type'],
		['Basic authentication', salesforce({ authenticationType: 'BASIC', authCredentialsArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:sf' }), 'Authentication Type'],
	])('refuses %s', (_, bag, field) => {
		expect(problem(bag).field).toBe(field);
	});
});

describe('the registry', () => {
	const TYPES = ['JDBC', 'KAFKA', 'MONGODB', 'NETWORK', 'MARKETPLACE', 'CUSTOM', 'SALESFORCE'];

	test('holds one form per first-class type', () => {
		expect(CONNECTION_TYPE_FORMS.map((form) => form.type)).toEqual(TYPES);
	});

	test("each form's fields are shown only for its type, in the definition operations", () => {
		for (const form of CONNECTION_TYPE_FORMS) {
			for (const own of form.fields) {
				const shown = nodeProperties.filter((field) => field.name === own.name);
				expect(shown).toHaveLength(1);
				expect(shown[0].displayOptions.show.connectionType).toEqual([form.type]);
				expect(shown[0].displayOptions.show.resource).toEqual(['connection']);
				expect(shown[0].displayOptions.show.operation.sort()).toEqual(['create', 'createOrUpdate', 'reconcile', 'testDefinition', 'update']);
				// The field's own conditions stay.
				for (const [key, values] of Object.entries(own.displayOptions?.show ?? {})) expect(shown[0].displayOptions.show[key]).toEqual(values);
			}
		}
	});

	test('no two forms (nor the generic form) share a field name; names carry the type as prefix', () => {
		const names = definitionFields.map((field) => field.name);
		expect(new Set(names).size).toBe(names.length);
		for (const form of CONNECTION_TYPE_FORMS) {
			for (const field of form.fields) expect(field.name.startsWith(form.type.toLowerCase())).toBe(true);
		}
	});

	test('n8n UX: Title Case labels, "Whether" for booleans, "e.g." placeholders, password fields for secrets', () => {
		for (const form of CONNECTION_TYPE_FORMS) {
			for (const field of form.fields.filter((candidate) => candidate.type !== 'notice')) {
				const minor = ['a', 'an', 'and', 'or', 'of', 'the', 'to', 'in', 'for', 'from'];
				for (const word of field.displayName.split(' ').filter((w) => !minor.includes(w))) expect(word[0]).toBe(word[0].toUpperCase());
				if (field.type === 'boolean') expect(field.description).toMatch(/^Whether /);
				if (field.placeholder) expect(field.placeholder).toMatch(/^e\.g\. /);
				if (/Password$/.test(field.displayName)) expect(field.typeOptions).toEqual({ password: true });
			}
		}
	});

	test('secret property keys (from the secret model): every password key of the forms, known to the SDK', () => {
		const keys = secretSdkPaths('glue')
			.filter((path) => /^ConnectionProperties\.[A-Z_]+$/.test(path))
			.map((path) => path.split('.')[1]);
		expect(keys).toEqual(
			expect.arrayContaining(['PASSWORD', 'KAFKA_CLIENT_KEYSTORE_PASSWORD', 'KAFKA_CLIENT_KEY_PASSWORD', 'KAFKA_SASL_SCRAM_PASSWORD', 'KAFKA_SASL_PLAIN_PASSWORD']),
		);
		for (const key of keys) expect(GLUE_CONNECTION_PROPERTY_KEYS).toContain(key);
	});
});
