// What Create or Update compares, and what it never can (secrets).
const { definitionDifferences, carriesSecrets } = require('../../../nodes/GlueConnection/common/output');

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
	expect(definitionDifferences(desired, current, ['PASSWORD'])).toEqual([]);
});

test('each real change is reported by path', () => {
	const changed = {
		...desired,
		Description: 'now described',
		ConnectionProperties: { ...desired.ConnectionProperties, HOST: 'db2', SSL: 'true' },
		PhysicalConnectionRequirements: { ...desired.PhysicalConnectionRequirements, SecurityGroupIdList: ['sg-1'] },
		AuthenticationConfiguration: { AuthenticationType: 'BASIC', SecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:mine' },
	};
	expect(definitionDifferences(changed, current, ['PASSWORD'])).toEqual([
		'Description',
		'ConnectionProperties.HOST',
		'ConnectionProperties.SSL',
		'PhysicalConnectionRequirements.SecurityGroupIdList',
		'AuthenticationConfiguration.SecretArn',
	]);
});

test('a property AWS has that the definition lacks is a difference (update removes it)', () => {
	expect(definitionDifferences({ ...desired, ConnectionProperties: { HOST: 'db', PORT: '5432' } }, current, ['PASSWORD'])).toEqual(['ConnectionProperties.USERNAME']);
});

test('a type change is a difference when AWS reports the type', () => {
	expect(definitionDifferences({ ...desired, ConnectionType: 'KAFKA' }, current, ['PASSWORD'])).toContain('ConnectionType');
	expect(definitionDifferences({ ...desired, ConnectionType: 'KAFKA' }, { ...current, ConnectionType: undefined }, ['PASSWORD'])).not.toContain('ConnectionType');
});

test('carriesSecrets sees secret properties and inline credentials', () => {
	expect(carriesSecrets(desired, ['PASSWORD'])).toBe(true);
	expect(carriesSecrets({ ConnectionProperties: { HOST: 'x' } }, ['PASSWORD'])).toBe(false);
	expect(carriesSecrets({ ConnectionProperties: {}, AuthenticationConfiguration: { OAuth2Properties: { OAuth2Credentials: { AccessToken: 't' } } } }, [])).toBe(true);
});
