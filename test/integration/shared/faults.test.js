// Both nodes in n8n-core's real engine, against moto (with our plug-ins) behind the seeded fault
// proxy (test/support/faultProxy.js): throttling, 5xx, connection resets and answers lost after the
// request took effect. A write retried by the SDK must never become a false failure or a second
// connection. Time runs 50 times faster here (test/support/fastClock.js) so that the SDK's real
// back-off of 100 creates fits in seconds; the assertions count, they never time anything.
const glue = require('@aws-sdk/client-glue');
const eb = require('@aws-sdk/client-eventbridge');
const { SecretsManagerClient, CreateSecretCommand } = require('@aws-sdk/client-secrets-manager');
const { startMoto } = require('../../support/moto');
const { startFaultProxy } = require('../../support/faultProxy');
const { compressTime } = require('../../support/fastClock');
const { runNode } = require('../../support/engine');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');
const { testAwsCredential } = require('../../../nodes/shared/transport/credentialTest');

/** The proxy settings of issue 8's measurement. */
const ISSUE_FAULTS = { throttle: 0.3, serverError: 0.1, reset: 0.03, lostAnswer: 0.03 };
const ITEMS = 100;
// Changes a default: on the 50x clock every real ms of the emulator counts 50, so time is unbounded here and proved at the defaults in faultsAtDefaults.test.js.
const ATTEMPTS_ONLY = { maxRetryTime: 3600 };
// Changes a default: the 50x clock would make the 20 s Request Timeout 0.4 real s; it is proved on a real clock below.
const NO_ATTEMPT_TIMEOUT = { requestTimeout: 3600 };

let moto;
let direct;
beforeAll(async () => {
	moto = await startMoto();
	const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
	direct = { glue: new glue.GlueClient(config), eb: new eb.EventBridgeClient(config) };
}, 60000);
afterAll(async () => {
	direct?.glue.destroy();
	direct?.eb.destroy();
	await moto?.stop();
});
beforeEach(async () => await moto.reset());

/** Runs the node through a fresh proxy with the given faults, on a fast clock unless `realClock`. */
async function throughProxy(node, parameters, faults, options = {}, { realClock = false } = {}) {
	const proxy = await startFaultProxy({ target: moto.endpoint, seed: 8, ...faults });
	const restoreClock = realClock ? () => {} : compressTime(50);
	try {
		const withOptions = realClock ? parameters : { ...parameters, options: { ...NO_ATTEMPT_TIMEOUT, ...parameters.options } };
		const result = await runNode({ node, parameters: withOptions, credentials: { ...moto.credentials, endpoint: proxy.endpoint }, ...options });
		return { ...result, stats: proxy.stats };
	} finally {
		restoreClock();
		await proxy.stop();
	}
}

const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
const locator = (value) => ({ __rl: true, mode: 'name', value });
const names = (prefix, count) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

const glueDefinition = (name, endpoint = 'acme.snowflakecomputing.com') => ({
	name,
	connectionType: '__other__',
	otherConnectionType: 'SNOWFLAKE',
	additionalConnectionProperties: pairs({ ENDPOINT: endpoint }),
	additionalFields: { description: 'made through faults' },
});
const apiKey = (name, header = 'x-api-key') => ({
	name,
	authorizationType: 'API_KEY',
	keyHeaderName: header,
	apiKeyValue: 'fault-key-value-1',
	additionalFields: { description: 'made through faults' },
});

async function glueNames() {
	const found = [];
	for await (const page of glue.paginateGetConnections({ client: direct.glue }, {})) found.push(...page.ConnectionList.map((c) => c.Name));
	return found.sort();
}

async function eventBridgeNames() {
	const found = [];
	let NextToken;
	do {
		const page = await direct.eb.send(new eb.ListConnectionsCommand({ NextToken }));
		found.push(...page.Connections.map((c) => c.Name));
		NextToken = page.NextToken;
	} while (NextToken);
	return found.sort();
}

/** What a bulk run must show: every item created, paired, no error item; the faults really happened. */
function expectEveryItemCreated({ output, error, stats }, wanted) {
	expect(error).toBeUndefined();
	expect(output.filter((item) => item.json.error).map((item) => item.json.error)).toEqual([]);
	expect(output.map((item) => [item.pairedItem.item, item.json.name, item.json.action])).toEqual(
		wanted.map((name, index) => [index, name, 'created']),
	);
	for (const fault of ['throttle', 'serverError', 'reset', 'lostAnswer']) expect(stats[fault]).toBeGreaterThan(0);
	// More creates reached the emulator than there are items: some retried creates met the effect
	// of their own lost attempt, and the node recovered them instead of reporting AlreadyExists.
	expect(stats.byOperation.CreateConnection.forwarded).toBeGreaterThan(wanted.length);
}

test(`Glue: ${ITEMS} creates in one execution through throttling, 5xx, resets and lost answers: ${ITEMS} created, ${ITEMS} exist, no error item, no duplicate`, async () => {
	const wanted = names("fault-glue", ITEMS);
	const result = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('={{ $json.name }}'), options: ATTEMPTS_ONLY }, ISSUE_FAULTS, {
		inputItems: wanted.map((name) => ({ name })),
		continueOnFail: true,
	});
	expectEveryItemCreated(result, wanted);
	expect(await glueNames()).toEqual(wanted);
}, 180000);

test(`EventBridge: ${ITEMS} creates in one execution through the same faults: ${ITEMS} created, ${ITEMS} exist, no error item, no duplicate`, async () => {
	const wanted = names('fault-eb', ITEMS);
	const result = await throughProxy(new EventBridgeConnection(), { operation: 'create', ...apiKey('={{ $json.name }}'), options: ATTEMPTS_ONLY }, ISSUE_FAULTS, {
		inputItems: wanted.map((name) => ({ name })),
		continueOnFail: true,
	});
	expectEveryItemCreated(result, wanted);
	expect(await eventBridgeNames()).toEqual(wanted);
}, 180000);

describe('one lost answer, then the retry', () => {
	const onlyWrites = (operation) => /^(Create|Delete)Connection$/.test(operation);
	const lostFirst = { applies: onlyWrites, script: ['lostAnswer'] };

	test('Glue Create: reported created (one connection), although the retried attempt was told AlreadyExists', async () => {
		const { output, error, stats } = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('lost-glue') }, lostFirst);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ name: 'lost-glue', action: 'created', changed: true });
		expect(stats.byOperation.CreateConnection.forwarded).toBe(2);
		expect(await glueNames()).toEqual(['lost-glue']);
	});

	test('Glue Create or Update, create path: reported created', async () => {
		const { output, error } = await throughProxy(new GlueConnection(), { operation: 'createOrUpdate', ...glueDefinition('lost-upsert') }, lostFirst);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ name: 'lost-upsert', action: 'created', changed: true });
	});

	test('Glue Delete: reported deleted, although the retried attempt was told EntityNotFound', async () => {
		await direct.glue.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'lost-delete', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'x' } } }));
		const { output, error, stats } = await throughProxy(new GlueConnection(), { operation: 'delete', connection: locator('lost-delete') }, lostFirst);
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ name: 'lost-delete', deleted: true });
		expect(stats.byOperation.DeleteConnection.forwarded).toBe(2);
		expect(await glueNames()).toEqual([]);
	});

	test('EventBridge Create and Create or Update: reported created', async () => {
		const created = await throughProxy(new EventBridgeConnection(), { operation: 'create', ...apiKey('lost-eb') }, lostFirst);
		expect(created.error).toBeUndefined();
		expect(created.output[0].json).toMatchObject({ name: 'lost-eb', action: 'created', changed: true });
		expect(created.output[0].json.connectionArn).toMatch(/connection\/lost-eb\//);
		expect(created.stats.byOperation.CreateConnection.forwarded).toBe(2);
		const upserted = await throughProxy(new EventBridgeConnection(), { operation: 'createOrUpdate', ...apiKey('lost-eb-2') }, lostFirst);
		expect(upserted.output[0].json).toMatchObject({ name: 'lost-eb-2', action: 'created' });
		expect(await eventBridgeNames()).toEqual(['lost-eb', 'lost-eb-2']);
	});

	test('EventBridge Delete: reported deleted', async () => {
		await direct.eb.send(new eb.CreateConnectionCommand({ Name: 'lost-eb-delete', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: 'v' } } }));
		const { output, error } = await throughProxy(new EventBridgeConnection(), { operation: 'delete', connection: locator('lost-eb-delete') }, lostFirst);
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ name: 'lost-eb-delete', deleted: true });
		expect(await eventBridgeNames()).toEqual([]);
	});
});

describe('Connection Type resource: one lost answer, then the retry', () => {
	const lostFirstOf = (operation) => ({ applies: (name) => name === operation, script: ['lostAnswer'] });
	const TYPE = 'REST-TICKETS';
	const restConfiguration = (path = '/tickets') => ({ GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: path, ResponseConfiguration: { ResultPath: '$.items' } } });
	const register = (path) => ({
		resource: 'connectionType',
		operation: 'register',
		newConnectionType: TYPE,
		connectorAuthenticationTypes: ['CUSTOM'],
		connectionPropertiesConfiguration: JSON.stringify({ Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' } }),
		restConfiguration: JSON.stringify(restConfiguration(path)),
		connectionTypeFields: { description: 'Our tickets API' },
	});
	const registerDirectly = async (path) =>
		await direct.glue.send(
			new glue.RegisterConnectionTypeCommand({
				ConnectionType: TYPE,
				IntegrationType: 'REST',
				Description: 'Our tickets API',
				ConnectionProperties: { Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' } },
				ConnectorAuthenticationConfiguration: { AuthenticationTypes: ['CUSTOM'] },
				RestConfiguration: restConfiguration(path),
			}),
		);
	const customTypes = async () => {
		const found = [];
		for await (const page of glue.paginateListConnectionTypes({ client: direct.glue }, {})) found.push(...page.ConnectionTypes.map((t) => t.ConnectionType));
		return found.filter((type) => type.startsWith('REST-'));
	};

	test('Register: reported registered (one type), although the retried attempt was told the name is taken', async () => {
		const { output, error, stats } = await throughProxy(new GlueConnection(), register(), lostFirstOf('RegisterConnectionType'));
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ connectionType: TYPE, action: 'registered', changed: true });
		expect(stats.lostAnswer).toBe(1);
		expect(stats.byOperation.RegisterConnectionType.forwarded).toBe(2);
		// The read-back: one description of the type, compared with what was sent.
		expect(stats.byOperation.DescribeConnectionType.forwarded).toBe(1);
		expect(await customTypes()).toEqual([TYPE]);
	});

	test('Delete: reported deleted, although the retried attempt was told EntityNotFound', async () => {
		await registerDirectly();
		const { output, error, stats } = await throughProxy(
			new GlueConnection(),
			{ resource: 'connectionType', operation: 'delete', connectionTypeName: locator(TYPE) },
			lostFirstOf('DeleteConnectionType'),
		);
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ connectionType: TYPE, deleted: true });
		expect(stats.byOperation.DeleteConnectionType.forwarded).toBe(2);
		expect(await customTypes()).toEqual([]);
	});

	test('genuine conflicts stay errors: a retried Register told the name is taken by a type that differs; a first-attempt Delete of a missing type', async () => {
		await registerDirectly('/elsewhere');
		const registered = await throughProxy(new GlueConnection(), register('/tickets'), { applies: (name) => name === 'RegisterConnectionType', script: ['serverError'] });
		expect(registered.stats.byOperation.RegisterConnectionType.requests).toBe(2);
		expect(registered.error.message).toMatch(/^ValidationException: Connection type REST-TICKETS already exists/);
		const deleted = await throughProxy(new GlueConnection(), { resource: 'connectionType', operation: 'delete', connectionTypeName: locator('REST-MISSING') }, {});
		expect(deleted.error.message).toMatch(/^EntityNotFoundException: /);
		expect(deleted.stats.byOperation.DescribeConnectionType).toBeUndefined();
	});
});

describe('EventBridge Deauthorize: one lost answer, then the retry', () => {
	const lostFirst = { applies: (operation) => operation === 'DeauthorizeConnection', script: ['lostAnswer'] };
	const createDirectly = async (name, authorization) => await direct.eb.send(new eb.CreateConnectionCommand({ Name: name, ...authorization }));
	const API_KEY = { AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: 'v' } } };
	const OAUTH = {
		AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
		AuthParameters: { OAuthParameters: { ClientParameters: { ClientID: 'id', ClientSecret: 's' }, AuthorizationEndpoint: 'https://auth.example.com/token', HttpMethod: 'POST' } },
	};

	test('reported deauthorized, although the retried attempt met the connection still DEAUTHORIZING (ConcurrentModificationException)', async () => {
		await createDirectly('lost-deauth', API_KEY);
		const { output, error, stats } = await throughProxy(new EventBridgeConnection(), { operation: 'deauthorize', connection: locator('lost-deauth') }, lostFirst);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ name: 'lost-deauth', action: 'deauthorized', changed: true });
		expect(output[0].json.state).toMatch(/^DEAUTHORIZ(ING|ED)$/);
		expect(stats.byOperation.DeauthorizeConnection.forwarded).toBe(2);
		expect(stats.byOperation.DescribeConnection.forwarded).toBe(1);
	});

	test('a retried attempt told ConcurrentModification by a connection that is still authorizing: still the error', async () => {
		await createDirectly('busy-deauth', OAUTH); // AUTHORIZING until described
		const { error, stats } = await throughProxy(
			new EventBridgeConnection(),
			{ operation: 'deauthorize', connection: locator('busy-deauth') },
			{ applies: (operation) => operation === 'DeauthorizeConnection', script: ['throttle'] },
		);
		expect(stats.throttle).toBe(1);
		expect(error.message).toMatch(/^ConcurrentModificationException: /);
	});
});

describe('genuine conflicts stay errors', () => {
	test('a name taken before the first attempt: AlreadyExistsException, whatever the node would have sent', async () => {
		await direct.glue.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'taken', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'acme.snowflakecomputing.com' } } }));
		const same = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('taken') }, {});
		expect(same.error.message).toMatch(/^AlreadyExistsException: /);
	});

	test('a retried attempt told AlreadyExists by a connection that differs from what was sent: still the error', async () => {
		await direct.eb.send(new eb.CreateConnectionCommand({ Name: 'other-eb', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-other', ApiKeyValue: 'v' } } }));
		const { error, stats } = await throughProxy(new EventBridgeConnection(), { operation: 'create', ...apiKey('other-eb') }, { script: ['throttle'] });
		expect(stats.throttle).toBe(1);
		expect(error.message).toMatch(/^ResourceAlreadyExistsException: /);
		const glueTaken = await direct.glue.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'other-glue', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'elsewhere' } } }));
		expect(glueTaken).toBeDefined();
		const glueRun = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('other-glue') }, { script: ['serverError'] });
		expect(glueRun.error.message).toMatch(/^AlreadyExistsException: /);
	});
});

describe('Max Attempts option', () => {
	test('1 attempt: a throttled create fails at once; 2 attempts: it is retried and created', async () => {
		const once = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('attempts-1'), options: { maxAttempts: 1 } }, { script: ['throttle'] });
		expect(once.error.message).toMatch(/^ThrottlingException: /);
		const twice = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('attempts-2'), options: { maxAttempts: 2 } }, { script: ['throttle'] });
		expect(twice.error).toBeUndefined();
		expect(twice.output[0].json.action).toBe('created');
	});

	test('the Connection Type resource has it too: Get asks DescribeConnectionType as often as it says', async () => {
		const always500 = { applies: (operation) => operation === 'DescribeConnectionType', serverError: 1 };
		const parameters = (maxAttempts) => ({ resource: 'connectionType', operation: 'get', connectionTypeName: locator('SNOWFLAKE'), options: { maxAttempts } });
		const two = await throughProxy(new GlueConnection(), parameters(2), always500);
		const four = await throughProxy(new GlueConnection(), parameters(4), always500);
		expect(two.error).toBeDefined();
		expect([two, four].map(({ stats }) => stats.byOperation.DescribeConnectionType.requests)).toEqual([2, 4]);
	});

	test('a value outside 1 to 50 is refused before any request', async () => {
		const { error, stats } = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('attempts-0'), options: { maxAttempts: 0 } }, {});
		expect(error.message).toBe('Max Attempts: must be a whole number from 1 to 50 (item 0)');
		expect(stats.requests).toBe(0);
	});
});

describe('Max Retry Time option', () => {
	test('a request throttled every time stops when the time is up, long before 50 attempts; a shorter time, fewer attempts; the error says so', async () => {
		// Throttling heals, so only the time (or the attempts) can stop it; a 5xx on every attempt is recognised sooner (below).
		const alwaysThrottled = { applies: (operation) => operation === 'CreateConnection', throttle: 1 };
		const byDefault = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('time-300'), options: { maxAttempts: 50 } }, alwaysThrottled);
		const seconds = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('time-5'), options: { maxAttempts: 50, maxRetryTime: 5 } }, alwaysThrottled);
		expect(byDefault.error.message).toMatch(/^ThrottlingException: Rate exceeded\. Gave up after \d+ attempts in \d+ s: Max Retry Time \(300 s\) ran out; raise Max Retry Time under Options/);
		expect(seconds.error.message).toMatch(/^ThrottlingException: Rate exceeded\. Gave up after \d+ attempts in \d+ s: Max Retry Time \(5 s\) ran out/);
		const attempts = [seconds, byDefault].map(({ stats }) => stats.byOperation.CreateConnection.requests);
		expect(attempts[0]).toBeGreaterThan(1);
		expect(attempts[0]).toBeLessThan(attempts[1]);
		expect(attempts[1]).toBeLessThan(50);
		expect(await glueNames()).toEqual([]);
	});

	test('a 5xx on every attempt is persistent: the item fails after about ten seconds of retries, the next items of the operation after one attempt each', async () => {
		const always500 = { applies: (operation) => operation === 'CreateConnection', serverError: 1 };
		const wanted = names('persistent', 4);
		const { output, stats } = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('={{ $json.name }}'), options: { maxAttempts: 50, concurrency: 1 } }, always500, {
			inputItems: wanted.map((name) => ({ name })),
			continueOnFail: true,
		});
		expect(output.map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 3]);
		for (const item of output) expect(item.json.error).toMatch(/^(InternalFailure|ServiceUnavailable): .*Not retried further: CreateConnection has answered only server errors in this execution \(\d+ in a row over \d+ s\)/);
		// The first item's attempts until the streak was long enough (at least 5 answers over 10 s), then one each.
		const first = stats.byOperation.CreateConnection.requests - 3;
		expect(first).toBeGreaterThanOrEqual(5);
		expect(first).toBeLessThan(20);
		expect(await glueNames()).toEqual([]);
	});

	test('AssumeRole (a credential with a role) is retried within the node\'s Max Attempts and Max Retry Time too', async () => {
		const roleCredential = { credentials: { ...moto.credentials, assumeRole: true, roleArn: 'arn:aws:iam::123456789012:role/n8n-provisioner' } };
		const always500 = { applies: (operation) => operation === 'AssumeRole', serverError: 1 };
		const run = async (name, options) => {
			const proxy = await startFaultProxy({ target: moto.endpoint, seed: 8, ...always500 });
			const restoreClock = compressTime(50);
			try {
				const parameters = { operation: 'create', ...glueDefinition(name), options };
				const result = await runNode({ node: new GlueConnection(), parameters, credentials: { ...roleCredential.credentials, endpoint: proxy.endpoint } });
				return { ...result, stats: proxy.stats };
			} finally {
				restoreClock();
				await proxy.stop();
			}
		};
		const threeAttempts = await run('role-attempts', { maxAttempts: 3, maxRetryTime: 3600, ...NO_ATTEMPT_TIMEOUT });
		// The fault proxy answers in JSON, which STS (an XML protocol) reads as an unexpected answer.
		expect(threeAttempts.error.message).toMatch(/HTTP 503|InternalFailure|ServiceUnavailable/);
		expect(threeAttempts.stats.byOperation.AssumeRole.requests).toBe(3);
		expect(threeAttempts.stats.byOperation.CreateConnection).toBeUndefined();
		const fiveSeconds = await run('role-time', { maxAttempts: 50, maxRetryTime: 5, ...NO_ATTEMPT_TIMEOUT });
		expect(fiveSeconds.error).toBeDefined();
		expect(fiveSeconds.stats.byOperation.AssumeRole.requests).toBeGreaterThan(1);
		expect(fiveSeconds.stats.byOperation.AssumeRole.requests).toBeLessThan(50);
		expect(await glueNames()).toEqual([]);
	});

	test('a value outside 1 to 3600 seconds is refused before any request', async () => {
		const { error, stats } = await throughProxy(new GlueConnection(), { operation: 'create', ...glueDefinition('time-0'), options: { maxRetryTime: 0 } }, {});
		expect(error.message).toBe('Max Retry Time: must be a whole number from 1 to 3600 (item 0)');
		expect(stats.requests).toBe(0);
	});
});

describe('Request Timeout option (on a real clock: an attempt waits real seconds)', () => {
	const inRealTime = (node, parameters, faults, options = {}) => throughProxy(node, parameters, faults, options, { realClock: true });
	const stallFirst = (operation) => ({ applies: (name) => name === operation, script: ['stalledAnswer'] });
	// Long enough that an answered attempt never runs out on a loaded machine: only the stalled one does.
	const threeSeconds = { requestTimeout: 3 };

	test('Glue Create whose answer never comes: the attempt is given up, the create retried and reported created (one connection)', async () => {
		const parameters = { operation: 'create', ...glueDefinition('stalled-glue'), options: threeSeconds };
		const { output, error, stats } = await inRealTime(new GlueConnection(), parameters, stallFirst('CreateConnection'));
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ name: 'stalled-glue', action: 'created', changed: true });
		expect(stats.stalledAnswer).toBe(1);
		// The stalled attempt took effect; the retry was told AlreadyExists and read the connection back.
		expect(stats.byOperation.CreateConnection.forwarded).toBe(2);
		expect(await glueNames()).toEqual(['stalled-glue']);
	}, 30000);

	test('EventBridge Create whose answer never comes: reported created, one connection', async () => {
		const parameters = { operation: 'create', ...apiKey('stalled-eb'), options: threeSeconds };
		const { output, error, stats } = await inRealTime(new EventBridgeConnection(), parameters, stallFirst('CreateConnection'));
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ name: 'stalled-eb', action: 'created', changed: true });
		expect(stats.byOperation.CreateConnection.forwarded).toBe(2);
		expect(await eventBridgeNames()).toEqual(['stalled-eb']);
	}, 30000);

	test('a secret read from Secrets Manager whose answer never comes is asked again; the connection gets the value', async () => {
		const sm = new SecretsManagerClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: moto.credentials });
		await sm.send(new CreateSecretCommand({ Name: 'stalled/db', SecretString: 'stalled-db-password' })).finally(() => sm.destroy());
		const parameters = {
			operation: 'create',
			name: 'stalled-secret',
			connectionType: 'JDBC',
			jdbcConnectUsing: 'url',
			jdbcConnectionUrl: 'jdbc:postgresql://orders.example.com:5432/orders',
			jdbcUsername: 'etl',
			secretSource: 'secretsManager',
			jdbcPasswordFromSecretsManager: 'stalled/db',
			options: threeSeconds,
		};
		const { output, error, stats } = await inRealTime(new GlueConnection(), parameters, stallFirst('GetSecretValue'));
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ name: 'stalled-secret', action: 'created' });
		expect(stats.byOperation.GetSecretValue.requests).toBe(2);
		const { Connection } = await direct.glue.send(new glue.GetConnectionCommand({ Name: 'stalled-secret', HidePassword: false }));
		expect(Connection.ConnectionProperties.PASSWORD).toBe('stalled-db-password');
		expect(JSON.stringify(output)).not.toContain('stalled-db-password');
	}, 30000);

	test('with one attempt, an answer that never comes is an error item that names the Request Timeout', async () => {
		await direct.glue.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'stalled-get', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'x' } } }));
		const parameters = { operation: 'get', connection: locator('stalled-get'), options: { ...threeSeconds, maxAttempts: 1 } };
		const { output, stats } = await inRealTime(new GlueConnection(), parameters, stallFirst('GetConnection'), { continueOnFail: true });
		expect(output[0].json.error).toMatch(/^TimeoutError: No answer from the AWS endpoint within 3 s \(Request Timeout\)\. Gave up after 1 attempt in \d+ s: Max Attempts \(1\) ran out; raise Max Attempts under Options/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(stats.byOperation.GetConnection.requests).toBe(1);
	}, 30000);

	test("Glue Test Connection waits at least 15 minutes: an answer 4 s late is awaited, where the same delay fails a Get", async () => {
		await direct.glue.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'slow-test', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'x' } } }));
		const slow = { delayMs: { TestConnection: 4000, GetConnection: 4000 } };
		const options = { ...threeSeconds, maxAttempts: 2 };
		const tested = await inRealTime(new GlueConnection(), { operation: 'testConnection', connection: locator('slow-test'), options }, slow);
		expect(tested.error).toBeUndefined();
		expect(tested.output[0].json).toEqual({ name: 'slow-test', success: true });
		expect(tested.stats.byOperation.TestConnection.requests).toBe(1);
		const read = await inRealTime(new GlueConnection(), { operation: 'get', connection: locator('slow-test'), options }, slow);
		expect(read.error.message).toMatch(/^TimeoutError: No answer from the AWS endpoint within 3 s \(Request Timeout\)\. Gave up after 2 attempts in \d+ s: Max Attempts \(2\) ran out/);
		expect(read.stats.byOperation.GetConnection.requests).toBe(2);
	}, 30000);

	test("the credential's Test button gives up an unanswered attempt after the editor's 5 s and asks again", async () => {
		const proxy = await startFaultProxy({ target: moto.endpoint, ...stallFirst('GetCallerIdentity') });
		try {
			const data = { ...moto.credentials, endpoint: proxy.endpoint };
			const result = await testAwsCredential.call({}, { id: 'c1', name: 'AWS', type: 'awsConnectionsApi', data });
			expect(result.status).toBe('OK');
			expect(proxy.stats.stalledAnswer).toBe(1);
			expect(proxy.stats.byOperation.GetCallerIdentity.requests).toBe(2);
		} finally {
			await proxy.stop();
		}
	}, 30000);

	test('a value outside 1 to 3600 seconds is refused before any request', async () => {
		const parameters = { operation: 'create', ...glueDefinition('timeout-0'), options: { requestTimeout: 0 } };
		const { error, stats } = await inRealTime(new GlueConnection(), parameters, {});
		expect(error.message).toBe('Request Timeout: must be a whole number from 1 to 3600 (item 0)');
		expect(stats.requests).toBe(0);
	});
});
