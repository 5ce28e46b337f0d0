// What Create or Update compares, and what it never can (secrets).
const { definitionDifferences } = require('../../../nodes/GlueConnection/common/output');
const { carriesSecrets: carries } = require('../../../nodes/shared/secretModel');

const carriesSecrets = (input, context) => carries('glue', input, context);

const current = {
	Name: 'c',
	ConnectionType: 'JDBC',
	ConnectionProperties: { HOST: 'db', PORT: '5432', USERNAME: 'etl', ENCRYPTED_PASSWORD: 'zzz' },
	MatchCriteria: ['b', 'a'],
	PhysicalConnectionRequirements: { SubnetId: 'subnet-1', SecurityGroupIdList: ['sg-2', 'sg-1'], AvailabilityZone: 'eu-west-1a' },
	AuthenticationConfiguration: { AuthenticationType: 'BASIC', SecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:made-by-aws' },
};
const desired = {
	Name: 'c',
	ConnectionType: 'JDBC',
	ConnectionProperties: { HOST: 'db', PORT: '5432', USERNAME: 'etl', PASSWORD: 'new-pass' },
	MatchCriteria: ['a', 'b'],
	PhysicalConnectionRequirements: { SubnetId: 'subnet-1', SecurityGroupIdList: ['sg-1', 'sg-2'], AvailabilityZone: 'eu-west-1a' },
	AuthenticationConfiguration: { AuthenticationType: 'BASIC', BasicAuthenticationCredentials: { Username: 'u', Password: 'p' } },
};

test('order, secrets, server-managed keys and an AWS-created secret are not differences', () => {
	expect(definitionDifferences(desired, current)).toEqual([]);
});

test('each real change is reported by path', () => {
	const changed = {
		...desired,
		Description: 'now described',
		ConnectionProperties: { ...desired.ConnectionProperties, HOST: 'db2', SSL: 'true' },
		PhysicalConnectionRequirements: { ...desired.PhysicalConnectionRequirements, SecurityGroupIdList: ['sg-1'] },
		AuthenticationConfiguration: { AuthenticationType: 'BASIC', SecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:mine' },
	};
	expect(definitionDifferences(changed, current)).toEqual([
		'Description',
		'ConnectionProperties.HOST',
		'ConnectionProperties.SSL',
		'PhysicalConnectionRequirements.SecurityGroupIdList',
		'AuthenticationConfiguration.SecretArn',
	]);
});

test('a property AWS has that the definition lacks is a difference (update removes it)', () => {
	expect(definitionDifferences({ ...desired, ConnectionProperties: { HOST: 'db', PORT: '5432' } }, current)).toEqual(['ConnectionProperties.USERNAME']);
});

test('a type change is a difference when AWS reports the type', () => {
	expect(definitionDifferences({ ...desired, ConnectionType: 'KAFKA' }, current)).toContain('ConnectionType');
	expect(definitionDifferences({ ...desired, ConnectionType: 'KAFKA' }, { ...current, ConnectionType: undefined })).not.toContain('ConnectionType');
});

test('carriesSecrets sees secret properties and inline credentials', () => {
	expect(carriesSecrets(desired)).toBe(true);
	expect(carriesSecrets({ ConnectionProperties: { HOST: 'x' } })).toBe(false);
	expect(carriesSecrets({ ConnectionProperties: {}, AuthenticationConfiguration: { OAuth2Properties: { OAuth2Credentials: { AccessToken: 't' } } } }, [])).toBe(true);
});

describe("AWS's defaults: absent on one side, the default on the other, is no difference", () => {
	const { propertyDefaults } = require('../../../nodes/GlueConnection/common/definition');
	const jdbc = (properties) => ({ Name: 'c', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:mysql://db:3306/x', ...properties } });
	const kafka = (properties) => ({ Name: 'k', ConnectionType: 'KAFKA', ConnectionProperties: { KAFKA_BOOTSTRAP_SERVERS: 'b:9094', ...properties } });
	const diff = (wanted, have) => definitionDifferences(wanted, have, {}, propertyDefaults(wanted.ConnectionType));

	test.each([
		['the console wrote JDBC_ENFORCE_SSL false, the form leaves SSL off', jdbc({}), jdbc({ JDBC_ENFORCE_SSL: 'false' })],
		['the form sends JDBC_ENFORCE_SSL false, Terraform wrote none', jdbc({ JDBC_ENFORCE_SSL: 'false' }), jdbc({})],
		['a boolean default in another case', jdbc({}), jdbc({ JDBC_ENFORCE_SSL: 'False' })],
		['SKIP_CUSTOM_JDBC_CERT_VALIDATION false', jdbc({}), jdbc({ SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'false' })],
		['KAFKA_SSL_ENABLED true', kafka({}), kafka({ KAFKA_SSL_ENABLED: 'true' })],
		['KAFKA_SKIP_CUSTOM_CERT_VALIDATION false', kafka({ KAFKA_SKIP_CUSTOM_CERT_VALIDATION: 'false' }), kafka({})],
	])('%s', (_, wanted, have) => {
		expect(diff(wanted, have)).toEqual([]);
	});

	test.each([
		['SSL enforced on one side only', jdbc({ JDBC_ENFORCE_SSL: 'true' }), jdbc({}), 'ConnectionProperties.JDBC_ENFORCE_SSL'],
		['the console enforces SSL, the form does not', jdbc({}), jdbc({ JDBC_ENFORCE_SSL: 'true' }), 'ConnectionProperties.JDBC_ENFORCE_SSL'],
		['Kafka SSL turned off', kafka({ KAFKA_SSL_ENABLED: 'false' }), kafka({}), 'ConnectionProperties.KAFKA_SSL_ENABLED'],
	])('a value other than the default still differs: %s', (_, wanted, have, path) => {
		expect(diff(wanted, have)).toEqual([path]);
	});

	test('a default of one type does not apply to another (KAFKA_SSL_ENABLED on a JDBC connection)', () => {
		expect(diff(jdbc({}), jdbc({ KAFKA_SSL_ENABLED: 'true' }))).toEqual(['ConnectionProperties.KAFKA_SSL_ENABLED']);
	});
});
