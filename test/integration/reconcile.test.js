// Reconcile of both nodes in the real engine, over the wire, against the project's emulator. The
// issue's scenario: 100 connections in the scope and 3 outside it, a desired set of 97 (82 as they
// are, 10 changed, 5 new). A recording proxy in front of the emulator shows every AWS operation the
// node sends, so the tests assert exactly which writes an apply makes (and that none touches a
// connection outside the scope), and that a plan reads with paged lists only.
const glue = require('@aws-sdk/client-glue');
const eb = require('@aws-sdk/client-eventbridge');
const { startMoto } = require('../support/moto');
const { startRecordingProxy } = require('../support/recordingProxy');
const { runNode } = require('../support/engine');
const { GlueConnection } = require('../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const PASSWORD = 'reconcile-pass-1';
// 100+ connections seeded and several runs per test, on a machine other suites share.
jest.setTimeout(180000);
let moto;
let proxy;
let glueClient;
let ebClient;
beforeAll(async () => {
	moto = await startMoto();
	proxy = await startRecordingProxy(moto.endpoint);
	const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
	glueClient = new glue.GlueClient(config);
	ebClient = new eb.EventBridgeClient(config);
}, 60000);
afterAll(async () => {
	glueClient?.destroy();
	ebClient?.destroy();
	await proxy?.close();
	await moto?.stop();
});
beforeEach(async () => {
	await moto.reset();
	proxy.clear();
});

const credentials = () => ({ ...moto.credentials, endpoint: proxy.endpoint });
const three = (index) => String(index).padStart(3, '0');
const counts = (output) => output.reduce((result, { json }) => ({ ...result, [json.action]: (result[json.action] ?? 0) + 1 }), {});
/** The operations sent since the last clear, counted by name (e.g. { 'AWSGlue.GetConnections': 2 }). */
const sent = () => proxy.operations.reduce((result, operation) => ({ ...result, [operation]: (result[operation] ?? 0) + 1 }), {});
const writesIn = (operations, service) => Object.fromEntries(Object.entries(operations).filter(([name]) => name.startsWith(service) && /(Create|Update|Delete)Connection$/.test(name)));

/** The scenario for one node: `seed(name, changed)` makes an existing connection, `definition(name, changed)` a desired one. */
function scenario({ Node, service, seed, definition, names }) {
	const run = (parameters, inputItems, options = {}) =>
		runNode({ node: new Node(), parameters: { operation: 'reconcile', scopePrefix: 'app-', definitionFrom: 'json', ...parameters }, inputItems, credentials: credentials(), ...options });
	const desiredSet = () => [
		...[...Array(82).keys()].map((index) => definition(`app-${three(index)}`, false)),
		...[...Array(10).keys()].map((index) => definition(`app-${three(82 + index)}`, true)),
		...[...Array(5).keys()].map((index) => definition(`app-new-${index}`, false)),
	].map((json) => ({ json }));
	const items = () => desiredSet().map(({ json }) => ({ definition: json }));
	const expressionParameters = { definitionJson: '={{ $json.definition }}' };
	const seedDesired = async (name) => await names.create(definition(name, false));
	const seedAll = async () => {
		for (let index = 0; index < 100; index++) await seed(`app-${three(index)}`);
		for (let index = 0; index < 3; index++) await seed(`other-${index}`);
		proxy.clear();
	};

	test('plan: 10 update, 5 create, 8 delete, 82 unchanged, from paged list reads only; apply writes exactly those; a second apply writes nothing', async () => {
		await seedAll();
		const plan = await run({ ...expressionParameters, removeExtras: true, maxDeletions: 10 }, items());
		expect(plan.error).toBeUndefined();
		expect(counts(plan.output)).toEqual({ update: 10, create: 5, delete: 8, unchanged: 82 });
		expect(plan.output).toHaveLength(105);
		const fingerprint = plan.output[0].json.planFingerprint;
		expect(plan.output.every(({ json }) => json.planFingerprint === fingerprint)).toBe(true);
		const changed = plan.output.find(({ json }) => json.name === 'app-085').json;
		expect(changed.differences).toEqual(names.changedPaths);
		expect(changed.changes).toEqual(names.changes('app-085'));
		// Desired connections are paired with their items, extras with the first item.
		expect(plan.output.find(({ json }) => json.name === 'app-new-2').pairedItem).toEqual({ item: 94 });
		expect(plan.output.find(({ json }) => json.name === 'app-095').pairedItem).toEqual({ item: 0 });
		expect(JSON.stringify(plan.output)).not.toContain(PASSWORD);
		const planReads = sent();
		expect(writesIn(planReads, service)).toEqual({});
		expect(Object.keys(planReads).sort()).toEqual(names.planReads.sort());
		names.checkPlanReads(planReads);

		proxy.clear();
		const apply = await run({ ...expressionParameters, mode: 'apply', removeExtras: true, maxDeletions: 10, expectedPlanFingerprint: fingerprint }, items());
		expect(apply.error).toBeUndefined();
		expect(counts(apply.output)).toEqual({ update: 10, create: 5, delete: 8, unchanged: 82 });
		expect(apply.output.filter(({ json }) => json.applied).length).toBe(23);
		expect(writesIn(sent(), service)).toEqual({ [`${service}.CreateConnection`]: 5, [`${service}.UpdateConnection`]: 10, [`${service}.DeleteConnection`]: 8 });
		const written = proxy.requests.filter(({ operation }) => /(Create|Update|Delete)Connection$/.test(operation)).map(({ body }) => names.nameIn(body));
		expect(written.filter((name) => !name.startsWith('app-'))).toEqual([]);
		expect(await names.list()).toEqual(
			[...[...Array(92).keys()].map((index) => `app-${three(index)}`), ...[...Array(5).keys()].map((index) => `app-new-${index}`), 'other-0', 'other-1', 'other-2'].sort(),
		);

		proxy.clear();
		const again = await run({ ...expressionParameters, mode: 'apply', removeExtras: true, maxDeletions: 10, expectedPlanFingerprint: fingerprint }, items());
		expect(again.error).toBeUndefined();
		expect(counts(again.output)).toEqual({ unchanged: 97 });
		expect(writesIn(sent(), service)).toEqual({});
	});

	test('Max Deletions 5 stops an apply that would delete 8, with nothing written; without Remove Extras they are kept', async () => {
		await seedAll();
		const stopped = await run({ ...expressionParameters, mode: 'apply', removeExtras: true }, items());
		expect(stopped.error?.message).toMatch(/would delete 8 connections, more than Max Deletions \(5\)\. Nothing was written/);
		expect(writesIn(sent(), service)).toEqual({});

		proxy.clear();
		const kept = await run({ ...expressionParameters }, items());
		expect(counts(kept.output)).toEqual({ update: 10, create: 5, keep: 8, unchanged: 82 });
	});

	test('a stale fingerprint stops the apply before any write; an interrupted apply run again with it passes', async () => {
		await seedAll();
		const parameters = { ...expressionParameters, removeExtras: true, maxDeletions: 10 };
		const plan = await run(parameters, items());
		const fingerprint = plan.output[0].json.planFingerprint;

		// Part of the apply happened before its worker was killed: two updates, one create, one delete.
		await names.change('app-083');
		await names.change('app-084');
		await seedDesired('app-new-0');
		await names.remove('app-099');
		proxy.clear();
		const resumed = await run({ ...parameters, mode: 'apply', expectedPlanFingerprint: fingerprint }, items());
		expect(resumed.error).toBeUndefined();
		expect(counts(resumed.output)).toEqual({ update: 8, create: 4, delete: 7, unchanged: 85 });
		expect(writesIn(sent(), service)).toEqual({ [`${service}.CreateConnection`]: 4, [`${service}.UpdateConnection`]: 8, [`${service}.DeleteConnection`]: 7 });

		// Someone else changes a connection the plan left alone: the old fingerprint no longer fits.
		const fresh = await run(parameters, items());
		const freshFingerprint = fresh.output[0].json.planFingerprint;
		expect(counts(fresh.output)).toEqual({ unchanged: 97 });
		await names.change('app-010', 'by someone else');
		proxy.clear();
		const stale = await run({ ...parameters, mode: 'apply', expectedPlanFingerprint: freshFingerprint }, items());
		expect(stale.error?.message).toMatch(/changed since the plan was approved\. 1 write\(s\) are not in the approved plan \(update "app-010"\)\. Nothing was written/);
		expect(writesIn(sent(), service)).toEqual({});
	});

	test('two items naming one connection: an error naming both items, nothing written; Continue On Fail gives one error item paired with both', async () => {
		await seed('app-000');
		proxy.clear();
		const twice = [definition('app-001', false), definition('app-002', false), definition('app-001', true)].map((json) => ({ definition: json }));
		const failed = await run({ ...expressionParameters, mode: 'apply' }, twice);
		expect(failed.error?.message).toMatch(/"app-001" twice: items 0 and 2/);
		expect(proxy.operations).toEqual([]);
		const continued = await run({ ...expressionParameters, mode: 'apply' }, twice, { continueOnFail: true });
		expect(continued.output).toHaveLength(1);
		expect(continued.output[0].json.error).toMatch(/twice/);
		expect(continued.output[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(proxy.operations).toEqual([]);
	});

	test('an item outside the scope or with a bad definition is an error paired with it; Apply then writes nothing', async () => {
		const bad = [definition('app-001', false), definition('elsewhere-1', false), { ...definition('app-003', false), Unknown: 1 }].map((json) => ({ definition: json }));
		const failed = await run({ ...expressionParameters, mode: 'apply' }, bad);
		expect(failed.error?.message).toMatch(/outside the scope/);
		const continued = await run({ ...expressionParameters, mode: 'apply' }, bad, { continueOnFail: true });
		expect(continued.output.map(({ json, pairedItem }) => [json.error?.slice(0, 40), pairedItem])).toEqual([
			[expect.stringContaining('Name'), { item: 1 }],
			[expect.stringContaining('Definition (JSON) › Unknown'), { item: 2 }],
			[expect.stringContaining('Apply stopped: 2 of 3 items'), { item: 0 }],
		]);
		expect(proxy.operations).toEqual([]);
		const planned = await run({ ...expressionParameters }, bad, { continueOnFail: true });
		expect(planned.output.map(({ json }) => json.action ?? 'error')).toEqual(['error', 'error', 'create']);
	});

	test('a plan promises its apply: an item the request checker refuses (issue 22) is the plan\'s error, never a create; an apply of the set sends nothing', async () => {
		await seedDesired('app-000');
		const { definition: refused, path } = names.refusedByChecker('app-002');
		const set = [definition('app-000', true), definition('app-001', false), refused].map((json) => ({ definition: json }));
		const planned = await run({ ...expressionParameters }, set, { continueOnFail: true });
		expect(planned.output.map(({ json, pairedItem }) => [json.action ?? json.error.slice(0, `Definition (JSON) › ${path}`.length), pairedItem])).toEqual([
			[`Definition (JSON) › ${path}`, { item: 2 }],
			['update', { item: 0 }],
			['create', { item: 1 }],
		]);
		expect(JSON.stringify(planned.output)).not.toContain('PwInUrl123');
		proxy.clear();
		const applied = await run({ ...expressionParameters, mode: 'apply' }, set);
		expect(applied.error?.message).toMatch(new RegExp(`^Definition \\(JSON\\) › ${path.replace(/[.[\]]/g, '\\$&')}: .+ \\(item 2\\)$`));
		expect(proxy.operations).toEqual([]);
		const continued = await run({ ...expressionParameters, mode: 'apply' }, set, { continueOnFail: true });
		expect(continued.output.at(-1).json.error).toMatch(/^Apply stopped: 1 of 3 items have problems .*Nothing was written/);
		expect(proxy.operations).toEqual([]);
	});
}

describe('Glue', () => {
	const jdbc = (name, changed) => ({
		Name: name,
		ConnectionType: 'JDBC',
		Description: changed ? 'moved to the new host' : 'orders replica',
		ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:postgresql://${changed ? 'new' : 'old'}.internal:5432/${name}`, USERNAME: 'etl', PASSWORD },
	});
	scenario({
		Node: GlueConnection,
		service: 'AWSGlue',
		seed: async (name) => await glueClient.send(new glue.CreateConnectionCommand({ ConnectionInput: jdbc(name, false) })),
		definition: jdbc,
		names: {
			changedPaths: ['Description', 'ConnectionProperties.JDBC_CONNECTION_URL'],
			changes: (name) => [
				{ path: 'Description', aws: 'orders replica', desired: 'moved to the new host' },
				{ path: 'ConnectionProperties.JDBC_CONNECTION_URL', aws: `jdbc:postgresql://old.internal:5432/${name}`, desired: `jdbc:postgresql://new.internal:5432/${name}` },
			],
			planReads: ['AWSGlue.GetConnections'],
			// 103 connections at 100 a page.
			checkPlanReads: (reads) => expect(reads['AWSGlue.GetConnections']).toBe(2),
			nameIn: (body) => body.ConnectionName ?? body.Name ?? body.ConnectionInput?.Name,
			// The form refuses a password in a JDBC URL; the JSON Definition once went through to AWS.
			refusedByChecker: (name) => ({
				definition: { ...jdbc(name, false), ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:mysql://admin:PwInUrl123@db.internal:3306/${name}`, SECRET_ID: 'sales-db' } },
				path: 'ConnectionProperties.JDBC_CONNECTION_URL',
			}),
			create: async (input) => await glueClient.send(new glue.CreateConnectionCommand({ ConnectionInput: input })),
			remove: async (name) => await glueClient.send(new glue.DeleteConnectionCommand({ ConnectionName: name })),
			list: async () => ((await glueClient.send(new glue.GetConnectionsCommand({}))).ConnectionList ?? []).map((connection) => connection.Name).sort(),
			change: async (name, description = 'moved to the new host') =>
				await glueClient.send(new glue.UpdateConnectionCommand({ Name: name, ConnectionInput: { ...jdbc(name, description === 'moved to the new host'), Description: description } })),
		},
	});
});

describe('EventBridge', () => {
	const apiKey = (name, changed) => ({
		Name: name,
		Description: changed ? 'rotated header' : 'orders api',
		AuthorizationType: 'API_KEY',
		AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: changed ? 'x-api-key-2' : 'x-api-key', ApiKeyValue: PASSWORD } },
	});
	scenario({
		Node: EventBridgeConnection,
		service: 'AWSEvents',
		seed: async (name) => await ebClient.send(new eb.CreateConnectionCommand(apiKey(name, false))),
		definition: apiKey,
		names: {
			changedPaths: ['AuthParameters.ApiKeyAuthParameters.ApiKeyName', 'Description'],
			changes: () => [
				{ path: 'AuthParameters.ApiKeyAuthParameters.ApiKeyName', aws: 'x-api-key', desired: 'x-api-key-2' },
				{ path: 'Description', aws: 'orders api', desired: 'rotated header' },
			],
			planReads: ['AWSEvents.ListConnections', 'AWSEvents.DescribeConnection'],
			// 100 in the scope at 100 a page (NamePrefix leaves the other 3 out), one Describe per desired name that exists.
			checkPlanReads: (reads) => {
				expect(reads['AWSEvents.ListConnections']).toBe(1);
				expect(reads['AWSEvents.DescribeConnection']).toBe(92);
			},
			nameIn: (body) => body.Name,
			// The form refuses an empty API key header name; the JSON Definition once went through to AWS.
			refusedByChecker: (name) => ({
				definition: { ...apiKey(name, false), AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: '', ApiKeyValue: PASSWORD } } },
				path: 'AuthParameters.ApiKeyAuthParameters.ApiKeyName',
			}),
			create: async (request) => await ebClient.send(new eb.CreateConnectionCommand(request)),
			remove: async (name) => await ebClient.send(new eb.DeleteConnectionCommand({ Name: name })),
			list: async () => {
				const names = [];
				let NextToken;
				do {
					const page = await ebClient.send(new eb.ListConnectionsCommand({ NextToken }));
					names.push(...page.Connections.map((connection) => connection.Name));
					NextToken = page.NextToken;
				} while (NextToken);
				return names.sort();
			},
			change: async (name, description = 'rotated header') =>
				await ebClient.send(new eb.UpdateConnectionCommand({ ...apiKey(name, description === 'rotated header'), Description: description })),
		},
	});
});

describe('the form fields, an expression per item', () => {
	const secretsManager = () => new (require('@aws-sdk/client-secrets-manager').SecretsManagerClient)({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });

	test('EventBridge: a plan reads no secret; the apply reads the Secrets Manager secret once and writes each connection with it', async () => {
		const sm = secretsManager();
		const { CreateSecretCommand } = require('@aws-sdk/client-secrets-manager');
		await sm.send(new CreateSecretCommand({ Name: 'orders/api-key', SecretString: 'sm-key-value-1' }));
		sm.destroy();
		await ebClient.send(new eb.CreateConnectionCommand({ Name: 'team-b', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-old', ApiKeyValue: 'v' } } }));
		proxy.clear();
		const parameters = {
			operation: 'reconcile',
			scopePrefix: 'team-',
			name: '={{ $json.name }}',
			authorizationType: 'API_KEY',
			keyHeaderName: '={{ $json.header }}',
			secretSource: 'secretsManager',
			apiKeyValueFromSecretsManager: 'orders/api-key',
		};
		const inputItems = [{ name: 'team-a', header: 'x-api-key' }, { name: 'team-b', header: 'x-api-key' }];
		const plan = await runNode({ node: new EventBridgeConnection(), parameters, inputItems, credentials: credentials() });
		expect(plan.error).toBeUndefined();
		expect(plan.output.map(({ json }) => [json.name, json.action, json.differences])).toEqual([
			['team-a', 'create', []],
			['team-b', 'update', ['AuthParameters.ApiKeyAuthParameters.ApiKeyName']],
		]);
		expect(proxy.operations.filter((operation) => operation.includes('secretsmanager'))).toEqual([]);

		proxy.clear();
		const apply = await runNode({ node: new EventBridgeConnection(), parameters: { ...parameters, mode: 'apply' }, inputItems, credentials: credentials() });
		expect(apply.error).toBeUndefined();
		expect(proxy.operations.filter((operation) => operation === 'secretsmanager.GetSecretValue')).toHaveLength(1);
		const sentKeys = proxy.requests.filter(({ operation }) => /(Create|Update)Connection$/.test(operation)).map(({ body }) => body.AuthParameters.ApiKeyAuthParameters.ApiKeyValue);
		expect(sentKeys).toEqual(['sm-key-value-1', 'sm-key-value-1']);
		expect(JSON.stringify(apply.output)).not.toContain('sm-key-value-1');
	});

	test('Glue: items from expressions, Rewrite Secrets makes a connection that differs only in its password an update', async () => {
		const pairs = (map) => ({ pairs: Object.entries(map).map(([key, value]) => ({ key, value })) });
		await glueClient.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'wh-1', ConnectionType: 'SNOWFLAKE', ConnectionProperties: { ENDPOINT: 'a', PASSWORD: 'old' } } }));
		proxy.clear();
		const parameters = {
			operation: 'reconcile',
			scopePrefix: 'wh-',
			name: '={{ $json.name }}',
			connectionType: '__other__',
			otherConnectionType: 'SNOWFLAKE',
			additionalConnectionProperties: pairs({ ENDPOINT: '={{ $json.endpoint }}' }),
			describedSecretProperties: pairs({ PASSWORD: 'new-password-1' }),
		};
		const inputItems = [{ name: 'wh-1', endpoint: 'a' }];
		const plain = await runNode({ node: new GlueConnection(), parameters, inputItems, credentials: credentials() });
		expect(plain.error).toBeUndefined();
		expect(plain.output.map(({ json }) => json.action)).toEqual(['unchanged']);
		const rotating = await runNode({ node: new GlueConnection(), parameters: { ...parameters, rewriteSecrets: true, mode: 'apply' }, inputItems, credentials: credentials() });
		expect(rotating.error).toBeUndefined();
		expect(rotating.output.map(({ json }) => [json.action, json.differences, json.applied])).toEqual([['update', ['(secrets)'], true]]);
		const update = proxy.requests.find(({ operation }) => operation === 'AWSGlue.UpdateConnection');
		expect(update.body.ConnectionInput.ConnectionProperties).toEqual({ ENDPOINT: 'a', PASSWORD: 'new-password-1' });
		expect(JSON.stringify(rotating.output)).not.toContain('new-password-1');
	});
});
