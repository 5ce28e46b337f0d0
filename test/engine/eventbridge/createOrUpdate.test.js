// Create or Update, waiting for the state to settle, and the secret-leak check, in the real engine
// with the SDK mocked. Polling uses a 10 ms interval: no assertion depends on timing.
const { eb, ebMock, ARN, run, locator, rows, sent } = require('./helpers');

beforeEach(() => ebMock.reset());

const notFound = () =>
	Object.assign(new Error("Failed to describe the connection(s). Connection 'orders-api' does not exist."), {
		name: 'ResourceNotFoundException',
		$metadata: { httpStatusCode: 400, requestId: 'rq-nf' },
	});
const apiKey = { operation: 'createOrUpdate', name: 'orders-api', authorizationType: 'API_KEY', keyHeaderName: 'x-api-key', apiKeyValue: 'key-value-1' };
const described = (overrides = {}) => ({
	ConnectionArn: ARN,
	Name: 'orders-api',
	ConnectionState: 'AUTHORIZED',
	AuthorizationType: 'API_KEY',
	AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key' } },
	...overrides,
});
const fastWait = { waitForState: true, pollInterval: 0.01, waitTimeout: 5 };

describe('create or update', () => {
	test('missing (ResourceNotFoundException): creates it', async () => {
		ebMock.on(eb.DescribeConnectionCommand).rejects(notFound());
		ebMock.on(eb.CreateConnectionCommand).resolves({ ConnectionArn: ARN, ConnectionState: 'AUTHORIZED' });
		const { output, error } = await run(apiKey);
		expect(error).toBeUndefined();
		expect(sent(eb.DescribeConnectionCommand)).toEqual([{ Name: 'orders-api' }]);
		expect(sent(eb.CreateConnectionCommand)).toEqual([
			{ Name: 'orders-api', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'key-value-1' } } },
		]);
		expect(output[0].json).toEqual({ name: 'orders-api', connectionArn: ARN, state: 'AUTHORIZED', action: 'created', changed: true, dryRun: false, differences: [] });
	});

	test('same non-secret settings: nothing is written and the result says unchanged', async () => {
		ebMock.on(eb.DescribeConnectionCommand).resolves(described());
		const { output } = await run(apiKey);
		expect(sent(eb.UpdateConnectionCommand)).toEqual([]);
		expect(sent(eb.CreateConnectionCommand)).toEqual([]);
		expect(output[0].json).toMatchObject({ action: 'unchanged', changed: false, differences: [] });
	});

	test('"Update When Secrets Are Given" writes the whole definition even when nothing visible differs', async () => {
		ebMock.on(eb.DescribeConnectionCommand).resolves(described());
		ebMock.on(eb.UpdateConnectionCommand).resolves({ ConnectionArn: ARN, ConnectionState: 'AUTHORIZED' });
		const { output } = await run({ ...apiKey, options: { updateWhenSecretsGiven: true } });
		expect(sent(eb.UpdateConnectionCommand)).toEqual([
			{ Name: 'orders-api', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'key-value-1' } } },
		]);
		expect(output[0].json).toMatchObject({ action: 'updated', changed: true, differences: ['(secrets)'] });
	});

	test('a differing setting: updates and lists the differences', async () => {
		ebMock.on(eb.DescribeConnectionCommand).resolves(described({ Description: 'old' }));
		ebMock.on(eb.UpdateConnectionCommand).resolves({ ConnectionArn: ARN, ConnectionState: 'AUTHORIZED' });
		const { output } = await run({ ...apiKey, keyHeaderName: 'x-key', additionalFields: { description: 'new' } });
		expect(sent(eb.UpdateConnectionCommand)).toEqual([
			{
				Name: 'orders-api',
				Description: 'new',
				AuthorizationType: 'API_KEY',
				AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-key', ApiKeyValue: 'key-value-1' } },
			},
		]);
		expect(output[0].json).toMatchObject({ action: 'updated', changed: true, differences: ['AuthParameters.ApiKeyAuthParameters.ApiKeyName', 'Description'] });
	});

	test('Dry Run reports the plan and writes nothing', async () => {
		ebMock.on(eb.DescribeConnectionCommand).rejectsOnce(notFound()).resolves(described({ AuthorizationType: 'BASIC', AuthParameters: { BasicAuthParameters: { Username: 'u' } } }));
		const missing = await run({ ...apiKey, options: { dryRun: true } });
		const existing = await run({ ...apiKey, options: { dryRun: true } });
		expect(missing.output[0].json).toMatchObject({ action: 'wouldCreate', changed: true, dryRun: true });
		expect(existing.output[0].json).toMatchObject({ action: 'wouldUpdate', changed: true, dryRun: true });
		expect(existing.output[0].json.differences).toEqual([
			'AuthParameters.ApiKeyAuthParameters.ApiKeyName',
			'AuthParameters.BasicAuthParameters.Username',
			'AuthorizationType',
		]);
		expect(sent(eb.CreateConnectionCommand)).toEqual([]);
		expect(sent(eb.UpdateConnectionCommand)).toEqual([]);
	});

	test('any other Describe failure is an AWS error, and nothing is created', async () => {
		ebMock.on(eb.DescribeConnectionCommand).rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403, requestId: 'rq-403' } }));
		const { error } = await run(apiKey);
		expect(error.message).toBe('AccessDeniedException: User is not authorized');
		expect(sent(eb.CreateConnectionCommand)).toEqual([]);
	});
});

describe('waiting for the state to settle', () => {
	test('create polls DescribeConnection until the state leaves CREATING/AUTHORIZING', async () => {
		ebMock.on(eb.CreateConnectionCommand).resolves({ ConnectionArn: ARN, ConnectionState: 'CREATING' });
		ebMock
			.on(eb.DescribeConnectionCommand)
			.resolvesOnce(described({ ConnectionState: 'CREATING' }))
			.resolvesOnce(described({ ConnectionState: 'AUTHORIZING' }))
			.resolves(described({ ConnectionState: 'AUTHORIZED', LastAuthorizedTime: new Date('2026-02-03T04:05:06Z') }));
		const { output, error } = await run({ ...apiKey, operation: 'create', options: fastWait });
		expect(error).toBeUndefined();
		expect(sent(eb.DescribeConnectionCommand)).toHaveLength(3);
		expect(output[0].json).toMatchObject({ state: 'AUTHORIZED', lastAuthorizedTime: '2026-02-03T04:05:06.000Z', action: 'created' });
	});

	test('FAILED_CONNECTIVITY is an error carrying the StateReason', async () => {
		ebMock.on(eb.UpdateConnectionCommand).resolves({ ConnectionState: 'UPDATING' });
		ebMock
			.on(eb.DescribeConnectionCommand)
			.resolvesOnce(described({ ConnectionState: 'UPDATING' }))
			.resolves(described({ ConnectionState: 'FAILED_CONNECTIVITY', StateReason: 'Resource configuration unreachable' }));
		const { error } = await run({ operation: 'update', connection: locator('orders-api'), authorizationType: '', additionalFields: { description: 'x' }, options: fastWait });
		expect(error.message).toBe('Connection "orders-api" is in state FAILED_CONNECTIVITY: Resource configuration unreachable');
		expect(error.description).toContain('Resource configuration unreachable');
	});

	test('a state that never settles fails at the timeout with the last state and reason', async () => {
		ebMock.on(eb.DeauthorizeConnectionCommand).resolves({ ConnectionState: 'DEAUTHORIZING' });
		ebMock.on(eb.DescribeConnectionCommand).resolves(described({ ConnectionState: 'DEAUTHORIZING', StateReason: 'Still revoking' }));
		const { error } = await run({ operation: 'deauthorize', connection: locator('orders-api'), options: { waitForState: true, pollInterval: 0.01, waitTimeout: 0.05 } });
		expect(error.message).toMatch(/^Connection "orders-api" did not settle within \d+ s; it is still DEAUTHORIZING: Still revoking$/);
		expect(sent(eb.DescribeConnectionCommand).length).toBeGreaterThan(0);
	});

	test('with continueOnFail a failed wait becomes an error item, paired with its input', async () => {
		ebMock.on(eb.CreateConnectionCommand).resolves({ ConnectionState: 'CREATING' });
		ebMock.on(eb.DescribeConnectionCommand).callsFake(async ({ Name }) =>
			described({ Name, ConnectionState: Name === 'bad' ? 'FAILED_CONNECTIVITY' : 'AUTHORIZED', StateReason: Name === 'bad' ? 'no route' : undefined }),
		);
		const { output } = await run(
			{ ...apiKey, operation: 'create', name: '={{ $json.name }}', options: fastWait },
			{ inputItems: [{ name: 'bad' }, { name: 'good' }], continueOnFail: true },
		);
		expect(output.map((item) => [item.pairedItem.item, item.json.error ?? item.json.state])).toEqual([
			[0, 'Connection "bad" is in state FAILED_CONNECTIVITY: no route'],
			[1, 'AUTHORIZED'],
		]);
	});
});

describe('secrets never leave the node', () => {
	const secrets = ['pw-basic-LEAK-1', 'client-secret-LEAK-2', 'key-value-LEAK-3', 'header-secret-LEAK-4', 'oauth-body-LEAK-5'];

	test('not in outputs (even when AWS echoes them), nor in error messages', async () => {
		// An emulator that echoes everything back, and an AWS error that quotes the request.
		ebMock.on(eb.DescribeConnectionCommand).callsFake(async () => described({
			AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
			AuthParameters: {
				BasicAuthParameters: { Username: 'u', Password: secrets[0] },
				OAuthParameters: {
					ClientParameters: { ClientID: 'c', ClientSecret: secrets[1] },
					OAuthHttpParameters: { BodyParameters: [{ Key: 'aud', Value: secrets[4], IsValueSecret: true }] },
				},
				ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: secrets[2] },
				InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-s', Value: secrets[3], IsValueSecret: true }] },
			},
		}));
		ebMock.on(eb.UpdateConnectionCommand).callsFake(async (input) => {
			throw Object.assign(new Error(`Invalid request: ${JSON.stringify(input)}`), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
		});
		const oauth = {
			operation: 'createOrUpdate',
			name: 'orders-api',
			authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
			oauthClientId: 'c',
			oauthClientSecret: secrets[1],
			oauthAuthorizationEndpoint: 'https://auth.example.com/token',
			oauthHttpMethod: 'POST',
			oauthOptions: { oauthBody: rows(['aud', secrets[4], true]) },
			additionalFields: { invocationHeaders: rows(['x-s', secrets[3], true]) },
			options: { updateWhenSecretsGiven: true },
		};
		const results = [
			await run({ operation: 'get', connection: locator('orders-api') }),
			await run(oauth),
			await run(oauth, { continueOnFail: true }),
			await run({ operation: 'update', connection: locator('orders-api'), authorizationType: 'BASIC', basicPassword: secrets[0] }),
			await run({ operation: 'update', connection: locator('orders-api'), authorizationType: 'API_KEY', apiKeyValue: secrets[2] }),
		];
		// The failures really happened, so their messages were checked.
		expect(results.filter((result) => result.error)).toHaveLength(3);
		expect(results[1].error.message).toMatch(/^ValidationException: Invalid request/);
		const text = JSON.stringify(results.map(({ output, error }) => ({ output, message: error?.message, description: error?.description, messages: error?.messages })));
		for (const secret of secrets) expect(text).not.toContain(secret);
		expect(text).toContain('[redacted]');
	});
});
