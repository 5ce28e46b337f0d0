// The credential's test (STS GetCallerIdentity) and the assume-role path, against moto's STS on a
// loopback port: the custom endpoint is honoured, and a role's temporary keys are what the node uses.
// Per-service endpoints: recording proxies in front of moto, one per endpoint, show which service's
// requests reached which endpoint.
const { mockClient } = require('aws-sdk-client-mock');
const sts = require('@aws-sdk/client-sts');
const { startMoto } = require('../../support/moto');
const { startRecordingProxy } = require('../../support/recordingProxy');
const { runNode } = require('../../support/engine');
const { testAwsCredential } = require('../../../nodes/shared/transport/credentialTest');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const ROLE_ARN = 'arn:aws:iam::123456789012:role/n8n-provisioner';
let moto;
beforeAll(async () => (moto = await startMoto()), 60000);
afterAll(async () => await moto?.stop());

const credentialTest = (data) => testAwsCredential.call({}, { id: 'c1', name: 'AWS', type: 'awsConnectionsApi', data });

test('the credential test authenticates through the custom endpoint and names the caller', async () => {
	const result = await credentialTest(moto.credentials);
	expect(result.status).toBe('OK');
	expect(result.message).toMatch(/^Authenticated as arn:aws:(iam|sts)::\d{12}:/);
});

test('with Assume Role, the credential test authenticates as the role', async () => {
	const result = await credentialTest({ ...moto.credentials, assumeRole: true, roleArn: ROLE_ARN, roleSessionName: 'cred-test' });
	expect(result).toEqual({ status: 'OK', message: expect.stringMatching(/assumed-role\/n8n-provisioner\/cred-test/) });
});

test('an endpoint where nothing listens fails the test with a message, and no secret in it', async () => {
	const result = await credentialTest({ ...moto.credentials, endpoint: 'http://127.0.0.1:9', secretAccessKey: 'do-not-echo-this-secret' });
	expect(result.status).toBe('Error');
	expect(result.message).toBeTruthy();
	expect(result.message).not.toContain('do-not-echo-this-secret');
});

test('a credential that can never work is refused before any call', async () => {
	const result = await credentialTest({ ...moto.credentials, region: 'Frankfurt' });
	expect(result).toEqual({ status: 'Error', message: expect.stringContaining('not an AWS region code') });
});

describe('a node with an assume-role credential', () => {
	// Spy on STS only (moto still answers Glue): the node must assume the role once per execution.
	test('assumes the role once for all items and works with its keys', async () => {
		const glue = require('@aws-sdk/client-glue');
		const direct = new glue.GlueClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
		await direct.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'seen-by-role', ConnectionType: 'NETWORK', ConnectionProperties: {} } }));
		direct.destroy();
		const calls = [];
		const original = sts.STSClient.prototype.send;
		sts.STSClient.prototype.send = function (command, ...rest) {
			calls.push(command.constructor.name);
			return original.call(this, command, ...rest);
		};
		try {
			const { output, error } = await runNode({
				node: new GlueConnection(),
				parameters: { operation: 'getMany', returnAll: true, hidePassword: true },
				inputItems: [{}, {}, {}],
				credentials: { ...moto.credentials, assumeRole: true, roleArn: ROLE_ARN },
			});
			expect(error).toBeUndefined();
			// One connection per item, each paired with its item.
			expect(output.map((item) => [item.json.Name, item.pairedItem])).toEqual([0, 1, 2].map((item) => ['seen-by-role', { item }]));
		} finally {
			sts.STSClient.prototype.send = original;
		}
		expect(calls).toEqual(['AssumeRoleCommand']);
	});

	test('a role ARN that is not one is an input problem of the credential, before any call', async () => {
		const stsMock = mockClient(sts.STSClient);
		try {
			const { error } = await runNode({
				node: new GlueConnection(),
				parameters: { operation: 'getMany', returnAll: true, hidePassword: true },
				credentials: { ...moto.credentials, assumeRole: true, roleArn: 'n8n-provisioner' },
			});
			expect(error.message).toMatch(/^AWS Credential: .*Role ARN.*\(item 0\)$/);
			expect(stsMock.calls()).toHaveLength(0);
		} finally {
			stsMock.restore();
		}
	});
});

describe('per-service endpoints', () => {
	const proxies = {};
	beforeAll(async () => {
		for (const name of ['custom', 'glue', 'eventbridge', 'sts', 'secretsmanager']) proxies[name] = await startRecordingProxy(moto.endpoint);
		const sm = require('@aws-sdk/client-secrets-manager');
		const { region, endpoint, accessKeyId, secretAccessKey } = moto.credentials;
		const secrets = new sm.SecretsManagerClient({ region, endpoint, credentials: { accessKeyId, secretAccessKey } });
		await secrets.send(new sm.CreateSecretCommand({ Name: 'per-service/db', SecretString: 'per-service-password-3b7c' }));
		secrets.destroy();
	});
	afterAll(async () => await Promise.all(Object.values(proxies).map((proxy) => proxy.close())));
	beforeEach(() => Object.values(proxies).forEach((proxy) => proxy.clear()));

	// What reached each endpoint: the service of each request (JSON protocols name it in X-Amz-Target, STS's query protocol in the body).
	const services = (proxy) =>
		proxy.requests.map(({ operation, body }) => (operation.startsWith('POST ') ? `STS.${/Action=(\w+)/.exec(String(body))?.[1]}` : operation.split('.')[0]));
	const seen = () => Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [name, [...new Set(services(proxy))]]));
	const credential = (endpoints) => ({
		...moto.credentials,
		endpoint: proxies.custom.endpoint,
		serviceEndpoints: true,
		...Object.fromEntries(Object.entries(endpoints).map(([field, name]) => [field, proxies[name].endpoint])),
	});

	test('STS and Secrets Manager on their own endpoints; Glue, without one, on the Custom Endpoint', async () => {
		const data = { ...credential({ stsEndpoint: 'sts', secretsManagerEndpoint: 'secretsmanager' }), assumeRole: true, roleArn: ROLE_ARN };
		expect(await credentialTest(data)).toMatchObject({ status: 'OK' });
		expect(seen()).toEqual({ custom: [], glue: [], eventbridge: [], sts: ['STS.AssumeRole', 'STS.GetCallerIdentity'], secretsmanager: [] });

		proxies.sts.clear();
		const { output, error } = await runNode({
			node: new GlueConnection(),
			parameters: {
				operation: 'create',
				name: 'per-service-db',
				connectionType: 'JDBC',
				jdbcConnectUsing: 'url',
				jdbcConnectionUrl: 'jdbc:postgresql://orders.example.com:5432/orders',
				jdbcUsername: 'etl',
				secretSource: 'secretsManager',
				jdbcPasswordFromSecretsManager: 'per-service/db',
			},
			credentials: data,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(seen()).toEqual({ custom: ['AWSGlue'], glue: [], eventbridge: [], sts: ['STS.AssumeRole'], secretsmanager: ['secretsmanager'] });
	});

	test('Glue and EventBridge on their own endpoints; STS, without one, on the Custom Endpoint', async () => {
		const data = credential({ glueEndpoint: 'glue', eventBridgeEndpoint: 'eventbridge' });
		expect(await credentialTest(data)).toMatchObject({ status: 'OK' });
		const glueRun = await runNode({ node: new GlueConnection(), parameters: { operation: 'getMany', returnAll: true, hidePassword: true }, credentials: data });
		const eventBridgeRun = await runNode({ node: new EventBridgeConnection(), parameters: { operation: 'getMany', returnAll: true }, credentials: data });
		expect([glueRun.error, eventBridgeRun.error]).toEqual([undefined, undefined]);
		expect(seen()).toEqual({ custom: ['STS.GetCallerIdentity'], glue: ['AWSGlue'], eventbridge: ['AWSEvents'], sts: [], secretsmanager: [] });
	});

	test('with the switch off, the per-service fields are ignored: everything on the Custom Endpoint, as before', async () => {
		const data = { ...credential({ glueEndpoint: 'glue', stsEndpoint: 'sts' }), serviceEndpoints: false };
		expect(await credentialTest(data)).toMatchObject({ status: 'OK' });
		const { error } = await runNode({ node: new GlueConnection(), parameters: { operation: 'getMany', returnAll: true, hidePassword: true }, credentials: data });
		expect(error).toBeUndefined();
		expect(seen()).toEqual({ custom: ['STS.GetCallerIdentity', 'AWSGlue'], glue: [], eventbridge: [], sts: [], secretsmanager: [] });
	});
});
