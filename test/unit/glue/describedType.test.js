// Pure mapping and validation from AWS's description of a connection type (DescribeConnectionType):
// the resource mapper's fields, the ConnectionProperties they produce, the check of an item, the
// Connection Type list, and the RegisterConnectionType request of the Connection Type resource.
const described = require('../../../nodes/GlueConnection/common/describedType');
const { buildConnectionInput } = require('../../../nodes/GlueConnection/common/definition');
const { buildRegisterConnectionTypeRequest } = require('../../../nodes/GlueConnection/actions/connectionType/register.operation');
const { GLUE_CONNECTION_TYPES } = require('../../../nodes/shared/sdkEnums.generated');
const { InputProblem } = require('../../../nodes/shared/validation');

const prop = (Name, extra = {}) => ({ Name, Description: `${Name} text`, Required: false, PropertyTypes: ['USER_INPUT'], ...extra });
const snowflake = (overrides = {}) => ({
	ConnectionType: 'SNOWFLAKE',
	Capabilities: { SupportedAuthenticationTypes: ['BASIC', 'CUSTOM'], SupportedComputeEnvironments: ['SPARK'], SupportedDataOperations: ['READ'] },
	ConnectionProperties: {
		HOST: prop('HOST', { Required: true }),
		PORT: prop('PORT', { DefaultValue: '443' }),
		AUTHENTICATOR: prop('AUTHENTICATOR', { AllowedValues: [{ Value: 'SNOWFLAKE' }, { Value: 'OAUTH' }] }),
		PRIVATE_KEY: prop('PRIVATE_KEY', { PropertyTypes: ['SECRET'], Required: true }),
		DRIVER: prop('DRIVER', { PropertyTypes: ['READ_ONLY'], Required: true }),
		LEGACY: prop('LEGACY', { PropertyTypes: ['UNUSED'], Required: true }),
	},
	AuthenticationConfiguration: { AuthenticationType: prop('AuthenticationType'), SecretArn: prop('SecretArn', { Required: false }) },
	PhysicalConnectionRequirements: { SubnetId: prop('SubnetId') },
	ComputeEnvironmentConfigurations: { SPARK: { PhysicalConnectionPropertiesRequired: false } },
	...overrides,
});
const problem = (fn) => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputProblem);
		return error.message;
	}
	throw new Error('expected an InputProblem');
};

describe('the Connection Properties form (resource mapper fields)', () => {
	test('one field per property the user sets: SECRET, READ_ONLY and UNUSED left out, after a summary line', () => {
		const fields = described.mapperFields(snowflake());
		expect(fields.map((f) => f.id)).toEqual(['__about', 'HOST', 'PORT', 'AUTHENTICATOR']);
		expect(fields[0]).toMatchObject({ readOnly: true, required: false, display: true });
		expect(fields[0].displayName).toBe('SNOWFLAKE: auth BASIC/CUSTOM · VPC optional');
		expect(fields[1]).toMatchObject({ displayName: 'HOST: HOST text', required: true, type: 'string' });
		expect(fields[2]).toMatchObject({ displayName: 'PORT: PORT text (default 443)', required: false });
		expect(fields[3]).toMatchObject({ type: 'options', options: [{ name: 'SNOWFLAKE', value: 'SNOWFLAKE' }, { name: 'OAUTH', value: 'OAUTH' }] });
	});

	test('the summary says when a VPC or a Secret ARN is needed', () => {
		const strict = snowflake({
			ComputeEnvironmentConfigurations: { SPARK: { PhysicalConnectionPropertiesRequired: true } },
			AuthenticationConfiguration: { SecretArn: prop('SecretArn', { Required: true }) },
		});
		expect(described.typeSummary(strict)).toBe('auth BASIC/CUSTOM · VPC required · Secret ARN required');
		expect(described.needsNetwork(snowflake({ PhysicalConnectionRequirements: { SubnetId: prop('SubnetId', { Required: true }) } }))).toBe(true);
		expect(described.secretProperties(snowflake()).map((p) => p.Name)).toEqual(['PRIVATE_KEY']);
	});

	test('mapped values become ConnectionProperties: trimmed, numbers and booleans as text, empty and the summary dropped', () => {
		expect(described.mappedProperties({ value: { __about: 'x', HOST: ' h.example.com ', PORT: 444, SSL: false, ROLE: null, DATABASE: '  ' } })).toEqual({
			HOST: 'h.example.com',
			PORT: '444',
			SSL: 'false',
		});
		expect(described.mappedProperties({ mappingMode: 'defineBelow', value: null })).toEqual({});
		expect(described.mappedProperties(undefined)).toEqual({});
	});
});

describe('checking an item against the description', () => {
	const base = { connectionProperties: { HOST: 'h', PRIVATE_KEY: 'k' }, hasSecretArn: false, hasNetwork: false };
	const check = (definition, description = snowflake()) => () => described.checkAgainstDescription(description, { ...base, ...definition });

	test('a complete item passes', () => {
		expect(check({})).not.toThrow();
	});

	test('a missing required property names the property and the type', () => {
		expect(problem(check({ connectionProperties: { PRIVATE_KEY: 'k' } }))).toBe('Connection Properties: HOST is required for SNOWFLAKE');
		expect(problem(check({ connectionProperties: { HOST: 'h', PRIVATE_KEY: '' } }))).toBe('Secret Connection Properties: PRIVATE_KEY is required for SNOWFLAKE');
	});

	test('a required secret may come from the Secret ARN; READ_ONLY and UNUSED required properties are never asked for', () => {
		expect(check({ connectionProperties: { HOST: 'h' }, hasSecretArn: true })).not.toThrow();
	});

	test('a value outside the allowed values is refused without echoing it', () => {
		const message = problem(check({ connectionProperties: { ...base.connectionProperties, AUTHENTICATOR: 'hunter2' } }));
		expect(message).toBe('Connection Properties: AUTHENTICATOR must be one of SNOWFLAKE, OAUTH');
	});

	test('an unsupported authentication type, a missing Secret ARN or Network (VPC) are refused', () => {
		expect(problem(check({ authenticationType: 'OAUTH2' }))).toBe('Authentication Type: SNOWFLAKE supports BASIC, CUSTOM');
		const strict = snowflake({
			AuthenticationConfiguration: { SecretArn: prop('SecretArn', { Required: true }) },
			PhysicalConnectionRequirements: { SubnetId: prop('SubnetId', { Required: true }) },
		});
		expect(problem(check({}, strict))).toBe('Secret ARN: is required for SNOWFLAKE');
		expect(problem(check({ hasSecretArn: true }, strict))).toMatch(/^Network \(VPC\): is required for SNOWFLAKE/);
		expect(check({ hasSecretArn: true, hasNetwork: true }, strict)).not.toThrow();
	});
});

describe('the definition of a described type', () => {
	const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
	const bag = (extra = {}) => ({
		connectionType: 'SNOWFLAKE',
		connectionProperties: { mappingMode: 'defineBelow', value: { __about: null, HOST: 'acme.snowflakecomputing.com', WAREHOUSE: 'ETL' } },
		describedSecretProperties: pairs({ PRIVATE_KEY: ' key with spaces ' }),
		...extra,
	});

	test('the mapper, the secret rows and Additional Connection Properties make the ConnectionProperties', () => {
		const input = buildConnectionInput(bag({ additionalConnectionProperties: pairs({ EXTRA: '1' }) }), 'wh');
		expect(input.ConnectionProperties).toEqual({ HOST: 'acme.snowflakecomputing.com', WAREHOUSE: 'ETL', PRIVATE_KEY: ' key with spaces ', EXTRA: '1' });
	});

	test('a key set twice is refused', () => {
		expect(problem(() => buildConnectionInput(bag({ describedSecretProperties: pairs({ HOST: 'x' }) }), 'wh'))).toBe(
			'Secret Connection Properties: key "HOST" is already set in Connection Properties',
		);
		expect(problem(() => buildConnectionInput(bag({ additionalConnectionProperties: pairs({ WAREHOUSE: 'x' }) }), 'wh'))).toMatch(
			/^Additional Connection Properties: key "WAREHOUSE"/,
		);
	});

	test('a first-class type ignores the described fields', () => {
		const input = buildConnectionInput(bag({ connectionType: 'NETWORK', physicalConnectionRequirements: { subnetId: 'subnet-1', securityGroupIds: 'sg-1', availabilityZone: 'us-east-1a' } }), 'n');
		expect(input.ConnectionProperties).toEqual({});
	});
});

describe('the Connection Type list', () => {
	test("AWS's list: display name and type, description with authentication and compute, sorted", () => {
		const options = described.connectionTypeOptions([
			{ ConnectionType: 'SNOWFLAKE', DisplayName: 'Snowflake', Description: 'Warehouse', Capabilities: { SupportedAuthenticationTypes: ['BASIC'], SupportedComputeEnvironments: ['SPARK', 'ATHENA'] } },
			{ ConnectionType: 'JDBC', DisplayName: 'JDBC' },
			{ DisplayName: 'no type' },
		]);
		expect(options).toEqual([
			{ name: 'JDBC', value: 'JDBC', description: '' },
			{ name: 'Snowflake (SNOWFLAKE)', value: 'SNOWFLAKE', description: 'Warehouse · Authentication: BASIC · Compute: SPARK, ATHENA' },
		]);
	});

	test("the fallback is the SDK's list, each entry saying why", () => {
		const options = described.fallbackConnectionTypeOptions('AccessDeniedException');
		expect(options.map((o) => o.value)).toEqual([...GLUE_CONNECTION_TYPES]);
		expect(new Set(options.map((o) => o.description))).toEqual(new Set(["From the AWS SDK's list: ListConnectionTypes failed (AccessDeniedException)"]));
	});
});

describe('Register Connection Type: the request', () => {
	const form = (extra = {}) => ({
		newConnectionType: 'REST-TICKETS',
		integrationType: 'REST',
		connectorAuthenticationTypes: ['CUSTOM'],
		connectionPropertiesConfiguration: JSON.stringify({ Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' } }),
		restConfiguration: JSON.stringify({ GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: '/t', ResponseConfiguration: { ResultPath: '$.items' } } }),
		...extra,
	});

	test('a complete form maps to the request, JSON fields parsed (or taken as objects from expressions)', () => {
		const request = buildRegisterConnectionTypeRequest(
			form({
				connectionTypeFields: {
					description: 'Tickets',
					tags: { pairs: [{ key: 'team', value: 'data' }] },
					authenticationProperties: { CustomAuthenticationProperties: { AuthenticationParameters: [{ Name: 'TOKEN', Required: true, PropertyType: 'SECRET' }] } },
				},
			}),
		);
		expect(request).toEqual({
			ConnectionType: 'REST-TICKETS',
			IntegrationType: 'REST',
			Description: 'Tickets',
			ConnectionProperties: { Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' } },
			ConnectorAuthenticationConfiguration: {
				AuthenticationTypes: ['CUSTOM'],
				CustomAuthenticationProperties: { AuthenticationParameters: [{ Name: 'TOKEN', Required: true, PropertyType: 'SECRET' }] },
			},
			RestConfiguration: { GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: '/t', ResponseConfiguration: { ResultPath: '$.items' } } },
			Tags: { team: 'data' },
		});
	});

	test.each([
		['Name: must start with "REST-" (AWS registers REST-based connection types only)', { newConnectionType: 'TICKETS' }],
		['Name: must be 1 to 255 characters long (it has 256)', { newConnectionType: `REST-${'x'.repeat(251)}` }],
		['Integration Type: must be one of REST', { integrationType: 'SOAP' }],
		['Authentication Types: needs at least one type', { connectorAuthenticationTypes: [] }],
		['Connection Properties (JSON): must be valid JSON', { connectionPropertiesConfiguration: '{ nope' }],
		['Connection Properties (JSON): needs a Url or at least one of AdditionalRequestParameters', { connectionPropertiesConfiguration: '{}' }],
		['Connection Properties (JSON): connection properties.Url.PropertyType is required', { connectionPropertiesConfiguration: '{"Url": {"Name": "U", "Required": true}}' }],
		['Connection Properties (JSON): connection properties.AdditionalRequestParameters[0].Required must be true or false', { connectionPropertiesConfiguration: '{"AdditionalRequestParameters": [{"Name": "V", "Required": "yes", "PropertyType": "USER_INPUT"}]}' }],
		['REST Configuration (JSON): is required', { restConfiguration: '' }],
		['REST Configuration (JSON): GlobalSourceConfiguration.RequestMethod must be one of GET, POST', { restConfiguration: '{"GlobalSourceConfiguration": {"RequestMethod": "PUT"}}' }],
		['REST Configuration (JSON): EntityConfigurations.tickets.Schema.id.FieldDataType is required', { restConfiguration: '{"EntityConfigurations": {"tickets": {"Schema": {"id": {"Name": "id"}}}}}' }],
		['Authentication Properties (JSON): OAuth2Properties.OAuth2GrantType is required', { connectionTypeFields: { authenticationProperties: '{"OAuth2Properties": {}}' } }],
		['Description: must be 0 to 2048 characters long (it has 2049)', { connectionTypeFields: { description: 'd'.repeat(2049) } }],
	])('refused: %s', (message, change) => {
		expect(problem(() => buildRegisterConnectionTypeRequest(form(change)))).toBe(message);
	});
});
