// Described connection types and the Connection Type resource in n8n-core's real engine (SDK
// mocked): the description is fetched once per execution and type, each item is checked against
// it before anything is written, expressions resolve per item, secrets never reach the output;
// Register / Get / Get Many / Delete map to their SDK commands; the Connection Type list falls back
// to the SDK's enum when ListConnectionTypes fails.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const glueMock = mockClient(glue.GlueClient);
const prop = (Name, extra = {}) => ({ Name, Description: `${Name} text`, Required: false, PropertyTypes: ['USER_INPUT'], ...extra });
const SNOWFLAKE = {
	ConnectionType: 'SNOWFLAKE',
	Capabilities: { SupportedAuthenticationTypes: ['BASIC', 'CUSTOM'], SupportedComputeEnvironments: ['SPARK'], SupportedDataOperations: ['READ'] },
	ConnectionProperties: {
		HOST: prop('HOST', { Required: true }),
		WAREHOUSE: prop('WAREHOUSE', { Required: true }),
		AUTHENTICATOR: prop('AUTHENTICATOR', { AllowedValues: [{ Value: 'SNOWFLAKE' }, { Value: 'OAUTH' }] }),
		PRIVATE_KEY: prop('PRIVATE_KEY', { PropertyTypes: ['SECRET'] }),
		DRIVER: prop('DRIVER', { PropertyTypes: ['READ_ONLY'], Required: true }),
	},
	AuthenticationConfiguration: { AuthenticationType: prop('AuthenticationType'), SecretArn: prop('SecretArn') },
	PhysicalConnectionRequirements: { SubnetId: prop('SubnetId') },
	ComputeEnvironmentConfigurations: {},
};
const SECRET = 'engine-private-key-marker';

beforeEach(() => {
	glueMock.reset();
	glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
	glueMock.on(glue.DescribeConnectionTypeCommand, { ConnectionType: 'SNOWFLAKE' }).resolves(SNOWFLAKE);
});

const calls = (command) => glueMock.commandCalls(command).map((call) => call.args[0].input);
const run = (parameters, options = {}) => runNode({ node: new GlueConnection(), parameters, ...options });
const snowflakeCreate = (value, extra = {}) => ({
	operation: 'create',
	name: '={{ $json.name }}',
	connectionType: 'SNOWFLAKE',
	connectionProperties: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] },
	...extra,
});

describe('a described type (SNOWFLAKE)', () => {
	test('three items: one DescribeConnectionType, three creates with exactly the mapped properties (expressions per item)', async () => {
		const { output, error } = await run(
			snowflakeCreate(
				{ HOST: '={{ $json.account }}.snowflakecomputing.com', WAREHOUSE: 'ETL_WH', AUTHENTICATOR: 'SNOWFLAKE', ROLE: null },
				{ describedSecretProperties: { pairs: [{ key: 'PRIVATE_KEY', value: SECRET }] } },
			),
			{ inputItems: ['a', 'b', 'c'].map((x) => ({ name: `wh-${x}`, account: `acct-${x}` })) },
		);
		expect(error).toBeUndefined();
		expect(calls(glue.DescribeConnectionTypeCommand)).toEqual([{ ConnectionType: 'SNOWFLAKE' }]);
		expect(calls(glue.CreateConnectionCommand)).toEqual(
			['a', 'b', 'c'].map((x) => ({
				ConnectionInput: {
					Name: `wh-${x}`,
					ConnectionType: 'SNOWFLAKE',
					ConnectionProperties: { HOST: `acct-${x}.snowflakecomputing.com`, WAREHOUSE: 'ETL_WH', AUTHENTICATOR: 'SNOWFLAKE', PRIVATE_KEY: SECRET },
				},
			})),
		);
		expect(output.map((item) => [item.pairedItem.item, item.json.action])).toEqual([
			[0, 'created'],
			[1, 'created'],
			[2, 'created'],
		]);
		expect(JSON.stringify(output)).not.toContain(SECRET);
	});

	test('a missing required property stops that item before any write: the usual error, item by item with Continue On Fail', async () => {
		const { output, error } = await run(snowflakeCreate({ HOST: 'h', WAREHOUSE: '={{ $json.warehouse }}' }), {
			inputItems: [{ name: 'ok', warehouse: 'W' }, { name: 'bad' }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.error ?? item.json.action)).toEqual(['created', 'Connection Properties: WAREHOUSE is required for SNOWFLAKE (item 1)']);
		expect(calls(glue.CreateConnectionCommand).map((input) => input.ConnectionInput.Name)).toEqual(['ok']);
		expect(calls(glue.DescribeConnectionTypeCommand)).toHaveLength(1);

		const stopped = await run(snowflakeCreate({ HOST: 'h', AUTHENTICATOR: 'PLAIN', WAREHOUSE: 'W' }), { inputItems: [{ name: 'x' }] });
		expect(stopped.error.message).toBe('Connection Properties: AUTHENTICATOR must be one of SNOWFLAKE, OAUTH (item 0)');
		expect(calls(glue.CreateConnectionCommand).map((input) => input.ConnectionInput.Name)).toEqual(['ok']);
	});

	test('a required property may come from Additional Connection Properties (the escape hatch)', async () => {
		const { error } = await run(
			snowflakeCreate({ HOST: 'h' }, { additionalConnectionProperties: { pairs: [{ key: 'WAREHOUSE', value: 'W' }] } }),
			{ inputItems: [{ name: 'x' }] },
		);
		expect(error).toBeUndefined();
		expect(calls(glue.CreateConnectionCommand)[0].ConnectionInput.ConnectionProperties).toEqual({ HOST: 'h', WAREHOUSE: 'W' });
	});

	test('an error names no secret: a secret set twice is refused without echoing it', async () => {
		const { error } = await run(
			snowflakeCreate({ HOST: 'h', WAREHOUSE: 'W' }, { describedSecretProperties: { pairs: [{ key: 'HOST', value: SECRET }] } }),
			{ inputItems: [{ name: 'x' }] },
		);
		expect(error.message).toBe('Secret Connection Properties: key "HOST" is already set in Connection Properties (item 0)');
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain(SECRET);
	});

	test('when AWS cannot describe the type, the definition is sent as given (AWS judges it)', async () => {
		glueMock.on(glue.DescribeConnectionTypeCommand).rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException', $metadata: {} }));
		const { error } = await run(snowflakeCreate({ HOST: 'h' }), { inputItems: [{ name: 'a' }, { name: 'b' }] });
		expect(error).toBeUndefined();
		expect(calls(glue.CreateConnectionCommand)).toHaveLength(2);
		expect(calls(glue.DescribeConnectionTypeCommand)).toHaveLength(1);
	});

	test('a DescribeConnectionType that fails otherwise (throttled after the retries) fails the item, writes nothing, and is asked again', async () => {
		glueMock
			.on(glue.DescribeConnectionTypeCommand)
			.rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} }))
			.resolves(SNOWFLAKE);
		// One item at a time: items in flight together share the one request (and its failure).
		const { output } = await run(snowflakeCreate({ HOST: 'h', WAREHOUSE: 'W' }, { options: { concurrency: 1 } }), {
			inputItems: [{ name: 'a' }, { name: 'b' }],
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.error ?? item.json.action)).toEqual(['ThrottlingException: Rate exceeded', 'created']);
		expect(calls(glue.CreateConnectionCommand).map((input) => input.ConnectionInput.Name)).toEqual(['b']);
		expect(calls(glue.DescribeConnectionTypeCommand)).toHaveLength(2);
	});

	test("Get and Get Many leave a described type's SECRET properties out while Hide Password is on", async () => {
		const connection = { Name: 'wh', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { HOST: 'h', PRIVATE_KEY: SECRET } };
		glueMock.on(glue.GetConnectionCommand).resolves({ Connection: connection });
		glueMock.on(glue.GetConnectionsCommand).resolves({ ConnectionList: [connection, { ...connection, Name: 'wh2' }] });
		const locator = { __rl: true, mode: 'name', value: 'wh' };
		const hidden = await run({ operation: 'get', connection: locator });
		expect(hidden.output[0].json.ConnectionProperties).toEqual({ HOST: 'h' });
		const listed = await run({ operation: 'getMany', returnAll: true });
		expect(listed.output.map((item) => item.json.ConnectionProperties)).toEqual([{ HOST: 'h' }, { HOST: 'h' }]);
		expect(calls(glue.DescribeConnectionTypeCommand)).toHaveLength(2);
		const shown = await run({ operation: 'get', connection: locator, hidePassword: false });
		expect(shown.output[0].json.ConnectionProperties).toEqual({ HOST: 'h', PRIVATE_KEY: SECRET });
	});

	test('first-class types never ask for a description', async () => {
		const { error } = await run({
			operation: 'create',
			name: 'n',
			connectionType: 'NETWORK',
			physicalConnectionRequirements: { subnetId: 'subnet-1', securityGroupIds: 'sg-1', availabilityZone: 'us-east-1a' },
		});
		expect(error).toBeUndefined();
		expect(calls(glue.DescribeConnectionTypeCommand)).toHaveLength(0);
	});
});

describe('the Connection Type resource', () => {
	const typeRun = (operation, parameters = {}, options = {}) => run({ resource: 'connectionType', operation, ...parameters }, options);
	const locator = (value) => ({ connectionTypeName: { __rl: true, mode: 'name', value } });

	test('get: the description without SDK metadata', async () => {
		const { output, error } = await typeRun('get', locator('SNOWFLAKE'));
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual(SNOWFLAKE);
	});

	test('get many: pages until the limit, or every page with Return All', async () => {
		const brief = (n) => ({ ConnectionType: `T${n}` });
		glueMock
			.on(glue.ListConnectionTypesCommand)
			.resolvesOnce({ ConnectionTypes: [brief(1), brief(2)], NextToken: 'p2' })
			.resolvesOnce({ ConnectionTypes: [brief(3)] });
		const all = await typeRun('getMany', { returnAll: true });
		expect(all.output.map((item) => item.json.ConnectionType)).toEqual(['T1', 'T2', 'T3']);
		// Two pages of 100 at most (the SDK's paginator reuses one input object, so the mock sees the last token on both).
		expect(calls(glue.ListConnectionTypesCommand).map((input) => input.MaxResults)).toEqual([100, 100]);

		glueMock.on(glue.ListConnectionTypesCommand).resolves({ ConnectionTypes: [brief(1), brief(2)], NextToken: 'more' });
		const limited = await typeRun('getMany', { returnAll: false, limit: 2 });
		expect(limited.output.map((item) => item.json.ConnectionType)).toEqual(['T1', 'T2']);
		expect(calls(glue.ListConnectionTypesCommand).at(-1)).toEqual({ MaxResults: 2 });
	});

	test('delete: { deleted: true }; an AWS error is a NodeApiError with its code, or an error item', async () => {
		glueMock.on(glue.DeleteConnectionTypeCommand).resolves({});
		const { output } = await typeRun('delete', locator('REST-TICKETS'));
		expect(output[0].json).toEqual({ connectionType: 'REST-TICKETS', deleted: true });
		expect(calls(glue.DeleteConnectionTypeCommand)).toEqual([{ ConnectionType: 'REST-TICKETS' }]);

		glueMock.on(glue.DeleteConnectionTypeCommand).rejects(Object.assign(new Error('Connection type X not found.'), { name: 'EntityNotFoundException', $metadata: {} }));
		const failed = await typeRun('delete', locator('REST-X'), { continueOnFail: true });
		expect(failed.output[0].json.error).toBe('EntityNotFoundException: Connection type X not found.');
		expect(failed.output[0].pairedItem).toEqual({ item: 0 });
	});

	test('register: the request from the form; bad input stops before any call', async () => {
		glueMock.on(glue.RegisterConnectionTypeCommand).resolves({ ConnectionTypeArn: 'arn:aws:glue:us-east-1:123456789012:connectionType/REST-T' });
		const form = {
			newConnectionType: 'REST-T',
			connectorAuthenticationTypes: ['BASIC'],
			connectionPropertiesConfiguration: '{"Url": {"Name": "INSTANCE_URL", "Required": true, "PropertyType": "USER_INPUT"}}',
			restConfiguration: '{"GlobalSourceConfiguration": {"RequestMethod": "GET", "ResponseConfiguration": {"ResultPath": "$"}}}',
		};
		const { output, error } = await typeRun('register', form);
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({
			connectionType: 'REST-T',
			connectionTypeArn: 'arn:aws:glue:us-east-1:123456789012:connectionType/REST-T',
			action: 'registered',
			changed: true,
		});
		expect(calls(glue.RegisterConnectionTypeCommand)[0]).toMatchObject({ ConnectionType: 'REST-T', IntegrationType: 'REST', ConnectorAuthenticationConfiguration: { AuthenticationTypes: ['BASIC'] } });

		const bad = await typeRun('register', { ...form, newConnectionType: 'T' });
		expect(bad.error.message).toBe('Name: must start with "REST-" (AWS registers REST-based connection types only) (item 0)');
		expect(calls(glue.RegisterConnectionTypeCommand)).toHaveLength(1);
	});

	test('the connection resource keeps its own operations of the same names', async () => {
		glueMock.on(glue.DeleteConnectionCommand).resolves({});
		const { output } = await run({ resource: 'connection', operation: 'delete', connection: { __rl: true, mode: 'name', value: 'c1' } });
		expect(output[0].json).toEqual({ name: 'c1', deleted: true });
		expect(calls(glue.DeleteConnectionTypeCommand)).toHaveLength(0);
	});
});

describe('editor methods', () => {
	const node = new GlueConnection();
	const context = (parameters) => ({
		getCredentials: async () => ({ region: 'us-east-1', accessKeyId: 'AKIAX', secretAccessKey: 'engine-secret' }),
		getCurrentNodeParameter: (name) => parameters[name],
		getNode: () => ({ name: 'Glue', parameters }),
	});

	test("Connection Type lists AWS's types; when ListConnectionTypes fails, the SDK's, saying so", async () => {
		glueMock.on(glue.ListConnectionTypesCommand).resolves({ ConnectionTypes: [{ ConnectionType: 'SNOWFLAKE', DisplayName: 'Snowflake', Description: 'Warehouse' }] });
		const listed = await node.methods.loadOptions.getConnectionTypes.call(context({}));
		expect(listed.map((o) => o.value)).toEqual(['SNOWFLAKE', '__other__']);

		glueMock.on(glue.ListConnectionTypesCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: {} }));
		const fallback = await node.methods.loadOptions.getConnectionTypes.call(context({}));
		expect(fallback.length).toBeGreaterThan(90);
		expect(fallback.find((o) => o.value === 'JDBC').description).toBe("From the AWS SDK's list: ListConnectionTypes failed (AccessDeniedException)");
	});

	test('Connection Properties: the mapper fields of the chosen (or typed) type; a type AWS does not describe gives a notice', async () => {
		const fields = await node.methods.resourceMapping.getConnectionProperties.call(context({ connectionType: '__other__', otherConnectionType: 'snowflake' }));
		expect(fields.fields.map((f) => f.id)).toEqual(['__about', 'HOST', 'WAREHOUSE', 'AUTHENTICATOR']);
		glueMock.on(glue.DescribeConnectionTypeCommand, { ConnectionType: 'NOPE' }).rejects(Object.assign(new Error('not supported'), { name: 'ValidationException', $metadata: {} }));
		const none = await node.methods.resourceMapping.getConnectionProperties.call(context({ connectionType: 'NOPE' }));
		expect(none).toEqual({ fields: [], emptyFieldsNotice: 'AWS Glue does not describe NOPE here (ValidationException: not supported). Use Additional Connection Properties.' });
		const secrets = await node.methods.loadOptions.getSecretConnectionProperties.call(context({ connectionType: 'SNOWFLAKE' }));
		expect(secrets).toEqual([{ name: 'PRIVATE_KEY', value: 'PRIVATE_KEY', description: 'PRIVATE_KEY text' }]);
	});

	test('the editor reads the Connection Type as a run does: the same type described, the same refusal, nothing asked for a type a run would refuse', async () => {
		const typed = (otherConnectionType) => context({ connectionType: '__other__', otherConnectionType });
		const refused = await node.methods.resourceMapping.getConnectionProperties.call(typed('snow flake'));
		const { error } = await run({ operation: 'create', name: 'c', connectionType: '__other__', otherConnectionType: 'snow flake' });
		expect(error.message).toBe('Other Connection Type: must be a connection type code such as SNOWFLAKE (item 0)');
		expect(refused).toEqual({ fields: [], emptyFieldsNotice: 'Other Connection Type: must be a connection type code such as SNOWFLAKE' });
		expect(await node.methods.loadOptions.getSecretConnectionProperties.call(typed(''))).toEqual([]);
		expect(calls(glue.DescribeConnectionTypeCommand)).toHaveLength(0);
		// A listed type is described as AWS spells it (a custom REST- type may hold lower case), not upper-cased.
		glueMock.on(glue.DescribeConnectionTypeCommand, { ConnectionType: 'REST-Tickets' }).resolves({ ...SNOWFLAKE, ConnectionType: 'REST-Tickets' });
		const listed = await node.methods.resourceMapping.getConnectionProperties.call(context({ connectionType: ' REST-Tickets ' }));
		expect(listed.fields.map((f) => f.id)).toContain('HOST');
		expect(calls(glue.DescribeConnectionTypeCommand)).toEqual([{ ConnectionType: 'REST-Tickets' }]);
	});
});
