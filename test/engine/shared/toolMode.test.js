// Tool mode (nodes/shared/toolMode.ts) in n8n-core's real engine: the node's `…Tool` variant, as an
// AI Agent's engine or an MCP Server Trigger runs it. The SDK is mocked; every refusal is checked to
// send nothing, and every answer to carry no secret.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const eventbridge = require('@aws-sdk/client-eventbridge');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const glueMock = mockClient(glue.GlueClient);
const ebMock = mockClient(eventbridge.EventBridgeClient);
beforeEach(() => {
	glueMock.reset();
	ebMock.reset();
});

const PASSWORD = 'tool-mode-pass-7781';
const locator = (value) => ({ __rl: true, mode: 'name', value });
const glueTool = (parameters, options = {}) => runNode({ node: new GlueConnection(), parameters, asTool: true, ...options });
const ebTool = (parameters, options = {}) => runNode({ node: new EventBridgeConnection(), parameters, asTool: true, ...options });
const glueCalls = () => glueMock.calls().length;

const glueConnection = (name, extra = {}) => ({
	Name: name,
	ConnectionType: 'JDBC',
	Status: 'READY',
	Description: 'orders',
	ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/orders', USERNAME: 'etl', PASSWORD },
	CreationTime: new Date('2026-01-01T00:00:00Z'),
	LastUpdatedTime: new Date('2026-01-02T00:00:00Z'),
	...extra,
});

describe('answers a model reads', () => {
	test('Get: name, type, state and the connection\'s definition (its one view); passwords hidden even when the author turned Hide Password off', async () => {
		glueMock.on(glue.GetConnectionCommand).resolves({ Connection: glueConnection('orders-db') });
		const { output, error } = await glueTool({ operation: 'get', connection: locator('orders-db'), hidePassword: false });
		expect(error).toBeUndefined();
		expect(glueMock.commandCalls(glue.GetConnectionCommand)[0].args[0].input.HidePassword).toBe(true);
		expect(output.map((item) => item.json)).toEqual([
			{
				name: 'orders-db',
				type: 'JDBC',
				state: 'READY',
				definition: {
					Name: 'orders-db',
					Description: 'orders',
					ConnectionType: 'JDBC',
					ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/orders', USERNAME: 'etl' },
				},
			},
		]);
	});

	test('Get of a NETWORK connection names its subnet, security groups and Availability Zone: the same view Export gives, secrets and bookkeeping aside', async () => {
		const network = {
			Name: 'vpc-path',
			ConnectionType: 'NETWORK',
			Status: 'READY',
			MatchCriteria: ['prod'],
			ConnectionProperties: {},
			PhysicalConnectionRequirements: { SubnetId: 'subnet-0abc', SecurityGroupIdList: ['sg-0abc', 'sg-0def'], AvailabilityZone: 'eu-west-1a' },
			AthenaProperties: { workgroup: 'primary' },
			ConnectionSchemaVersion: 2,
			CreationTime: new Date('2026-01-01T00:00:00Z'),
			LastUpdatedBy: 'arn:aws:iam::123456789012:user/ops',
		};
		glueMock.on(glue.GetConnectionCommand).resolves({ Connection: network });
		const { output, error } = await glueTool({ operation: 'get', connection: locator('vpc-path') });
		expect(error).toBeUndefined();
		const { definition } = output[0].json;
		expect(definition.PhysicalConnectionRequirements).toEqual({ SubnetId: 'subnet-0abc', SecurityGroupIdList: ['sg-0abc', 'sg-0def'], AvailabilityZone: 'eu-west-1a' });
		const { glueConnectionAsDefinition } = require('../../../nodes/GlueConnection/common/export');
		const exported = glueConnectionAsDefinition(network, []).definition;
		// Export always writes ConnectionProperties (a copy of a NETWORK connection has none): the rest is the same view.
		expect({ ...definition, ConnectionProperties: {} }).toEqual(exported);
		expect(Object.keys(definition)).not.toEqual(expect.arrayContaining(['Status']));
	});

	test('Get of an EventBridge OAuth connection carries its endpoint, method and parameters, never the client secret', async () => {
		ebMock.on(eventbridge.DescribeConnectionCommand).resolves({
			Name: 'crm-oauth',
			ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/crm-oauth/1',
			ConnectionState: 'AUTHORIZED',
			AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
			SecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/crm-oauth/1',
			AuthParameters: {
				OAuthParameters: { ClientParameters: { ClientID: 'client-1' }, AuthorizationEndpoint: 'https://auth.example.com/token', HttpMethod: 'POST', OAuthHttpParameters: { HeaderParameters: [{ Key: 'x-tenant', Value: 'acme', IsValueSecret: false }] } },
				InvocationHttpParameters: { BodyParameters: [{ Key: 'token', IsValueSecret: true }] },
			},
			KmsKeyIdentifier: 'alias/crm',
		});
		const { output, error } = await ebTool({ operation: 'get', connection: locator('crm-oauth') });
		expect(error).toBeUndefined();
		expect(output[0].json.definition).toEqual({
			Name: 'crm-oauth',
			AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
			AuthParameters: {
				OAuthParameters: { ClientParameters: { ClientID: 'client-1' }, AuthorizationEndpoint: 'https://auth.example.com/token', HttpMethod: 'POST', OAuthHttpParameters: { HeaderParameters: [{ Key: 'x-tenant', Value: 'acme', IsValueSecret: false }] } },
				InvocationHttpParameters: { BodyParameters: [{ Key: 'token', IsValueSecret: true }] },
			},
			KmsKeyIdentifier: 'alias/crm',
		});
	});

	test('the same Get outside tool mode keeps the whole AWS answer', async () => {
		glueMock.on(glue.GetConnectionCommand).resolves({ Connection: glueConnection('orders-db') });
		const { output } = await runNode({ node: new GlueConnection(), parameters: { operation: 'get', connection: locator('orders-db') } });
		expect(Object.keys(output[0].json)).toEqual(expect.arrayContaining(['Name', 'ConnectionType', 'ConnectionProperties', 'CreationTime', 'LastUpdatedTime']));
	});

	test('Get Many is bounded: 25 summaries and "more", with at most 26 asked of AWS, even with Return All', async () => {
		const all = Array.from({ length: 40 }, (_, index) => glueConnection(`c-${String(index).padStart(2, '0')}`));
		glueMock.on(glue.GetConnectionsCommand).callsFake(async (input) => {
			const start = Number(input.NextToken ?? 0);
			const end = start + (input.MaxResults ?? 100);
			return { ConnectionList: all.slice(start, end), NextToken: end < all.length ? String(end) : undefined };
		});
		const { output, error } = await glueTool({ operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		const answer = output[0].json;
		expect(answer.returned).toBe(25);
		expect(answer.more).toBe(true);
		expect(answer.connections).toHaveLength(25);
		expect(answer.connections[0]).toEqual({ name: 'c-00', type: 'JDBC', state: 'READY' });
		const asked = glueMock.commandCalls(glue.GetConnectionsCommand).map((call) => call.args[0].input);
		expect(asked.every((input) => input.MaxResults <= 26 && input.HidePassword === true)).toBe(true);
		expect(JSON.stringify(output)).not.toContain(PASSWORD);
	});

	test('Get Many under the cap: every connection, more is false', async () => {
		ebMock.on(eventbridge.ListConnectionsCommand).resolves({
			Connections: [
				{ Name: 'crm', ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/crm/1', ConnectionState: 'AUTHORIZED', AuthorizationType: 'API_KEY' },
			],
		});
		const { output } = await ebTool({ operation: 'getMany', limit: 10 });
		expect(output.map((item) => item.json)).toEqual([{ connections: [{ name: 'crm', type: 'API_KEY', state: 'AUTHORIZED' }], returned: 1, more: false }]);
	});
});

describe('guard rails', () => {
	test('Delete is refused unless the author allows it; nothing is sent', async () => {
		glueMock.on(glue.DeleteConnectionCommand).resolves({});
		const refused = await glueTool({ operation: 'delete', connection: locator('orders-db') });
		expect(refused.error.message).toMatch(/^Operation "delete" is not allowed for AI tools in this workflow/);
		expect(glueCalls()).toBe(0);

		const allowed = await glueTool({ operation: 'delete', connection: locator('orders-db'), allowInToolMode: true });
		expect(allowed.error).toBeUndefined();
		expect(allowed.output[0].json).toEqual({ name: 'orders-db', deleted: true });
		expect(glueMock.commandCalls(glue.DeleteConnectionCommand)).toHaveLength(1);
	});

	test('EventBridge Deauthorize and Delete are refused by default; Get is not guarded', async () => {
		for (const operation of ['deauthorize', 'delete']) {
			const { error } = await ebTool({ operation, connection: locator('crm') });
			expect(error.message).toContain(`Operation "${operation}" is not allowed for AI tools`);
		}
		expect(ebMock.calls()).toHaveLength(0);
		const arn = 'arn:aws:events:us-east-1:123456789012:connection/crm/1';
		ebMock.on(eventbridge.DescribeConnectionCommand).resolves({ Name: 'crm', ConnectionArn: arn, ConnectionState: 'AUTHORIZED', AuthorizationType: 'API_KEY', CreationTime: new Date() });
		const { output, error } = await ebTool({ operation: 'get', connection: locator('crm') });
		expect(error).toBeUndefined();
		// The ARN stays: an API destination needs it next.
		expect(output[0].json).toEqual({ name: 'crm', type: 'API_KEY', state: 'AUTHORIZED', arn, definition: { Name: 'crm', AuthorizationType: 'API_KEY' } });
	});

	test('the operation cannot come from an expression (a model cannot widen Get into Delete)', async () => {
		glueMock.on(glue.DeleteConnectionCommand).resolves({});
		const { error } = await glueTool({ operation: '={{ "delete" }}', connection: locator('orders-db'), allowInToolMode: true });
		expect(error.message).toContain('Operation must be chosen by the workflow author');
		expect(glueCalls()).toBe(0);
	});

	test('a typed password is refused in tool mode (secrets only by reference), and the message holds no secret', async () => {
		glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
		const { error } = await glueTool({
			operation: 'create',
			name: 'orders-db',
			connectionType: 'JDBC',
			jdbcHost: 'db.example.com',
			jdbcDatabase: 'orders',
			jdbcUsername: 'etl',
			jdbcPassword: PASSWORD,
		});
		expect(error.message).toContain('Secrets cannot be typed in an AI tool');
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain(PASSWORD);
		expect(glueCalls()).toBe(0);
	});

	test('the same create without a secret goes through and answers compactly', async () => {
		glueMock.on(glue.CreateConnectionCommand).resolves({ CreateConnectionStatus: 'READY' });
		const { output, error } = await glueTool({ operation: 'create', name: 'vpc-net', connectionType: 'NETWORK', physicalConnectionRequirements: { subnetId: 'subnet-0abc', securityGroupIds: 'sg-01', availabilityZone: 'us-east-1a' } });
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ name: 'vpc-net', connectionType: 'NETWORK', status: 'READY', action: 'created', changed: true });
	});
});

describe('errors a model can act on', () => {
	test('bad input: one short message naming the field and a valid value, no item number, nothing sent', async () => {
		const { error } = await glueTool({ operation: 'get', connection: locator('={{ $json.name }}') }, { inputItems: [{ name: 'bad\nname' }] });
		expect(error.message).toBe('Field Connection: must be a single line of text without control characters. A valid value looks like: sales-postgres. Nothing was sent to AWS; correct the input and call the tool again.');
		const many = await glueTool({ operation: 'getMany', filters: { matchCriteria: Array.from({ length: 11 }, (_, index) => `c${index}`).join(',') } });
		expect(many.error.message).toMatch(/^Field Match Criteria: .+\. A valid value looks like: prod\. Nothing was sent to AWS/);
		expect(glueCalls()).toBe(0);
	});

	test('outside tool mode the message still speaks of the item and the form', async () => {
		const { error } = await runNode({ node: new GlueConnection(), parameters: { operation: 'get', connection: locator('={{ $json.name }}') }, inputItems: [{ name: 'bad\nname' }] });
		expect(error.message).toMatch(/\(item 0\)$/);
	});

	test("AWS's own error keeps its code and message", async () => {
		glueMock.on(glue.GetConnectionCommand).rejects(Object.assign(new Error('Connection not found'), { name: 'EntityNotFoundException', $metadata: { httpStatusCode: 400, requestId: 'r-1' } }));
		const { error } = await glueTool({ operation: 'get', connection: locator('missing') });
		expect(error.message).toBe('EntityNotFoundException: Connection not found');
	});
});
