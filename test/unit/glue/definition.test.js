// Pure mapping of the Glue definition form (generic parts) to ConnectionInput, and its rules.
const { buildConnectionInput, buildTestConnectionInput, buildTags, chosenConnectionType } = require('../../../nodes/GlueConnection/common/definition');
const { InputProblem } = require('../../../nodes/shared/validation');

const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
const other = (extra = {}) => ({ connectionType: '__other__', otherConnectionType: 'SNOWFLAKE', additionalConnectionProperties: pairs({ ENDPOINT: 'e' }), ...extra });
const problem = (fn) => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputProblem);
		return error;
	}
	throw new Error('expected an InputProblem');
};

test('a minimal definition maps to a minimal ConnectionInput', () => {
	expect(buildConnectionInput(other(), 'wh')).toEqual({ Name: 'wh', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'e' } });
});

test('every generic field maps to its member', () => {
	const input = buildConnectionInput(
		other({
			physicalConnectionRequirements: { subnetId: 'subnet-0a1', securityGroupIds: 'sg-1,sg-2', availabilityZone: 'us-east-1b' },
			additionalFields: {
				description: 'line one\nline two',
				matchCriteria: 'a,b',
				sparkProperties: pairs({ 'spark.x': '1' }),
				athenaProperties: pairs({ a: '2' }),
				pythonProperties: pairs({ p: '3' }),
				validateCredentials: true,
				validateForComputeEnvironments: ['SPARK', 'ATHENA'],
				tags: pairs({ team: 'data' }),
			},
		}),
		'wh',
	);
	expect(input).toEqual({
		Name: 'wh',
		Description: 'line one\nline two',
		ConnectionType: 'SNOWFLAKE',
		MatchCriteria: ['a', 'b'],
		ConnectionProperties: { ENDPOINT: 'e' },
		SparkProperties: { 'spark.x': '1' },
		AthenaProperties: { a: '2' },
		PythonProperties: { p: '3' },
		PhysicalConnectionRequirements: { SubnetId: 'subnet-0a1', SecurityGroupIdList: ['sg-1', 'sg-2'], AvailabilityZone: 'us-east-1b' },
		ValidateCredentials: true,
		ValidateForComputeEnvironments: ['SPARK', 'ATHENA'],
	});
	expect(buildTags(other({ additionalFields: { tags: pairs({ team: 'data' }) } }))).toEqual({ team: 'data' });
});

test.each([
	['an empty name', '', 'Name'],
	['a 256-character name', 'x'.repeat(256), 'Name'],
	['a name with a line break', 'a\nb', 'Name'],
])('%s is refused', (_, name, field) => {
	expect(problem(() => buildConnectionInput(other(), name)).field).toBe(field);
});

test.each([
	['a description over 2048 characters', { additionalFields: { description: 'd'.repeat(2049) } }, 'Description'],
	['more than 10 match criteria', { additionalFields: { matchCriteria: Array.from({ length: 11 }, (_, i) => `m${i}`).join(',') } }, 'Match Criteria'],
	['a malformed subnet', { physicalConnectionRequirements: { subnetId: 'subnet_x' } }, 'Subnet ID'],
	['a malformed security group', { physicalConnectionRequirements: { securityGroupIds: 'sg-1, group' } }, 'Security Group IDs'],
	['a region given as the AZ', { physicalConnectionRequirements: { availabilityZone: 'us-east-1' } }, 'Availability Zone'],
	['more than 50 tags', { additionalFields: { tags: pairs(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v']))) } }, 'Tags'],
])('%s is refused, naming the field', (_, extra, field) => {
	expect(problem(() => { buildConnectionInput(other(extra), 'wh'); buildTags(other(extra)); }).field).toBe(field);
});

test('more than 100 connection properties are refused', () => {
	const many = pairs(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`K${i}`, 'v'])));
	expect(problem(() => buildConnectionInput(other({ additionalConnectionProperties: many }), 'wh')).problem).toMatch(/at most 100/);
});

test('a type typed by hand is upper-cased and must look like a type code', () => {
	expect(chosenConnectionType({ connectionType: '__other__', otherConnectionType: ' snowflake ' })).toBe('SNOWFLAKE');
	expect(problem(() => chosenConnectionType({ connectionType: '__other__', otherConnectionType: 'snow flake' })).field).toBe('Other Connection Type');
	expect(problem(() => chosenConnectionType({ connectionType: '__other__' })).field).toBe('Other Connection Type');
	expect(chosenConnectionType({ connectionType: 'KAFKA' })).toBe('KAFKA');
});

test('the inline test definition carries type, properties and authentication only', () => {
	expect(buildTestConnectionInput(other({ authenticationType: 'IAM', additionalFields: { description: 'ignored' } }))).toEqual({
		ConnectionType: 'SNOWFLAKE',
		ConnectionProperties: { ENDPOINT: 'e' },
		AuthenticationConfiguration: { AuthenticationType: 'IAM' },
	});
});
