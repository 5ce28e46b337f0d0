// JSON Definitions (contract 2): shape, secret references and placeholders, per node.
const { glueDefinition } = require('../../../nodes/GlueConnection/common/definitionJson');
const { eventBridgeDefinition } = require('../../../nodes/EventBridgeConnection/common/definitionJson');
const { SECRET_STAND_IN, withValuesAt } = require('../../../nodes/shared/definitionJson');
const { InputProblem } = require('../../../nodes/shared/validation');

const problem = (fn) => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputProblem);
		return error;
	}
	throw new Error('expected an InputProblem');
};

const jdbc = (extra = {}) => ({
	Name: 'sales-pg',
	ConnectionType: 'JDBC',
	ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:5432/sales', USERNAME: 'app', PASSWORD: 'pw-literal' },
	...extra,
});

describe('Glue', () => {
	test('a ConnectionInput maps as given; Tags apart; text JSON accepted too', () => {
		const parsed = glueDefinition(JSON.stringify(jdbc({ Tags: { team: 'a' }, MatchCriteria: ['x'] })));
		expect(parsed.name).toBe('sales-pg');
		expect(parsed.input).toEqual(jdbc({ MatchCriteria: ['x'] }));
		expect(parsed.tags).toEqual({ team: 'a' });
		expect(parsed.parsed.literalSecrets).toEqual([['ConnectionProperties', 'PASSWORD']]);
		expect(parsed.secretKeys).toContain('PASSWORD');
	});

	test('a Secrets Manager reference is held by a stand-in and reported with its path', () => {
		const parsed = glueDefinition(jdbc({ ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://h:5432/d', USERNAME: 'u', PASSWORD: { $secret: { secretsManager: 'prod/db', jsonKey: 'password' } } } }));
		expect(parsed.input.ConnectionProperties.PASSWORD).toBe(SECRET_STAND_IN);
		expect(parsed.parsed.references).toEqual([
			expect.objectContaining({ path: ['ConnectionProperties', 'PASSWORD'], source: 'secretsManager', secretId: 'prod/db', jsonKey: 'password' }),
		]);
		const real = withValuesAt(parsed.input, [parsed.parsed.references[0].path], ['s3cret']);
		expect(real.ConnectionProperties.PASSWORD).toBe('s3cret');
		expect(parsed.input.ConnectionProperties.PASSWORD).toBe(SECRET_STAND_IN);
	});

	test('the "required" placeholder is refused, naming its path', () => {
		const error = problem(() => glueDefinition(jdbc({ AuthenticationConfiguration: { AuthenticationType: 'BASIC', BasicAuthenticationCredentials: { Username: 'u', Password: { $secret: 'required' } } } })));
		expect(error.field).toBe('Definition (JSON) › AuthenticationConfiguration.BasicAuthenticationCredentials.Password');
		expect(error.problem).toMatch(/placeholder/);
	});

	test('in tool mode a literal secret is refused, a reference is not', () => {
		const error = problem(() => glueDefinition(jdbc(), false));
		expect(error.field).toBe('Definition (JSON) › ConnectionProperties.PASSWORD');
		expect(error.message).not.toContain('pw-literal');
		const referenced = glueDefinition(jdbc({ ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://h:5432/d', USERNAME: 'u', PASSWORD: { $secret: { credential: 'password' } } } }), false);
		expect(referenced.parsed.references[0]).toEqual(expect.objectContaining({ source: 'credential', member: 'password' }));
	});

	test.each([
		[{ Nme: 'x' }, 'Definition (JSON) › Nme', /not a member/],
		[{ ConnectionProperties: { PORT: 5432 } }, 'Definition (JSON) › ConnectionProperties.PORT', /must be text, not a number/],
		[{ MatchCriteria: 'a,b' }, 'Definition (JSON) › MatchCriteria', /list of text/],
		[{ ConnectionType: 'jdbc' }, 'Definition (JSON) › ConnectionType', /connection type code/],
		[{ Name: 'a\nb' }, 'Definition (JSON) › Name', /single line/],
		[{ PhysicalConnectionRequirements: { SubnetId: 'net-1' } }, 'Definition (JSON) › PhysicalConnectionRequirements.SubnetId', /subnet ID/],
		[{ ConnectionProperties: { PASSWORD: { $secret: { credential: 'token' } } } }, 'Definition (JSON) › ConnectionProperties.PASSWORD', /credential must name/],
		[{ ConnectionProperties: { PASSWORD: { $secret: { secretsManager: 'bad name!' } } } }, 'Definition (JSON) › ConnectionProperties.PASSWORD $secret.secretsManager', /secret name or ARN/],
		[{ ValidateCredentials: 'yes' }, 'Definition (JSON) › ValidateCredentials', /true or false/],
	])('%j is refused at its path', (extra, field, message) => {
		const error = problem(() => glueDefinition({ ...jdbc(), ...extra }));
		expect(error.field).toBe(field);
		expect(error.problem).toMatch(message);
	});

	test('missing Name, broken JSON and a list are refused before anything else', () => {
		expect(problem(() => glueDefinition({ ConnectionType: 'JDBC' })).field).toBe('Definition (JSON) › Name');
		expect(problem(() => glueDefinition('{"Name": ')).field).toBe('Definition (JSON)');
		expect(problem(() => glueDefinition([jdbc()])).problem).toMatch(/one JSON object, not a list/);
	});

	test("a type's own rules apply (JDBC needs credentials or an authentication type)", () => {
		const error = problem(() => glueDefinition({ Name: 'x', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://h:5432/d' } }));
		expect(error.field).toBe('Definition (JSON)');
		expect(error.problem).toMatch(/Authentication Type/);
	});

	test('a marked secret of a described type is not compared (its key is a secret key)', () => {
		const parsed = glueDefinition({ Name: 'sf', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { HOST: 'h', ACCOUNT_KEY: { $secret: { secretsManager: 'sf' } } } });
		expect(parsed.secretKeys).toEqual(expect.arrayContaining(['ACCOUNT_KEY']));
	});
});

describe('EventBridge', () => {
	const basic = (extra = {}) => ({
		Name: 'orders-api',
		AuthorizationType: 'BASIC',
		AuthParameters: { BasicAuthParameters: { Username: 'u', Password: { $secret: { secretsManager: 'orders' } } } },
		...extra,
	});

	test('a CreateConnection request maps as given, the secret by reference', () => {
		const parsed = eventBridgeDefinition(basic({ Description: 'd' }));
		expect(parsed.request).toEqual({ ...basic({ Description: 'd' }), AuthParameters: { BasicAuthParameters: { Username: 'u', Password: SECRET_STAND_IN } } });
		expect(parsed.parsed.references.map((reference) => reference.path)).toEqual([['AuthParameters', 'BasicAuthParameters', 'Password']]);
	});

	test('an HTTP parameter flagged secret is a secret; an unflagged one is not', () => {
		const rows = { HeaderParameters: [{ Key: 'a', Value: 'open' }, { Key: 'b', Value: 'hidden-value', IsValueSecret: true }] };
		const parsed = eventBridgeDefinition(basic({ AuthParameters: { BasicAuthParameters: { Username: 'u', Password: { $secret: { credential: 'password' } } }, InvocationHttpParameters: rows } }));
		expect(parsed.parsed.literalSecrets).toEqual([['AuthParameters', 'InvocationHttpParameters', 'HeaderParameters', 1, 'Value']]);
		const error = problem(() => eventBridgeDefinition(basic({ AuthParameters: { BasicAuthParameters: { Username: 'u', Password: { $secret: { credential: 'password' } } }, InvocationHttpParameters: rows } }), false));
		expect(error.field).toBe('Definition (JSON) › AuthParameters.InvocationHttpParameters.HeaderParameters[1].Value');
	});

	test.each([
		[{ AuthorizationType: 'DIGEST' }, 'Definition (JSON) › AuthorizationType'],
		[{ AuthorizationType: 'API_KEY' }, 'Definition (JSON) › AuthParameters.ApiKeyAuthParameters'],
		[{ Name: 'has space' }, 'Definition (JSON) › Name'],
		[{ AuthParameters: { BasicAuthParameters: { Username: 'u' } } }, 'Definition (JSON) › AuthParameters.BasicAuthParameters.Password'],
		[{ ConnectionArn: 'arn:x' }, 'Definition (JSON) › ConnectionArn'],
	])('%j is refused at its path', (extra, field) => {
		expect(problem(() => eventBridgeDefinition(basic(extra))).field).toBe(field);
	});
});
