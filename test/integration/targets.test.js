// Reconcile over many accounts and Regions (Targets), in the real engine, over the wire against the
// emulator. moto answers AssumeRole on arn:aws:iam::<account>:role/<any> with keys it files under
// that account, so each target is its own account's catalog. A recording proxy in front of moto
// shows every request with the access key and Region it was signed with; the test asks moto which
// account each key belongs to, so it sees where every write went. 3 accounts x 2 Regions, each
// starting from a different state, one desired set of 40 with the subnet and the Availability Zone
// replaced per target.
const glue = require('@aws-sdk/client-glue');
const eb = require('@aws-sdk/client-eventbridge');
const sts = require('@aws-sdk/client-sts');
const { startMoto } = require('../support/moto');
const { startRecordingProxy } = require('../support/recordingProxy');
const { runNode } = require('../support/engine');
const { GlueConnection } = require('../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../nodes/EventBridgeConnection/EventBridgeConnection.node');

jest.setTimeout(240000);
const PASSWORD = 'targets-pass-1';
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const DENIED_ROLE = 'arn:aws:iam::333333333333:role/n8n-denied';
/** Six targets in a fixed order; target k starts with k+1 connections missing, k changed, k extra. */
const TARGETS = ACCOUNTS.flatMap((account) => REGIONS.map((region) => ({ account, region })));
const roleOf = (account) => `arn:aws:iam::${account}:role/n8n-connections`;
/** A subnet ID of the target's own (the form a subnet ID must have: subnet- and 17 hex digits). */
const subnetOf = ({ account, region }) => `subnet-0${account[0]}${region === 'us-east-1' ? 'e' : 'f'}`.padEnd(24, '0');
const SOURCE_SUBNET = 'subnet-0aaaaaaaaaaaaaaaa';
const key = ({ account, region }) => `${account}|${region}`;

let moto;
let proxy;
/** A Glue create the proxy refuses (AccessDenied) in a Region, by connection name; none by default. */
let refusedCreate;
const clients = [];
beforeAll(async () => {
	moto = await startMoto();
	// AWS refusing one role: STS answers AccessDenied, as for a role whose trust policy does not name the caller.
	proxy = await startRecordingProxy(moto.endpoint, {
		refuse: ({ operation, text, region }) =>
			refusedCreate && operation === 'AWSGlue.CreateConnection' && region === refusedCreate.region && text.includes(`"${refusedCreate.name}"`)
				? { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: 'AccessDeniedException', Message: 'refused by the test' }) }
				: text.includes('Action=AssumeRole') && text.includes(encodeURIComponent(DENIED_ROLE))
				? {
						status: 403,
						headers: { 'content-type': 'text/xml' },
						body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/n8n is not authorized to perform: sts:AssumeRole on resource: ${DENIED_ROLE}</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
					}
				: undefined,
	});
}, 60000);
afterAll(async () => {
	for (const client of clients) client.destroy();
	await proxy?.close();
	await moto?.stop();
});
beforeEach(async () => {
	await moto.reset();
	proxy.clear();
	refusedCreate = undefined;
});

/** Keys of a role in an account, straight from moto (not through the proxy). */
async function keysIn(account) {
	const client = new sts.STSClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	clients.push(client);
	const { Credentials } = await client.send(new sts.AssumeRoleCommand({ RoleArn: roleOf(account), RoleSessionName: 'seed' }));
	return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
}
async function clientIn(Client, { account, region }) {
	const client = new Client({ region, endpoint: moto.endpoint, credentials: await keysIn(account), maxAttempts: 1 });
	clients.push(client);
	return client;
}
/** The account moto files a key under (GetCallerIdentity answers the key's account). */
const accountOfKey = new Map();
async function accountOf(accessKeyId) {
	if (!accountOfKey.has(accessKeyId)) {
		const client = new sts.STSClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId, secretAccessKey: 'unused' } });
		clients.push(client);
		accountOfKey.set(accessKeyId, (await client.send(new sts.GetCallerIdentityCommand({}))).Account);
	}
	return accountOfKey.get(accessKeyId);
}
/** Every write the proxy saw since the last clear, as { "account|region": { CreateConnection: n, … } }. */
async function writesByTarget() {
	const result = {};
	for (const { operation, accessKeyId, region } of proxy.requests) {
		const action = /\.((Create|Update|Delete)Connection)$/.exec(operation)?.[1];
		if (!action) continue;
		const where = `${await accountOf(accessKeyId)}|${region}`;
		result[where] = { ...result[where], [action]: (result[where]?.[action] ?? 0) + 1 };
	}
	return result;
}
const assumeRoleRequests = () => proxy.requests.filter(({ body }) => typeof body === 'string' && body.includes('Action=AssumeRole'));
const summaries = (output) => output.filter(({ json }) => json.target && !json.name);
const entriesOf = (output, target) => output.filter(({ json }) => json.name && key(json.target) === key(target));
const counts = (entries) => entries.reduce((result, { json }) => ({ ...result, [json.action]: (result[json.action] ?? 0) + 1 }), {});

describe('Glue: 3 accounts x 2 Regions, a desired set of 40', () => {
	const three = (index) => String(index).padStart(3, '0');
	const definition = (name, target) => ({
		Name: name,
		ConnectionType: 'JDBC',
		Description: 'partner replica',
		ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:postgresql://db.internal:5432/${name}`, USERNAME: 'etl', PASSWORD },
		PhysicalConnectionRequirements: {
			SubnetId: target ? subnetOf(target) : SOURCE_SUBNET,
			SecurityGroupIdList: ['sg-0123456789abcdef0'],
			AvailabilityZone: target ? `${target.region}a` : 'us-east-1a',
		},
	});
	const items = () => [...Array(40).keys()].map((index) => ({ definition: definition(`fleet-${three(index)}`) }));
	const targetList = (roleFor = (target) => roleOf(target.account)) =>
		JSON.stringify(
			TARGETS.map((target) => ({ roleArn: roleFor(target), region: target.region, replaceValues: { [SOURCE_SUBNET]: subnetOf(target), 'us-east-1a': `${target.region}a` } })),
		);
	const expected = (k) => ({ create: k + 1, update: k, delete: k, unchanged: 40 - (2 * k + 1) });
	const run = (parameters, options = {}) =>
		runNode({
			node: new GlueConnection(),
			parameters: {
				operation: 'reconcile',
				scopePrefix: 'fleet-',
				definitionFrom: 'json',
				definitionJson: '={{ $json.definition }}',
				targets: 'list',
				targetsFrom: 'expression',
				targetList: targetList(),
				removeExtras: true,
				maxDeletionsInTotal: 20,
				maxConcurrentTargets: 3,
				...parameters,
			},
			inputItems: items(),
			credentials: { ...moto.credentials, endpoint: proxy.endpoint },
			...options,
		});
	/** Target k: fleet-000 … fleet-k missing, the next k with the source subnet (unreplaced), k extras; and one connection outside the scope. */
	async function seed() {
		for (const [k, target] of TARGETS.entries()) {
			const client = await clientIn(glue.GlueClient, target);
			for (let index = k + 1; index < 40; index++) {
				const input = definition(`fleet-${three(index)}`, target);
				if (index < 2 * k + 1) input.PhysicalConnectionRequirements.SubnetId = SOURCE_SUBNET;
				await client.send(new glue.CreateConnectionCommand({ ConnectionInput: input }));
			}
			for (let extra = 0; extra < k; extra++) await client.send(new glue.CreateConnectionCommand({ ConnectionInput: definition(`fleet-extra-${extra}`, target) }));
			await client.send(new glue.CreateConnectionCommand({ ConnectionInput: definition('other-1', target) }));
		}
		proxy.clear();
	}
	async function namesAndSubnets(target) {
		const client = await clientIn(glue.GlueClient, target);
		const { ConnectionList } = await client.send(new glue.GetConnectionsCommand({}));
		return ConnectionList.map((connection) => [connection.Name, connection.PhysicalConnectionRequirements?.SubnetId]).sort();
	}

	test('the plan reaches every target (AssumeRole, one page each) and gives exact counts; the apply writes exactly those, each in its own account and Region; a second apply writes nothing', async () => {
		await seed();
		const plan = await run({});
		expect(plan.error).toBeUndefined();
		expect(summaries(plan.output).map(({ json }) => [key(json.target), json.status, json.summary])).toEqual(
			TARGETS.map((target, k) => [key(target), 'planned', { ...expected(k), keep: 0 }]),
		);
		for (const [k, target] of TARGETS.entries()) expect(counts(entriesOf(plan.output, target))).toEqual(Object.fromEntries(Object.entries(expected(k)).filter(([, n]) => n)));
		// A changed connection differs only in its subnet: the desired one is the target's own.
		const changed = plan.output.find(({ json }) => json.name === 'fleet-002' && key(json.target) === key(TARGETS[1])).json;
		expect(changed.changes).toEqual([{ path: 'PhysicalConnectionRequirements.SubnetId', aws: SOURCE_SUBNET, desired: subnetOf(TARGETS[1]) }]);
		const fingerprint = plan.output[0].json.planFingerprint;
		expect(plan.output.every(({ json }) => json.planFingerprint === fingerprint)).toBe(true);
		expect(JSON.stringify(plan.output)).not.toContain(PASSWORD);
		// Reads only: one AssumeRole per target (named for the workflow and execution) and one GetConnections page each.
		expect(await writesByTarget()).toEqual({});
		expect(assumeRoleRequests()).toHaveLength(6);
		expect(assumeRoleRequests().every(({ body }) => body.includes('RoleSessionName=n8n-wf-wf-test-ex-'))).toBe(true);
		expect(proxy.requests.filter(({ operation }) => operation === 'AWSGlue.GetConnections')).toHaveLength(6);
		expect(proxy.requests.filter(({ operation }) => operation.startsWith('AWSGlue.') && operation !== 'AWSGlue.GetConnections')).toEqual([]);

		proxy.clear();
		const apply = await run({ mode: 'apply', expectedPlanFingerprint: fingerprint });
		expect(apply.error).toBeUndefined();
		expect(summaries(apply.output).map(({ json }) => [json.status, json.written])).toEqual(TARGETS.map((_, k) => ['applied', 3 * k + 1]));
		expect(await writesByTarget()).toEqual(
			Object.fromEntries(
				TARGETS.map((target, k) => [
					key(target),
					Object.fromEntries(Object.entries({ CreateConnection: k + 1, UpdateConnection: k, DeleteConnection: k }).filter(([, n]) => n)),
				]),
			),
		);
		for (const target of TARGETS) {
			expect(await namesAndSubnets(target)).toEqual(
				[...[...Array(40).keys()].map((index) => [`fleet-${three(index)}`, subnetOf(target)]), ['other-1', subnetOf(target)]].sort(),
			);
		}

		proxy.clear();
		const again = await run({ mode: 'apply', expectedPlanFingerprint: fingerprint });
		expect(again.error).toBeUndefined();
		expect(summaries(again.output).map(({ json }) => json.summary.unchanged)).toEqual([40, 40, 40, 40, 40, 40]);
		expect(await writesByTarget()).toEqual({});
	});

	test('a target whose role cannot be assumed is an error item of the plan; Failure Tolerance 0 writes nothing anywhere, 1 applies every other target', async () => {
		await seed();
		const parameters = { targetList: targetList((target) => (key(target) === key(TARGETS[5]) ? DENIED_ROLE : roleOf(target.account))) };
		const plan = await run(parameters);
		expect(plan.error).toBeUndefined();
		const statuses = summaries(plan.output).map(({ json }) => json.status);
		expect(statuses).toEqual(['planned', 'planned', 'planned', 'planned', 'planned', 'unreachable']);
		expect(summaries(plan.output)[5].json.error).toMatch(/Target account 333333333333 in eu-west-1 .*not authorized to perform: sts:AssumeRole/);

		proxy.clear();
		const stopped = await run({ ...parameters, mode: 'apply' });
		expect(stopped.error?.message).toMatch(/1 of 6 targets could not be planned \(account 333333333333 in eu-west-1\), more than Failure Tolerance \(0\)\. Nothing was written in any target/);
		expect(await writesByTarget()).toEqual({});

		proxy.clear();
		const tolerated = await run({ ...parameters, mode: 'apply', failureTolerance: 1 });
		expect(tolerated.error).toBeUndefined();
		expect(summaries(tolerated.output).map(({ json }) => json.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'unreachable']);
		const writes = await writesByTarget();
		expect(Object.keys(writes).sort()).toEqual(TARGETS.slice(0, 5).map(key).sort());
		expect(Object.values(writes).reduce((sum, byAction) => sum + Object.values(byAction).reduce((a, b) => a + b, 0), 0)).toBe(1 + 4 + 7 + 10 + 13);
	});

	test('a write refused in one target: with Failure Tolerance 0 the targets after it are not started (one at a time); the failure is reported', async () => {
		await seed();
		// fleet-001 is missing in every target but the first; AWS refuses its create in eu-west-1 (the second target is the first there).
		refusedCreate = { region: 'eu-west-1', name: 'fleet-001' };
		const parameters = { mode: 'apply', maxConcurrentTargets: 1 };
		const stopped = await run(parameters);
		expect(stopped.error?.message).toMatch(/Apply stopped: 1 of 6 targets failed \(account 111111111111 in eu-west-1\), more than Failure Tolerance \(0\); 4 target\(s\) were not started\. First failure: .*refused by the test/);
		expect(Object.keys(await writesByTarget()).sort()).toEqual([key(TARGETS[0]), key(TARGETS[1])].sort());

		proxy.clear();
		const continued = await run(parameters, { continueOnFail: true });
		expect(summaries(continued.output).map(({ json }) => json.status)).toEqual(['applied', 'failed', 'not started', 'not started', 'not started', 'not started']);
		expect(continued.output.find(({ json }) => json.name === 'fleet-001' && key(json.target) === key(TARGETS[1])).json).toMatchObject({ applied: false, error: expect.stringMatching(/refused by the test/) });
		expect(continued.output[0].json.error).toMatch(/Apply stopped: 1 of 6 targets failed/);
	});

	test('a change in one target after the plan stops the apply in every target before any write', async () => {
		await seed();
		const plan = await run({});
		const fingerprint = plan.output[0].json.planFingerprint;
		// Someone changes an unchanged connection in the third target: its update is not in the approved plan.
		const client = await clientIn(glue.GlueClient, TARGETS[2]);
		await client.send(new glue.UpdateConnectionCommand({ Name: 'fleet-039', ConnectionInput: { ...definition('fleet-039', TARGETS[2]), Description: 'changed by hand' } }));
		proxy.clear();
		const apply = await run({ mode: 'apply', expectedPlanFingerprint: fingerprint });
		expect(apply.error?.message).toMatch(/1 write\(s\) are not in the approved plan \(update "fleet-039" in account 222222222222 in us-east-1\)\. Nothing was written in any target/);
		expect(await writesByTarget()).toEqual({});
	});

	test('guard rails: an (account, Region) listed twice, a model filling a target, a replacement that breaks a subnet ID, a Catalog ID: refused before any request', async () => {
		const twice = JSON.stringify([
			{ roleArn: roleOf('111111111111'), region: 'us-east-1' },
			{ roleArn: 'arn:aws:iam::111111111111:role/other', region: 'us-east-1' },
		]);
		const duplicate = await run({ targetList: twice });
		expect(duplicate.error?.message).toMatch(/rows 1 and 2 both target account 111111111111 in us-east-1/);
		const fromModel = await run({ targetList: "={{ $fromAI('targets') }}" }, { asTool: true });
		expect(fromModel.error?.message).toMatch(/an AI tool cannot choose targets or roles/);
		const badSubnet = await run({ targetList: JSON.stringify([{ roleArn: roleOf('111111111111'), region: 'us-east-1', replaceValues: { [SOURCE_SUBNET]: 'subnet-of-the-partner' } }]) });
		expect(badSubnet.error?.message).toMatch(/Targets \(account 111111111111 in us-east-1\): Replace Values › PhysicalConnectionRequirements.SubnetId: gives "subnet-of-the-partner"/);
		const withCatalog = await run({ options: { catalogId: '111111111111' } });
		expect(withCatalog.error?.message).toMatch(/Catalog ID/);
		expect(proxy.requests).toEqual([]);
	});
});

describe('EventBridge: 2 accounts in 2 Regions', () => {
	const apiKey = (name, changed) => ({
		Name: name,
		Description: changed ? 'old header' : 'partner api',
		AuthorizationType: 'API_KEY',
		AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: changed ? 'x-old-key' : 'x-api-key', ApiKeyValue: PASSWORD } },
	});
	const targets = [
		{ account: '111111111111', region: 'eu-west-1' },
		{ account: '222222222222', region: 'us-east-1' },
	];
	const run = (parameters) =>
		runNode({
			node: new EventBridgeConnection(),
			parameters: {
				operation: 'reconcile',
				scopePrefix: 'partner-',
				definitionFrom: 'json',
				definitionJson: '={{ $json.definition }}',
				targets: 'list',
				targetRows: { target: targets.map(({ account, region }) => ({ roleArn: roleOf(account), region })) },
				...parameters,
			},
			inputItems: [...Array(5).keys()].map((index) => ({ definition: apiKey(`partner-${index}`, false) })),
			credentials: { ...moto.credentials, endpoint: proxy.endpoint },
		});

	test('plan per target, apply into each account and Region, a second apply writes nothing', async () => {
		// The first target has none of them; the second has three, one changed, and one extra (kept: Remove Extras is off).
		const second = await clientIn(eb.EventBridgeClient, targets[1]);
		for (const index of [0, 1, 2]) await second.send(new eb.CreateConnectionCommand(apiKey(`partner-${index}`, index === 1)));
		await second.send(new eb.CreateConnectionCommand(apiKey('partner-extra', false)));
		proxy.clear();

		const plan = await run({});
		expect(plan.error).toBeUndefined();
		expect(summaries(plan.output).map(({ json }) => json.summary)).toEqual([
			{ create: 5, update: 0, delete: 0, unchanged: 0, keep: 0 },
			{ create: 2, update: 1, delete: 0, unchanged: 2, keep: 1 },
		]);
		expect(await writesByTarget()).toEqual({});
		const fingerprint = plan.output[0].json.planFingerprint;

		const apply = await run({ mode: 'apply', expectedPlanFingerprint: fingerprint });
		expect(apply.error).toBeUndefined();
		expect(await writesByTarget()).toEqual({ [key(targets[0])]: { CreateConnection: 5 }, [key(targets[1])]: { CreateConnection: 2, UpdateConnection: 1 } });
		const first = await clientIn(eb.EventBridgeClient, targets[0]);
		expect(((await first.send(new eb.ListConnectionsCommand({}))).Connections ?? []).map((connection) => connection.Name).sort()).toEqual(
			[0, 1, 2, 3, 4].map((index) => `partner-${index}`),
		);

		proxy.clear();
		const again = await run({ mode: 'apply', expectedPlanFingerprint: fingerprint });
		expect(again.error).toBeUndefined();
		expect(summaries(again.output).map(({ json }) => json.summary.unchanged)).toEqual([5, 5]);
		expect(await writesByTarget()).toEqual({});
	});
});

describe('Get Many "As Definitions" over targets', () => {
	const network = (subnet) => ({ SubnetId: subnet, SecurityGroupIdList: ['sg-0123456789abcdef0'], AvailabilityZone: 'us-east-1a' });
	test("Glue: each target's connections, named by their target, with its own Replace Values; one AssumeRole per target", async () => {
		const [first, second] = [TARGETS[0], TARGETS[3]];
		for (const [target, names] of [
			[first, ['orders-a', 'orders-b']],
			[second, ['orders-c']],
		]) {
			const client = await clientIn(glue.GlueClient, target);
			for (const name of names) {
				await client.send(
					new glue.CreateConnectionCommand({
						ConnectionInput: { Name: name, ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:postgresql://db/${name}`, USERNAME: 'etl', PASSWORD }, PhysicalConnectionRequirements: network(subnetOf(target)) },
					}),
				);
			}
		}
		proxy.clear();
		const exported = await runNode({
			node: new GlueConnection(),
			parameters: {
				operation: 'getMany',
				returnAll: true,
				output: 'definitions',
				targets: 'list',
				targetRows: { target: [first, second].map((target) => ({ roleArn: roleOf(target.account), region: target.region, replaceValues: JSON.stringify({ [subnetOf(target)]: SOURCE_SUBNET }) })) },
			},
			credentials: { ...moto.credentials, endpoint: proxy.endpoint },
		});
		expect(exported.error).toBeUndefined();
		expect(exported.output.map(({ json }) => [json.name, key(json.target), json.definition.PhysicalConnectionRequirements.SubnetId])).toEqual([
			['orders-a', key(first), SOURCE_SUBNET],
			['orders-b', key(first), SOURCE_SUBNET],
			['orders-c', key(second), SOURCE_SUBNET],
		]);
		expect(exported.output[0].json.boundValues).toContainEqual({ path: 'PhysicalConnectionRequirements.SubnetId', kind: 'subnet', value: SOURCE_SUBNET, replaced: subnetOf(first) });
		expect(JSON.stringify(exported.output)).not.toContain(PASSWORD);
		expect(assumeRoleRequests()).toHaveLength(2);
		const signedIn = new Set();
		for (const { operation, accessKeyId, region } of proxy.requests) if (operation === 'AWSGlue.GetConnections') signedIn.add(`${await accountOf(accessKeyId)}|${region}`);
		expect([...signedIn].sort()).toEqual([key(first), key(second)].sort());
	});

	test('EventBridge: each target exported; an unreachable target fails the item (Continue On Fail: an error item)', async () => {
		const target = TARGETS[1];
		const client = await clientIn(eb.EventBridgeClient, target);
		await client.send(new eb.CreateConnectionCommand({ Name: 'partner-x', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: PASSWORD } } }));
		const run = (rows, options = {}) =>
			runNode({
				node: new EventBridgeConnection(),
				parameters: { operation: 'getMany', returnAll: true, output: 'definitions', targets: 'list', targetRows: { target: rows } },
				credentials: { ...moto.credentials, endpoint: proxy.endpoint },
				...options,
			});
		const exported = await run([{ roleArn: roleOf(target.account), region: target.region }]);
		expect(exported.error).toBeUndefined();
		expect(exported.output.map(({ json }) => [json.name, key(json.target), json.definition.AuthParameters])).toEqual([
			['partner-x', key(target), { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: { $secret: 'required' } } }],
		]);
		const denied = await run([{ roleArn: DENIED_ROLE, region: 'eu-west-1' }], { continueOnFail: true });
		expect(denied.output).toHaveLength(1);
		expect(denied.output[0].json.error).toMatch(/not authorized to perform: sts:AssumeRole/);
	});
});
