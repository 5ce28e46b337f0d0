// The EventBridge node in n8n-core's real engine, with the SDK mocked: the exact SDK input of every
// operation, the output handed to the next node, pairedItem, continueOnFail and AWS errors.
const { eb, ebMock, ARN, run, locator, rows, sent } = require('./helpers');

beforeEach(() => ebMock.reset());

const RCFG = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0';
const created = { ConnectionArn: ARN, ConnectionState: 'AUTHORIZED', CreationTime: new Date('2026-01-02T03:04:05Z'), LastModifiedTime: new Date('2026-01-02T03:04:05Z') };
const basic = { authorizationType: 'BASIC', basicUsername: 'svc', basicPassword: 'pw-basic-123' };

describe('create', () => {
	test('basic: sends exactly the mapped input and returns ARN, state and ISO times', async () => {
		ebMock.on(eb.CreateConnectionCommand).resolves({ ...created, $metadata: { requestId: 'r1' } });
		const { output, error } = await run({
			operation: 'create',
			name: '={{ $json.name }}',
			...basic,
			additionalFields: {
				description: 'Orders API',
				invocationHeaders: rows(['x-tenant', 'acme'], ['x-token', 'tok-secret-1', true]),
				invocationQueryString: rows(['v', '2']),
				invocationBody: rows(['source', 'n8n']),
				kmsKeyIdentifier: 'alias/eventbridge-connections',
				resourceConfigurationArn: RCFG,
			},
		}, { inputItems: [{ name: 'orders-api' }] });
		expect(error).toBeUndefined();
		expect(sent(eb.CreateConnectionCommand)).toEqual([
			{
				Name: 'orders-api',
				Description: 'Orders API',
				AuthorizationType: 'BASIC',
				AuthParameters: {
					BasicAuthParameters: { Username: 'svc', Password: 'pw-basic-123' },
					InvocationHttpParameters: {
						HeaderParameters: [
							{ Key: 'x-tenant', Value: 'acme', IsValueSecret: false },
							{ Key: 'x-token', Value: 'tok-secret-1', IsValueSecret: true },
						],
						QueryStringParameters: [{ Key: 'v', Value: '2', IsValueSecret: false }],
						BodyParameters: [{ Key: 'source', Value: 'n8n', IsValueSecret: false }],
					},
				},
				InvocationConnectivityParameters: { ResourceParameters: { ResourceConfigurationArn: RCFG } },
				KmsKeyIdentifier: 'alias/eventbridge-connections',
			},
		]);
		expect(output).toEqual([
			{
				json: {
					name: 'orders-api',
					connectionArn: ARN,
					state: 'AUTHORIZED',
					creationTime: '2026-01-02T03:04:05.000Z',
					lastModifiedTime: '2026-01-02T03:04:05.000Z',
					action: 'created',
					changed: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('API key and OAuth client credentials send only their own auth parameters', async () => {
		ebMock.on(eb.CreateConnectionCommand).resolves(created);
		await run({
			operation: 'create',
			name: 'k',
			authorizationType: 'API_KEY',
			keyHeaderName: 'x-api-key',
			apiKeyValue: 'key-value-1',
			basicUsername: 'ignored-because-hidden',
		});
		await run({
			operation: 'create',
			name: 'o',
			authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
			oauthClientId: 'client-1',
			oauthClientSecret: 'client-secret-1',
			oauthAuthorizationEndpoint: 'https://auth.example.com/oauth2/token',
			oauthHttpMethod: 'POST',
			oauthOptions: { oauthBody: rows(['grant_type', 'client_credentials']), oauthHeaders: rows(['x-audience', 'api']), resourceConfigurationArn: RCFG },
		});
		expect(sent(eb.CreateConnectionCommand)).toEqual([
			{ Name: 'k', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'key-value-1' } } },
			{
				Name: 'o',
				AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
				AuthParameters: {
					OAuthParameters: {
						ClientParameters: { ClientID: 'client-1', ClientSecret: 'client-secret-1' },
						AuthorizationEndpoint: 'https://auth.example.com/oauth2/token',
						HttpMethod: 'POST',
						OAuthHttpParameters: {
							HeaderParameters: [{ Key: 'x-audience', Value: 'api', IsValueSecret: false }],
							BodyParameters: [{ Key: 'grant_type', Value: 'client_credentials', IsValueSecret: false }],
						},
					},
					ConnectivityParameters: { ResourceParameters: { ResourceConfigurationArn: RCFG } },
				},
			},
		]);
	});

	test('a missing required field of the chosen type stops before any AWS call, naming field and item', async () => {
		ebMock.on(eb.CreateConnectionCommand).resolves(created);
		const { error } = await run(
			{ operation: 'create', name: '={{ $json.name }}', authorizationType: 'BASIC', basicUsername: 'svc', basicPassword: '={{ $json.pw }}' },
			{ inputItems: [{ name: 'ok', pw: 'pw-1234' }, { name: 'bad', pw: '' }] },
		);
		expect(error.message).toBe('Password: is required (item 1)');
		expect(error.description).toContain('Nothing was sent to AWS');
		expect(sent(eb.CreateConnectionCommand).map((input) => input.Name)).toEqual(['ok']);
	});

	test('an invalid name is refused before the credential is even used', async () => {
		const { error } = await run({ operation: 'create', name: 'bad name!', ...basic });
		expect(error.message).toBe('Name: must be 1 to 64 letters, digits, dots, dashes or underscores (item 0)');
		expect(ebMock.calls()).toHaveLength(0);
	});

	test('an AWS failure is a NodeApiError with code, message and request ID; continueOnFail keeps going with pairedItem', async () => {
		const limit = Object.assign(new Error('Connection limit reached.'), {
			name: 'LimitExceededException',
			$metadata: { httpStatusCode: 400, requestId: 'req-eb-7' },
		});
		ebMock.on(eb.CreateConnectionCommand).callsFake(async (input) => {
			if (input.Name === 'full') throw limit;
			return created;
		});
		const params = { operation: 'create', name: '={{ $json.name }}', ...basic };
		const failed = await run(params, { inputItems: [{ name: 'full' }] });
		expect(failed.error.message).toBe('LimitExceededException: Connection limit reached.');
		expect(failed.error.description).toContain('req-eb-7');

		const { output } = await run(params, { inputItems: [{ name: 'full' }, { name: 'free' }], continueOnFail: true });
		expect(output.map((item) => [item.pairedItem.item, item.json.error ?? item.json.action])).toEqual([
			[0, 'LimitExceededException: Connection limit reached.'],
			[1, 'created'],
		]);
		// One client for the whole execution: both items went through the same mocked client.
		expect(sent(eb.CreateConnectionCommand).map((input) => input.Name)).toEqual(['full', 'full', 'free']);
	});
});

describe('get, get many and delete', () => {
	test('get returns the described connection without secrets, $metadata or Date objects', async () => {
		ebMock.on(eb.DescribeConnectionCommand).resolves({
			$metadata: { requestId: 'x' },
			ConnectionArn: ARN,
			Name: 'orders-api',
			ConnectionState: 'AUTHORIZED',
			AuthorizationType: 'BASIC',
			SecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/orders-api/abc',
			AuthParameters: {
				// An emulator may echo secrets back: the node must drop them anyway.
				BasicAuthParameters: { Username: 'svc', Password: 'leaked-pw-1' },
				InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-token', Value: 'leaked-token-1', IsValueSecret: true }, { Key: 'x-tenant', Value: 'acme', IsValueSecret: false }] },
			},
			CreationTime: new Date('2026-01-02T03:04:05Z'),
		});
		const { output } = await run({ operation: 'get', connection: locator('orders-api') });
		expect(sent(eb.DescribeConnectionCommand)).toEqual([{ Name: 'orders-api' }]);
		expect(output[0].json).toEqual({
			ConnectionArn: ARN,
			Name: 'orders-api',
			ConnectionState: 'AUTHORIZED',
			AuthorizationType: 'BASIC',
			SecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/orders-api/abc',
			AuthParameters: {
				BasicAuthParameters: { Username: 'svc' },
				InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-tenant', Value: 'acme', IsValueSecret: false }, { Key: 'x-token', IsValueSecret: true }] },
			},
			CreationTime: '2026-01-02T03:04:05.000Z',
		});
	});

	test('get with a name that breaks the pattern fails as input, without a call', async () => {
		// An expression: n8n checks a literal against the locator's regex before the run already.
		const { error } = await run({ operation: 'get', connection: locator('={{ $json.name }}') }, { inputItems: [{ name: 'a/b' }] });
		expect(error.message).toMatch(/^Connection: must be 1 to 64 letters/);
		expect(ebMock.calls()).toHaveLength(0);
	});

	test('get many follows NextToken with the filters and stops at the limit', async () => {
		const pages = [
			{ Connections: [{ Name: 'a' }, { Name: 'b' }], NextToken: 't1' },
			{ Connections: [{ Name: 'c' }, { Name: 'd' }], NextToken: 't2' },
		];
		ebMock.on(eb.ListConnectionsCommand).callsFake(async () => pages.shift());
		const { output } = await run({ operation: 'getMany', returnAll: false, limit: 3, filters: { namePrefix: 'ord', connectionState: 'AUTHORIZED' } });
		expect(output.map((item) => item.json.Name)).toEqual(['a', 'b', 'c']);
		expect(sent(eb.ListConnectionsCommand)).toEqual([
			{ NamePrefix: 'ord', ConnectionState: 'AUTHORIZED', Limit: 3 },
			{ NamePrefix: 'ord', ConnectionState: 'AUTHORIZED', Limit: 1, NextToken: 't1' },
		]);
	});

	test('get many with Return All reads every page, 100 at a time, with ISO times', async () => {
		ebMock
			.on(eb.ListConnectionsCommand)
			.resolvesOnce({ Connections: [{ Name: 'a', CreationTime: new Date('2026-01-01T00:00:00Z') }], NextToken: 'n' })
			.resolvesOnce({ Connections: [{ Name: 'b' }] });
		const { output } = await run({ operation: 'getMany', returnAll: true });
		expect(output.map((item) => item.json)).toEqual([{ Name: 'a', CreationTime: '2026-01-01T00:00:00.000Z' }, { Name: 'b' }]);
		expect(sent(eb.ListConnectionsCommand)).toEqual([{ Limit: 100 }, { Limit: 100, NextToken: 'n' }]);
	});

	test('delete sends the name and returns { name, deleted: true }', async () => {
		ebMock.on(eb.DeleteConnectionCommand).resolves({ ConnectionState: 'DELETING' });
		const { output } = await run({ operation: 'delete', connection: locator('orders-api') });
		expect(sent(eb.DeleteConnectionCommand)).toEqual([{ Name: 'orders-api' }]);
		expect(output).toEqual([{ json: { name: 'orders-api', deleted: true }, pairedItem: { item: 0 } }]);
	});

	test('delete of a missing connection is a ResourceNotFoundException NodeApiError', async () => {
		ebMock.on(eb.DeleteConnectionCommand).rejects(Object.assign(new Error("Failed to describe the connection(s). Connection 'x' does not exist."), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400, requestId: 'rq-404' } }));
		const { error } = await run({ operation: 'delete', connection: locator('x') });
		expect(error.message).toMatch(/^ResourceNotFoundException: /);
		expect(error.description).toContain('rq-404');
	});
});

describe('update and deauthorize', () => {
	test('update sends only the fields the user set', async () => {
		ebMock.on(eb.UpdateConnectionCommand).resolves({ ...created, ConnectionState: 'UPDATING' });
		const { output } = await run({
			operation: 'update',
			connection: locator('orders-api'),
			authorizationType: 'BASIC',
			basicPassword: 'new-pw-5678',
			additionalFields: { description: 'rotated' },
		});
		expect(sent(eb.UpdateConnectionCommand)).toEqual([
			{ Name: 'orders-api', Description: 'rotated', AuthorizationType: 'BASIC', AuthParameters: { BasicAuthParameters: { Password: 'new-pw-5678' } } },
		]);
		expect(output[0].json).toMatchObject({ name: 'orders-api', state: 'UPDATING', action: 'updated', changed: true });
	});

	test('update of one OAuth member sends only it (the HTTP method list keeps the current one)', async () => {
		ebMock.on(eb.UpdateConnectionCommand).resolves(created);
		await run({ operation: 'update', connection: locator('orders-api'), authorizationType: 'OAUTH_CLIENT_CREDENTIALS', oauthClientSecret: 'rotated-1' });
		expect(sent(eb.UpdateConnectionCommand)).toEqual([
			{ Name: 'orders-api', AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS', AuthParameters: { OAuthParameters: { ClientParameters: { ClientSecret: 'rotated-1' } } } },
		]);
	});

	test('update with "Keep Current" leaves the authorization alone', async () => {
		ebMock.on(eb.UpdateConnectionCommand).resolves(created);
		await run({
			operation: 'update',
			connection: locator('orders-api'),
			authorizationType: '',
			additionalFields: { invocationQueryString: rows(['v', '3']) },
		});
		expect(sent(eb.UpdateConnectionCommand)).toEqual([
			{ Name: 'orders-api', AuthParameters: { InvocationHttpParameters: { QueryStringParameters: [{ Key: 'v', Value: '3', IsValueSecret: false }] } } },
		]);
	});

	test('update with nothing to change is an input error and sends nothing', async () => {
		const { error } = await run({ operation: 'update', connection: locator('orders-api'), authorizationType: '' });
		expect(error.message).toBe('Update: set at least one field to change (item 0)');
		expect(ebMock.calls()).toHaveLength(0);
	});

	test('deauthorize sends the name and reports the state', async () => {
		ebMock.on(eb.DeauthorizeConnectionCommand).resolves({ ConnectionArn: ARN, ConnectionState: 'DEAUTHORIZING' });
		const { output } = await run({ operation: 'deauthorize', connection: locator('orders-api') });
		expect(sent(eb.DeauthorizeConnectionCommand)).toEqual([{ Name: 'orders-api' }]);
		expect(output[0].json).toEqual({ name: 'orders-api', connectionArn: ARN, state: 'DEAUTHORIZING', action: 'deauthorized', changed: true });
	});
});
