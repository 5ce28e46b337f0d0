// The pure parts of Targets: the target list as checked before any request, Replace Values per
// Target on a desired request, and the role session name CloudTrail shows.
const { readTargetList, readTargetReplacements, roleSessionName, withTargetValues } = require('../../../nodes/shared/targets');
const { retarget, retargeter } = require('../../../nodes/shared/reconcileTargets');
const { BOUND_PATHS } = require('../../../nodes/GlueConnection/common/export');

const role = (account, name = 'n8n-connections') => `arn:aws:iam::${account}:role/${name}`;

describe('readTargetList', () => {
	test('each row gives its account (from the Role ARN), Region, External ID and Replace Values', () => {
		expect(
			readTargetList([
				{ roleArn: role('111111111111'), region: 'eu-west-1' },
				{ roleArn: role('222222222222', 'path/deploy'), region: 'us-east-1', externalId: 'partner-42', replaceValues: '{"subnet-a": "subnet-b"}' },
			]),
		).toEqual([
			{ account: '111111111111', region: 'eu-west-1', roleArn: role('111111111111'), replacements: [] },
			{ account: '222222222222', region: 'us-east-1', roleArn: role('222222222222', 'path/deploy'), externalId: 'partner-42', replacements: [{ from: 'subnet-a', to: 'subnet-b' }] },
		]);
	});

	test('an (account, Region) pair twice is refused, even through two roles; the same account in two Regions is not', () => {
		expect(() => readTargetList([{ roleArn: role('111111111111'), region: 'eu-west-1' }, { roleArn: role('111111111111', 'other'), region: 'eu-west-1' }])).toThrow(
			/rows 1 and 2 both target account 111111111111 in eu-west-1/,
		);
		expect(readTargetList([{ roleArn: role('111111111111'), region: 'eu-west-1' }, { roleArn: role('111111111111'), region: 'us-east-1' }])).toHaveLength(2);
	});

	test.each([
		[[], /at least one row/],
		[{}, /must be a list/],
		[[{ roleArn: 'arn:aws:iam::1111:role/x', region: 'eu-west-1' }], /row 1\): Role ARN: "arn:aws:iam::1111:role\/x" is not an IAM role ARN/],
		[[{ roleArn: 'arn:aws:iam::111111111111:user/x', region: 'eu-west-1' }], /is not an IAM role ARN/],
		[[{ roleArn: role('111111111111'), region: 'Ireland' }], /row 1\): Region: "Ireland" is not an AWS Region code/],
		[[{ roleArn: role('111111111111'), region: 'eu-west-1', externalId: 'x' }], /External ID: must be 2 to 1224/],
		[[{ roleArn: role('111111111111'), region: 'eu-west-1', replaceValues: '{bad' }], /Replace Values: is not valid JSON/],
	])('refuses %j', (rows, message) => {
		expect(() => readTargetList(rows)).toThrow(message);
	});
});

test('Replace Values per Target: a {from: to} map or a list of {from, to}; a row without From is refused', () => {
	expect(readTargetReplacements({ 'subnet-a': 'subnet-b', 'eu-west-1': 'us-east-1' }, 'X')).toEqual([
		{ from: 'subnet-a', to: 'subnet-b' },
		{ from: 'eu-west-1', to: 'us-east-1' },
	]);
	expect(readTargetReplacements([{ from: 'a', to: 'b' }], 'X')).toEqual([{ from: 'a', to: 'b' }]);
	expect(readTargetReplacements('{}', 'X')).toEqual([]);
	expect(() => readTargetReplacements([{ to: 'b' }], 'X')).toThrow(/has a To but no From/);
	expect(() => readTargetReplacements('"text"', 'X')).toThrow(/must be a/);
});

test('the role session name names the workflow and the execution, within STS limits', () => {
	expect(roleSessionName('AbC123', '4711')).toBe('n8n-wf-AbC123-ex-4711');
	expect(roleSessionName(undefined, undefined)).toBe('n8n-wf-unsaved-ex-manual');
	const long = roleSessionName('w'.repeat(80), 'id with spaces/and:colons');
	expect(long).toHaveLength(64);
	expect(long).toMatch(/^[\w+=,.@-]+$/);
});

describe('per-target values', () => {
	const input = {
		Name: 'orders',
		Description: 'in subnet-a',
		ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://subnet-a.internal/db', SECRET_ID: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db' },
		PhysicalConnectionRequirements: { SubnetId: 'subnet-a', SecurityGroupIdList: ['sg-1', 'sg-2'], AvailabilityZone: 'eu-west-1a' },
	};
	const replacements = [
		{ from: 'subnet-a', to: 'subnet-b' },
		{ from: 'sg-1', to: 'sg-9' },
		{ from: '111111111111', to: '222222222222' },
		{ from: 'eu-west-1', to: 'us-east-1' },
	];

	test('only values bound to an account or Region change (names, descriptions and URLs stay); the original is not touched', () => {
		const { value, paths } = withTargetValues(input, BOUND_PATHS, replacements);
		expect(value.PhysicalConnectionRequirements).toEqual({ SubnetId: 'subnet-b', SecurityGroupIdList: ['sg-9', 'sg-2'], AvailabilityZone: 'us-east-1a' });
		expect(value.ConnectionProperties).toEqual({ JDBC_CONNECTION_URL: 'jdbc:postgresql://subnet-a.internal/db', SECRET_ID: 'arn:aws:secretsmanager:us-east-1:222222222222:secret:db' });
		expect(value.Description).toBe('in subnet-a');
		expect([...paths].sort()).toEqual(
			['ConnectionProperties.SECRET_ID', 'PhysicalConnectionRequirements.AvailabilityZone', 'PhysicalConnectionRequirements.SecurityGroupIdList[0]', 'PhysicalConnectionRequirements.SubnetId'].sort(),
		);
		expect(input.PhysicalConnectionRequirements.SubnetId).toBe('subnet-a');
	});

	test('a replacement that breaks a value (a subnet ID, an ARN) is refused naming its path; the target and connection are named by retarget', () => {
		expect(() => withTargetValues(input, BOUND_PATHS, [{ from: 'subnet-a', to: 'subnet-xyz' }])).toThrow(
			'Replace Values › PhysicalConnectionRequirements.SubnetId: gives "subnet-xyz" (from "subnet-a"), which is not a subnet ID',
		);
		expect(() => withTargetValues(input, BOUND_PATHS, [{ from: 'arn:aws:secretsmanager:', to: 'secret:' }])).toThrow(/ConnectionProperties.SECRET_ID: gives "secret:eu-west-1.*which is not an ARN/);
		const support = { boundPaths: BOUND_PATHS, replaceIn: (request, replace) => ({ ...request, input: replace(request.input) }) };
		const item = { name: 'orders', itemIndex: 0, request: { input }, publicView: input, carriesSecrets: false, resolve: async () => ({ input }) };
		const target = { account: '222222222222', region: 'us-east-1', roleArn: role('222222222222'), replacements: [{ from: 'sg-1', to: 'group-1' }] };
		expect(() => retarget(item, support, target)).toThrow(
			'Targets (account 222222222222 in us-east-1): Replace Values › PhysicalConnectionRequirements.SecurityGroupIdList[0]: gives "group-1" (from "sg-1"), which is not a security group ID such as sg-0123456789abcdef0 in the connection "orders"',
		);
	});

	test('a desired item per target: request and hashed view rewritten; the secret-read request only where the stand-in was, never inside a secret', async () => {
		const support = { boundPaths: BOUND_PATHS, replaceIn: (request, replace) => ({ ...request, input: replace(request.input) }) };
		const withStandIn = { ...input, ConnectionProperties: { ...input.ConnectionProperties, PASSWORD: 'stand-in' } };
		// A password that happens to look like an ARN with the account in it.
		const resolved = { ...input, ConnectionProperties: { ...input.ConnectionProperties, PASSWORD: 'arn:aws:iam::111111111111:role/secret' } };
		const item = { name: 'orders', itemIndex: 0, request: { input: withStandIn }, publicView: input, carriesSecrets: true, resolve: async () => ({ input: resolved }) };
		const target = { account: '222222222222', region: 'us-east-1', roleArn: role('222222222222'), replacements };
		const moved = retarget(item, support, target);
		expect(moved.request.input.PhysicalConnectionRequirements.SubnetId).toBe('subnet-b');
		expect(moved.publicView.PhysicalConnectionRequirements.SubnetId).toBe('subnet-b');
		const written = (await moved.resolve()).input;
		expect(written.PhysicalConnectionRequirements.SubnetId).toBe('subnet-b');
		expect(written.ConnectionProperties.SECRET_ID).toBe('arn:aws:secretsmanager:us-east-1:222222222222:secret:db');
		expect(written.ConnectionProperties.PASSWORD).toBe('arn:aws:iam::111111111111:role/secret');
		// Without replacements the item is the same object.
		expect(retarget(item, support, { ...target, replacements: [] })).toBe(item);
	});

	test('one item prepared once serves every target: each gets its own values, the item and the other targets are not touched', () => {
		const support = { boundPaths: BOUND_PATHS, replaceIn: (request, replace) => ({ ...request, input: replace(request.input), tags: request.tags && replace(request.tags) }) };
		const tags = { role: 'arn:aws:iam::111111111111:role/reader', team: 'orders' };
		const item = { name: 'orders', itemIndex: 0, request: { input, tags }, publicView: { ...input, Tags: tags }, carriesSecrets: false, resolve: async () => ({ input, tags }) };
		const forTarget = retargeter(item, support);
		const [b, c] = ['b', 'c'].map((letter, index) =>
			forTarget({ account: `22222222222${index}`, region: 'us-east-1', roleArn: role(`22222222222${index}`), replacements: [{ from: 'subnet-a', to: `subnet-${letter}` }, { from: '111111111111', to: `22222222222${index}` }] }),
		);
		expect([b, c].map((moved) => moved.request.input.PhysicalConnectionRequirements.SubnetId)).toEqual(['subnet-b', 'subnet-c']);
		expect([b, c].map((moved) => moved.publicView.PhysicalConnectionRequirements.SubnetId)).toEqual(['subnet-b', 'subnet-c']);
		expect([b, c].map((moved) => moved.request.tags.role)).toEqual(['arn:aws:iam::222222222220:role/reader', 'arn:aws:iam::222222222221:role/reader']);
		expect(c.publicView.Tags.role).toBe('arn:aws:iam::222222222221:role/reader');
		expect(input.PhysicalConnectionRequirements.SubnetId).toBe('subnet-a');
		expect(tags.role).toBe('arn:aws:iam::111111111111:role/reader');
		expect(item.publicView.PhysicalConnectionRequirements.SubnetId).toBe('subnet-a');
	});

	test('a bound value under a key that holds dots (a Spark property) is replaced at that key', () => {
		const spark = { Name: 'etl', SparkProperties: { 'spark.hadoop.fs.s3a.assumed.role.arn': 'arn:aws:iam::111111111111:role/etl' } };
		const { value, paths } = withTargetValues(spark, BOUND_PATHS, [{ from: '111111111111', to: '222222222222' }]);
		expect(value.SparkProperties).toEqual({ 'spark.hadoop.fs.s3a.assumed.role.arn': 'arn:aws:iam::222222222222:role/etl' });
		expect([...paths]).toEqual(['SparkProperties.spark.hadoop.fs.s3a.assumed.role.arn']);
		expect(spark.SparkProperties['spark.hadoop.fs.s3a.assumed.role.arn']).toBe('arn:aws:iam::111111111111:role/etl');
	});
});
