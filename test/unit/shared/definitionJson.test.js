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
		// The type's rule, from the type's module, names the path in the definition (not the form's field).
		expect(error.field).toBe('Definition (JSON) › AuthenticationConfiguration.AuthenticationType');
		expect(error.problem).toMatch(/is required without a Username and Password or a Secret ID/);
	});

	// What the form refused and a JSON Definition once took (issue 22): the same checker now runs on both.
	const withProperties = (type, ConnectionProperties, extra = {}) => ({ Name: 'x', ConnectionType: type, ConnectionProperties, ...extra });
	const secretId = { SECRET_ID: 'sales-db' };
	test.each([
		[withProperties('JDBC', { JDBC_CONNECTION_URL: 'jdbc:mysql://admin:PwInUrl123@db.example.com:3306/sales', ...secretId }), 'ConnectionProperties.JDBC_CONNECTION_URL', /must not contain a password/],
		[withProperties('JDBC', { JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:5432/sales;password=PwInUrl123', ...secretId }), 'ConnectionProperties.JDBC_CONNECTION_URL', /must not contain a password/],
		[withProperties('MONGODB', { CONNECTION_URL: 'mongodb://reader:PwInUrl123@mongo.example.com:27017/sales', ...secretId }), 'ConnectionProperties.CONNECTION_URL', /must not contain/],
		[withProperties('SNOWFLAKE', { ENDPOINT: 'https://svc:PwInUrl123@acme.snowflakecomputing.com' }), 'ConnectionProperties.ENDPOINT', /must not contain a password/],
		[withProperties('JDBC', { JDBC_CONNECTION_URL: '', ...secretId }), 'ConnectionProperties.JDBC_CONNECTION_URL', /is required/],
		[withProperties('JDBC', { JDBC_CONNECTION_URL: 'postgresql://db.example.com/sales', ...secretId }), 'ConnectionProperties.JDBC_CONNECTION_URL', /starts with jdbc:/],
		[withProperties('JDBC', { JDBC_CONNECTION_URL: `jdbc:postgresql://db.example.com:5432/${'s'.repeat(2048)}`, ...secretId }), 'ConnectionProperties.JDBC_CONNECTION_URL', /6 to 2048/],
		[withProperties('JDBC', { JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.com:70000/sales', ...secretId }), 'ConnectionProperties.JDBC_CONNECTION_URL', /port number/],
		[withProperties('JDBC', secretId), 'ConnectionProperties.JDBC_CONNECTION_URL', /is required/],
		[withProperties('KAFKA', { KAFKA_BOOTSTRAP_SERVERS: 'b-1.example.com' }), 'ConnectionProperties.KAFKA_BOOTSTRAP_SERVERS', /host:port/],
		[withProperties('SNOWFLAKE', { 'BAD\nKEY': 'v' }), 'ConnectionProperties', /control characters/],
		[withProperties('SNOWFLAKE', {}, { Description: 'bell\u0007' }), 'Description', /printable text/],
		[withProperties('SNOWFLAKE', {}, { AuthenticationConfiguration: { AuthenticationType: 'BASIC', BasicAuthenticationCredentials: { Username: '', Password: 'p' } } }), 'AuthenticationConfiguration.BasicAuthenticationCredentials.Username', /is required/],
		[withProperties('JDBC', { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/s', ...secretId, JDBC_DRIVER_JAR_URI: 'https://example.com/d.jar', JDBC_DRIVER_CLASS_NAME: 'org.postgresql.Driver' }), 'ConnectionProperties.JDBC_DRIVER_JAR_URI', /S3 URL/],
		[withProperties('JDBC', { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/s', ...secretId, SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true' }), 'ConnectionProperties.SKIP_CUSTOM_JDBC_CERT_VALIDATION', /needs a Custom JDBC Certificate/],
		[withProperties('KAFKA', { KAFKA_BOOTSTRAP_SERVERS: 'b-1:9096', KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_PLAIN_USERNAME: 'glue' }), 'ConnectionProperties.KAFKA_SASL_PLAIN_PASSWORD', /is required for SASL mechanism PLAIN/],
		[withProperties('KAFKA', { KAFKA_BOOTSTRAP_SERVERS: 'b-1:9096', KAFKA_CLIENT_KEYSTORE: 'keystore.jks' }), 'ConnectionProperties.KAFKA_CLIENT_KEYSTORE', /S3 URL/],
		[withProperties('CUSTOM', { CONNECTOR_TYPE: 'Jdbc', CONNECTOR_URL: 's3://my-bucket/c.jar', CONNECTOR_CLASS_NAME: 'a.B', CONNECTION_URL: 'snowflake://x' }), 'ConnectionProperties.CONNECTION_URL', /starts with jdbc:/],
		[
			withProperties('SALESFORCE', { INSTANCE_URL: 'https://acme.my.salesforce.com' }, { AuthenticationConfiguration: { AuthenticationType: 'OAUTH2', OAuth2Properties: { TokenUrl: 'https://svc:PwInUrl123@login.salesforce.com/services/oauth2/token' } } }),
			'AuthenticationConfiguration.OAuth2Properties.TokenUrl',
			/must not contain a password/,
		],
	])('%j is refused at its path, as the form refuses it', (definition, path, message) => {
		const error = problem(() => glueDefinition(definition));
		expect(error.field).toBe(`Definition (JSON) › ${path}`);
		expect(error.problem).toMatch(message);
		expect(error.message).not.toContain('PwInUrl123');
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
		// What the form refused and a JSON Definition once took (issue 22).
		[{ AuthParameters: { BasicAuthParameters: { Username: '', Password: 'p' } } }, 'Definition (JSON) › AuthParameters.BasicAuthParameters.Username'],
		[{ AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: '', ApiKeyValue: 'v' } } }, 'Definition (JSON) › AuthParameters.ApiKeyAuthParameters.ApiKeyName'],
		[{ AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: '' } } }, 'Definition (JSON) › AuthParameters.ApiKeyAuthParameters.ApiKeyValue'],
		[{ AuthParameters: { BasicAuthParameters: { Username: 'u', Password: 'p' }, InvocationHttpParameters: { HeaderParameters: [{ Key: 'bad key', Value: 'v' }] } } }, 'Definition (JSON) › AuthParameters.InvocationHttpParameters.HeaderParameters[0]'],
		[{ AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS', AuthParameters: { OAuthParameters: { ClientParameters: { ClientID: 'c', ClientSecret: 's' }, AuthorizationEndpoint: 'https://u:p@auth.example.com/t', HttpMethod: 'POST' } } }, 'Definition (JSON) › AuthParameters.OAuthParameters.AuthorizationEndpoint'],
	])('%j is refused at its path', (extra, field) => {
		expect(problem(() => eventBridgeDefinition(basic(extra))).field).toBe(field);
	});
});
