// The emulator's connection-type plug-in (emulator/plugins/glue_connection_types.py) through the
// real AWS SDK: ListConnectionTypes, DescribeConnectionType, RegisterConnectionType and
// DeleteConnectionType, in AWS's shapes and with the errors of the AWS API reference.
const glue = require('@aws-sdk/client-glue');
const { emulatorSuite } = require('../../support/moto');

const emulator = emulatorSuite(glue.GlueClient);
const failure = (command) => emulator.failure(command);

const restType = (name, overrides = {}) => ({
	ConnectionType: name,
	IntegrationType: 'REST',
	Description: 'Our ticketing API',
	ConnectionProperties: {
		Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' },
		AdditionalRequestParameters: [
			{ Name: 'API_VERSION', Required: false, DefaultValue: 'v2', AllowedValues: ['v1', 'v2'], PropertyType: 'USER_INPUT', PropertyLocation: 'HEADER' },
			{ Name: 'API_TOKEN', Required: true, PropertyType: 'SECRET', PropertyLocation: 'HEADER' },
		],
	},
	ConnectorAuthenticationConfiguration: { AuthenticationTypes: ['CUSTOM'] },
	RestConfiguration: {
		GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: '/api/tickets', ResponseConfiguration: { ResultPath: '$.items' } },
	},
	...overrides,
});

describe('ListConnectionTypes', () => {
	test('lists the built-in types with their capabilities, SNOWFLAKE among them (the SDK enum lacks it)', async () => {
		const { ConnectionTypes, NextToken } = await emulator.client.send(new glue.ListConnectionTypesCommand({}));
		const names = ConnectionTypes.map((t) => t.ConnectionType);
		expect(names).toEqual(expect.arrayContaining(['SNOWFLAKE', 'BIGQUERY', 'SERVICENOW', 'JDBC', 'DOCUMENTDB', 'NETWORK', 'KAFKA']));
		expect(new Set(names).size).toBe(names.length);
		expect(NextToken).toBeUndefined();
		expect(ConnectionTypes.find((t) => t.ConnectionType === 'SNOWFLAKE')).toMatchObject({
			DisplayName: 'Snowflake',
			Vendor: 'Snowflake',
			Description: expect.any(String),
			Capabilities: {
				SupportedAuthenticationTypes: ['BASIC', 'CUSTOM'],
				SupportedComputeEnvironments: ['SPARK', 'ATHENA', 'PYTHON'],
				SupportedDataOperations: ['READ', 'WRITE'],
			},
		});
	});

	test('pages with MaxResults and NextToken, every type exactly once', async () => {
		const { ConnectionTypes: all } = await emulator.client.send(new glue.ListConnectionTypesCommand({}));
		const seen = [];
		let pages = 0;
		for await (const page of glue.paginateListConnectionTypes({ client: emulator.client, pageSize: 3 }, {})) {
			pages++;
			expect(page.ConnectionTypes.length).toBeLessThanOrEqual(3);
			seen.push(...page.ConnectionTypes.map((t) => t.ConnectionType));
		}
		expect(seen).toEqual(all.map((t) => t.ConnectionType));
		expect(pages).toBe(Math.ceil(all.length / 3));
	});

	test('MaxResults outside 1..100 is a ValidationException; a forged NextToken an InvalidInputException', async () => {
		expect(await failure(new glue.ListConnectionTypesCommand({ MaxResults: 101 }))).toMatchObject({ name: 'ValidationException', status: 400 });
		expect(await failure(new glue.ListConnectionTypesCommand({ NextToken: 'not-a-token' }))).toMatchObject({ name: 'InvalidInputException' });
	});
});

describe('DescribeConnectionType', () => {
	test('SNOWFLAKE: optional, defaulted, allowed-value, SECRET, READ_ONLY and UNUSED properties', async () => {
		const answer = await emulator.client.send(new glue.DescribeConnectionTypeCommand({ ConnectionType: 'SNOWFLAKE' }));
		expect(answer.ConnectionType).toBe('SNOWFLAKE');
		const p = answer.ConnectionProperties;
		// Nothing is required: AWS accepts a SNOWFLAKE connection with only SparkProperties (Terraform's test).
		expect(p.HOST).toMatchObject({ Name: 'HOST', Required: false, PropertyTypes: ['USER_INPUT'] });
		expect(Object.values(p).filter((property) => property.Required)).toEqual([]);
		expect(p.PORT).toMatchObject({ Required: false, DefaultValue: '443' });
		expect(p.AUTHENTICATOR.AllowedValues.map((v) => v.Value)).toEqual(['SNOWFLAKE', 'SNOWFLAKE_JWT', 'OAUTH']);
		expect(p.PRIVATE_KEY.PropertyTypes).toEqual(['SECRET']);
		expect(p.JDBC_DRIVER_CLASS_NAME.PropertyTypes).toEqual(['READ_ONLY']);
		expect(p.JDBC_CONNECTION_URL.PropertyTypes).toEqual(['UNUSED']);
		expect(answer.AuthenticationConfiguration.AuthenticationType.AllowedValues.map((v) => v.Value)).toEqual(['BASIC', 'CUSTOM']);
		expect(answer.AuthenticationConfiguration.SecretArn).toMatchObject({ Required: false, PropertyTypes: ['SECRET'] });
		expect(answer.ComputeEnvironmentConfigurations.SPARK).toMatchObject({
			ComputeEnvironment: 'SPARK',
			ConnectionPropertyNameOverrides: { HOST: 'sfUrl', WAREHOUSE: 'sfWarehouse' },
			PhysicalConnectionPropertiesRequired: false,
		});
		expect(answer.PhysicalConnectionRequirements.SubnetId.Required).toBe(false);
	});

	test('SERVICENOW and BIGQUERY: required properties, allowed values, a required Secret ARN', async () => {
		const servicenow = await emulator.client.send(new glue.DescribeConnectionTypeCommand({ ConnectionType: 'SERVICENOW' }));
		expect(servicenow.ConnectionProperties.INSTANCE_URL).toMatchObject({ Required: true, PropertyTypes: ['USER_INPUT'] });
		expect(servicenow.ConnectionProperties.API_VERSION).toMatchObject({ Required: true, DefaultValue: 'v2', AllowedValues: [{ Value: 'v1' }, { Value: 'v2' }] });
		expect(servicenow.Capabilities.SupportedAuthenticationTypes).toEqual(['OAUTH2', 'BASIC']);
		const bigquery = await emulator.client.send(new glue.DescribeConnectionTypeCommand({ ConnectionType: 'BIGQUERY' }));
		expect(bigquery.ConnectionProperties.PROJECT_ID.Required).toBe(true);
		expect(bigquery.AuthenticationConfiguration.SecretArn.Required).toBe(true);
	});

	test('DOCUMENTDB and NETWORK need a VPC: their physical requirements are required', async () => {
		for (const type of ['DOCUMENTDB', 'NETWORK']) {
			const answer = await emulator.client.send(new glue.DescribeConnectionTypeCommand({ ConnectionType: type }));
			expect([type, answer.PhysicalConnectionRequirements.SubnetId.Required]).toEqual([type, true]);
			expect(Object.values(answer.ComputeEnvironmentConfigurations).every((c) => c.PhysicalConnectionPropertiesRequired)).toBe(true);
		}
	});

	test('an unknown type is a ValidationException; an empty one too', async () => {
		expect(await failure(new glue.DescribeConnectionTypeCommand({ ConnectionType: 'NOSUCHTYPE' }))).toMatchObject({
			name: 'ValidationException',
			message: expect.stringContaining('NOSUCHTYPE'),
		});
		expect(await failure(new glue.DescribeConnectionTypeCommand({ ConnectionType: '' }))).toMatchObject({ name: 'ValidationException' });
	});
});

describe('RegisterConnectionType and DeleteConnectionType', () => {
	test('a registered REST type is listed and described from its registration, then deleted', async () => {
		const { ConnectionTypeArn } = await emulator.client.send(new glue.RegisterConnectionTypeCommand(restType('REST-TICKETS')));
		expect(ConnectionTypeArn).toBe('arn:aws:glue:us-east-1:123456789012:connectionType/REST-TICKETS');

		const { ConnectionTypes } = await emulator.client.send(new glue.ListConnectionTypesCommand({}));
		expect(ConnectionTypes.find((t) => t.ConnectionType === 'REST-TICKETS')).toMatchObject({
			Description: 'Our ticketing API',
			Capabilities: { SupportedAuthenticationTypes: ['CUSTOM'] },
		});
		const described = await emulator.client.send(new glue.DescribeConnectionTypeCommand({ ConnectionType: 'REST-TICKETS' }));
		expect(described.ConnectionProperties).toMatchObject({
			INSTANCE_URL: { Required: true, PropertyTypes: ['USER_INPUT'] },
			API_VERSION: { Required: false, DefaultValue: 'v2', AllowedValues: [{ Value: 'v1' }, { Value: 'v2' }], PropertyLocation: 'HEADER' },
			API_TOKEN: { Required: true, PropertyTypes: ['SECRET'] },
		});
		expect(described.RestConfiguration.GlobalSourceConfiguration.RequestPath).toBe('/api/tickets');

		await emulator.client.send(new glue.DeleteConnectionTypeCommand({ ConnectionType: 'REST-TICKETS' }));
		expect(await failure(new glue.DescribeConnectionTypeCommand({ ConnectionType: 'REST-TICKETS' }))).toMatchObject({ name: 'ValidationException' });
		expect(await failure(new glue.DeleteConnectionTypeCommand({ ConnectionType: 'REST-TICKETS' }))).toMatchObject({
			name: 'EntityNotFoundException',
			status: 400,
		});
	});

	test('register refuses what the API reference refuses, and a name already taken', async () => {
		const refused = async (request) => await failure(new glue.RegisterConnectionTypeCommand(request));
		expect(await refused(restType('TICKETS'))).toMatchObject({ name: 'ValidationException', message: expect.stringContaining('REST-') });
		expect(await refused(restType('REST-X', { IntegrationType: 'SOAP' }))).toMatchObject({ name: 'ValidationException' });
		expect(await refused(restType('REST-X', { RestConfiguration: undefined }))).toMatchObject({ name: 'ValidationException' });
		expect(await refused(restType('REST-X', { ConnectorAuthenticationConfiguration: { AuthenticationTypes: [] } }))).toMatchObject({ name: 'ValidationException' });
		expect(await refused(restType('REST-X', { Description: 'd'.repeat(2049) }))).toMatchObject({ name: 'ValidationException' });
		expect(await refused(restType(`REST-${'X'.repeat(251)}`))).toMatchObject({ name: 'ValidationException' });

		await emulator.client.send(new glue.RegisterConnectionTypeCommand(restType('REST-ONCE')));
		expect(await refused(restType('REST-ONCE'))).toMatchObject({ name: 'ValidationException', message: expect.stringContaining('already exists') });
	});

	test('a built-in type cannot be deleted (InvalidInputException) and stays described', async () => {
		expect(await failure(new glue.DeleteConnectionTypeCommand({ ConnectionType: 'SNOWFLAKE' }))).toMatchObject({ name: 'InvalidInputException' });
		await expect(emulator.client.send(new glue.DescribeConnectionTypeCommand({ ConnectionType: 'SNOWFLAKE' }))).resolves.toMatchObject({ ConnectionType: 'SNOWFLAKE' });
	});

	test("moto's reset forgets registered types", async () => {
		await emulator.client.send(new glue.RegisterConnectionTypeCommand(restType('REST-GONE')));
		await emulator.moto.reset();
		const { ConnectionTypes } = await emulator.client.send(new glue.ListConnectionTypesCommand({}));
		expect(ConnectionTypes.map((t) => t.ConnectionType)).not.toContain('REST-GONE');
	});
});
