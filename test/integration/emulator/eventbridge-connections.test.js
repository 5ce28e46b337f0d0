// The emulator's EventBridge connection plug-in (emulator/plugins/eventbridge_connections.py)
// through the real AWS SDK, each behaviour pinned to the EventBridge API reference and the user
// guide's connection states: duplicate names, states on create and update, DeauthorizeConnection,
// ListConnections' filters and paging, secrets never described, and the scripted state sequences.
const eb = require('@aws-sdk/client-eventbridge');
const { emulatorSuite } = require('../../support/moto');

const emulator = emulatorSuite(eb.EventBridgeClient);
const failure = (command) => emulator.failure(command);

const apiKey = (Name, ApiKeyName = 'x-api-key') => ({
	Name,
	AuthorizationType: 'API_KEY',
	AuthParameters: {
		ApiKeyAuthParameters: { ApiKeyName, ApiKeyValue: 'key-value-1' },
		InvocationHttpParameters: {
			HeaderParameters: [
				{ Key: 'x-tenant', Value: 'acme', IsValueSecret: false },
				{ Key: 'x-token', Value: 'header-secret-1', IsValueSecret: true },
			],
		},
	},
});
const oauth = (Name) => ({
	Name,
	AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
	AuthParameters: {
		OAuthParameters: {
			AuthorizationEndpoint: 'https://auth.example.com/token',
			HttpMethod: 'POST',
			ClientParameters: { ClientID: 'client-1', ClientSecret: 'client-secret-1' },
		},
	},
});
const create = (input) => emulator.client.send(new eb.CreateConnectionCommand(input));
const describeConnection = (Name) => emulator.client.send(new eb.DescribeConnectionCommand({ Name }));
const list = async (input = {}) => await emulator.client.send(new eb.ListConnectionsCommand(input));

describe('CreateConnection (API_CreateConnection) and the states of eb-target-connection-states', () => {
	test('a name in use is ResourceAlreadyExistsException (HTTP 400); the first connection is kept', async () => {
		await create(apiKey('orders'));
		expect(await failure(new eb.CreateConnectionCommand(apiKey('orders', 'x-other')))).toMatchObject({ name: 'ResourceAlreadyExistsException', status: 400 });
		expect((await describeConnection('orders')).AuthParameters.ApiKeyAuthParameters.ApiKeyName).toBe('x-api-key');
	});

	test('an API key connection is AUTHORIZED at once, with LastAuthorizedTime', async () => {
		const created = await create(apiKey('orders'));
		expect(created.ConnectionState).toBe('AUTHORIZED');
		const described = await describeConnection('orders');
		expect(described).toMatchObject({ ConnectionState: 'AUTHORIZED', Name: 'orders' });
		expect(described.LastAuthorizedTime).toBeInstanceOf(Date);
		expect(described.LastModifiedTime).toBeInstanceOf(Date);
	});

	test('an OAuth connection answers AUTHORIZING and is AUTHORIZED from the next DescribeConnection on', async () => {
		expect((await create(oauth('crm'))).ConnectionState).toBe('AUTHORIZING');
		expect((await describeConnection('crm')).ConnectionState).toBe('AUTHORIZED');
		expect((await describeConnection('crm')).ConnectionState).toBe('AUTHORIZED');
	});

	test('a connection to a private API settles as ACTIVE and describes its resource configuration and KMS key', async () => {
		const resource = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0';
		const kms = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
		const created = await create({ ...apiKey('private'), InvocationConnectivityParameters: { ResourceParameters: { ResourceConfigurationArn: resource } }, KmsKeyIdentifier: kms });
		expect(created.ConnectionState).toBe('ACTIVE');
		const described = await describeConnection('private');
		expect(described).toMatchObject({ ConnectionState: 'ACTIVE', KmsKeyIdentifier: kms });
		expect(described.InvocationConnectivityParameters.ResourceParameters).toEqual({
			ResourceConfigurationArn: resource,
			ResourceAssociationArn: expect.stringMatching(/^arn:aws:vpc-lattice:us-east-1:123456789012:servicenetworkresourceassociation\/snra-/),
		});
		expect((await create({ ...oauth('private-oauth'), InvocationConnectivityParameters: { ResourceParameters: { ResourceConfigurationArn: resource } } })).ConnectionState).toBe('AUTHORIZING');
		expect((await describeConnection('private-oauth')).ConnectionState).toBe('ACTIVE');
	});

	test('a name outside [.-_A-Za-z0-9]{1,64} is a ValidationException', async () => {
		expect(await failure(new eb.CreateConnectionCommand(apiKey('bad name')))).toMatchObject({ name: 'ValidationException', status: 400 });
	});
});

describe('DescribeConnection (API_DescribeConnection): ConnectionAuthResponseParameters carry no secret', () => {
	test('no API key value, client secret or value of a secret HTTP parameter; the non-secret ones stay', async () => {
		await create(apiKey('orders'));
		await create(oauth('crm'));
		const orders = await describeConnection('orders');
		expect(orders.AuthParameters).toEqual({
			ApiKeyAuthParameters: { ApiKeyName: 'x-api-key' },
			InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-tenant', Value: 'acme', IsValueSecret: false }, { Key: 'x-token', IsValueSecret: true }] },
		});
		const crm = await describeConnection('crm');
		expect(crm.AuthParameters.OAuthParameters.ClientParameters).toEqual({ ClientID: 'client-1' });
		expect(JSON.stringify([orders, crm])).not.toMatch(/key-value-1|header-secret-1|client-secret-1/);
		expect(orders.SecretArn).toMatch(/^arn:aws:secretsmanager:/);
	});
});

describe('UpdateConnection (API_UpdateConnection)', () => {
	test('AuthParameters merge into what the connection has: a new key value keeps the key name', async () => {
		await create(apiKey('orders'));
		const updated = await emulator.client.send(new eb.UpdateConnectionCommand({ Name: 'orders', AuthParameters: { ApiKeyAuthParameters: { ApiKeyValue: 'key-value-2' } } }));
		expect(updated.ConnectionState).toBe('AUTHORIZED');
		expect((await describeConnection('orders')).AuthParameters.ApiKeyAuthParameters).toEqual({ ApiKeyName: 'x-api-key' });
	});

	test("the connection's secret holds the updated parameters (a rotated key is its current version)", async () => {
		const sm = require('@aws-sdk/client-secrets-manager');
		await create(apiKey('rotated'));
		await emulator.client.send(new eb.UpdateConnectionCommand({ Name: 'rotated', AuthParameters: { ApiKeyAuthParameters: { ApiKeyValue: 'key-value-rotated' } } }));
		const secrets = new sm.SecretsManagerClient({ region: 'us-east-1', endpoint: emulator.moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
		const { SecretString } = await secrets.send(new sm.GetSecretValueCommand({ SecretId: (await describeConnection('rotated')).SecretArn })).finally(() => secrets.destroy());
		expect(JSON.parse(SecretString).ApiKeyAuthParameters).toEqual({ ApiKeyName: 'x-api-key', ApiKeyValue: 'key-value-rotated' });
	});

	test('a new authorization type drops the old type parameters', async () => {
		await create(apiKey('orders'));
		await emulator.client.send(
			new eb.UpdateConnectionCommand({ Name: 'orders', AuthorizationType: 'BASIC', AuthParameters: { BasicAuthParameters: { Username: 'svc', Password: 'pw' } } }),
		);
		const described = await describeConnection('orders');
		expect(described.AuthorizationType).toBe('BASIC');
		expect(described.AuthParameters.BasicAuthParameters).toEqual({ Username: 'svc' });
		expect(described.AuthParameters).not.toHaveProperty('ApiKeyAuthParameters');
	});

	test('an unknown name is ResourceNotFoundException', async () => {
		expect(await failure(new eb.UpdateConnectionCommand({ Name: 'nope', Description: 'x' }))).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
	});
});

describe('DeauthorizeConnection (API_DeauthorizeConnection, eb-target-connection-deauthorize)', () => {
	test('answers DEAUTHORIZING, then DEAUTHORIZED; the authorization parameters and the secret are removed', async () => {
		const created = await create(apiKey('orders'));
		const answer = await emulator.client.send(new eb.DeauthorizeConnectionCommand({ Name: 'orders' }));
		expect(answer).toMatchObject({ ConnectionArn: created.ConnectionArn, ConnectionState: 'DEAUTHORIZING' });
		expect(answer.LastAuthorizedTime).toBeInstanceOf(Date);
		const described = await describeConnection('orders');
		expect(described.ConnectionState).toBe('DEAUTHORIZED');
		expect(described).not.toHaveProperty('AuthParameters');
		expect(described).not.toHaveProperty('SecretArn');
	});

	test('an update with AuthParameters re-authorizes; one without leaves it de-authorized', async () => {
		await create(apiKey('orders'));
		await emulator.client.send(new eb.DeauthorizeConnectionCommand({ Name: 'orders' }));
		await describeConnection('orders');
		const described = await emulator.client.send(new eb.UpdateConnectionCommand({ Name: 'orders', Description: 'only this' }));
		expect(described.ConnectionState).toBe('DEAUTHORIZED');
		const reauthorized = await emulator.client.send(
			new eb.UpdateConnectionCommand({ Name: 'orders', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'key-value-3' } } }),
		);
		expect(reauthorized.ConnectionState).toBe('AUTHORIZED');
		const after = await describeConnection('orders');
		expect(after).toMatchObject({ ConnectionState: 'AUTHORIZED', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key' } } });
		expect(after.SecretArn).toMatch(/^arn:aws:secretsmanager:/);
	});

	test('an unknown name is ResourceNotFoundException; a connection still authorizing is ConcurrentModificationException', async () => {
		expect(await failure(new eb.DeauthorizeConnectionCommand({ Name: 'nope' }))).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
		await create(oauth('crm')); // AUTHORIZING until described
		expect(await failure(new eb.DeauthorizeConnectionCommand({ Name: 'crm' }))).toMatchObject({ name: 'ConcurrentModificationException', status: 400 });
	});
});

describe('ListConnections (API_ListConnections)', () => {
	beforeEach(async () => {
		for (const name of ['orders-1', 'orders-2', 'orders-3', 'billing-1']) await create(apiKey(name));
		await emulator.client.send(new eb.DeauthorizeConnectionCommand({ Name: 'orders-2' }));
		await describeConnection('orders-2');
	});

	test('NamePrefix and ConnectionState filter; each entry is a Connection structure', async () => {
		const orders = await list({ NamePrefix: 'orders-' });
		expect(orders.Connections.map((c) => c.Name)).toEqual(['orders-1', 'orders-2', 'orders-3']);
		expect(orders.Connections[0]).toMatchObject({ AuthorizationType: 'API_KEY', ConnectionState: 'AUTHORIZED' });
		expect(orders.Connections[0].ConnectionArn).toMatch(/:connection\/orders-1\//);
		expect((await list({ ConnectionState: 'DEAUTHORIZED' })).Connections.map((c) => c.Name)).toEqual(['orders-2']);
		expect((await list({ NamePrefix: 'orders-', ConnectionState: 'AUTHORIZED' })).Connections.map((c) => c.Name)).toEqual(['orders-1', 'orders-3']);
		expect((await list({ NamePrefix: 'nothing' })).Connections).toEqual([]);
	});

	test('Limit and NextToken page through every match once', async () => {
		const first = await list({ Limit: 3 });
		expect(first.Connections).toHaveLength(3);
		expect(first.NextToken).toEqual(expect.any(String));
		const second = await list({ Limit: 3, NextToken: first.NextToken });
		expect(second.NextToken).toBeUndefined();
		expect([...first.Connections, ...second.Connections].map((c) => c.Name)).toEqual(['orders-1', 'orders-2', 'orders-3', 'billing-1']);
	});

	test('Limit outside 1-100, an unknown state or a bad NextToken is a ValidationException', async () => {
		for (const input of [{ Limit: 0 }, { Limit: 101 }, { ConnectionState: 'SLEEPING' }, { NextToken: 'not-a-token' }]) {
			expect(await failure(new eb.ListConnectionsCommand(input))).toMatchObject({ name: 'ValidationException', status: 400 });
		}
	});
});

describe('scripted states (the emulator convention, for tests)', () => {
	test('each DescribeConnection moves to the next scripted state, with its StateReason; the last one stays until a write', async () => {
		await emulator.moto.scriptConnectionStates('orders', [
			{ State: 'AUTHORIZING' },
			{ State: 'FAILED_CONNECTIVITY', StateReason: 'Timeout connecting to https://api.example.com' },
		]);
		const created = await create(apiKey('orders'));
		expect(created.ConnectionState).toBe('AUTHORIZING'); // a write answers the script's next state
		expect((await describeConnection('orders')).ConnectionState).toBe('AUTHORIZING');
		for (let i = 0; i < 2; i++) {
			expect(await describeConnection('orders')).toMatchObject({ ConnectionState: 'FAILED_CONNECTIVITY', StateReason: 'Timeout connecting to https://api.example.com' });
		}
		expect((await list({ ConnectionState: 'FAILED_CONNECTIVITY' })).Connections.map((c) => c.Name)).toEqual(['orders']);
		// Used up: the next write follows AWS's rules again.
		expect((await emulator.client.send(new eb.DeauthorizeConnectionCommand({ Name: 'orders' }))).ConnectionState).toBe('DEAUTHORIZING');
		expect((await describeConnection('orders')).ConnectionState).toBe('DEAUTHORIZED');
	});

	test('an empty script removes it; moto reset forgets every script; a bad body is HTTP 400', async () => {
		await emulator.moto.scriptConnectionStates('orders', [{ State: 'AUTHORIZING' }]);
		await emulator.moto.scriptConnectionStates('orders', []);
		await create(apiKey('orders'));
		expect((await describeConnection('orders')).ConnectionState).toBe('AUTHORIZED');
		await emulator.moto.scriptConnectionStates('billing', [{ State: 'AUTHORIZING' }]);
		await emulator.moto.reset();
		await create(apiKey('billing'));
		expect((await describeConnection('billing')).ConnectionState).toBe('AUTHORIZED');
		await expect(emulator.moto.scriptConnectionStates('orders', [{ State: 'SLEEPING' }])).rejects.toThrow(/HTTP 400/);
	});
});
