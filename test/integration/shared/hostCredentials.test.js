// "Credentials of the n8n Host", as n8n's own AWS credentials: the host's identity, read from the
// n8n process's environment, only assumes the credential's Role ARN. Against moto (STS, Glue,
// Secrets Manager; STS behind a recording proxy set as the credential's STS Endpoint, so every
// AssumeRole is counted) and loopback stand-ins for the container endpoint and the EC2 instance
// metadata service. Which identity acted is visible because moto keeps one account per access key:
// a role's keys see that role's account only.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const glue = require('@aws-sdk/client-glue');
const sm = require('@aws-sdk/client-secrets-manager');
const { startMoto } = require('../../support/moto');
const { startRecordingProxy } = require('../../support/recordingProxy');
const { runNode } = require('../../support/engine');
const {
	HOST_VARIABLES,
	roleKeys,
	startContainerEndpoint,
	startInstanceMetadata,
	startRecordingEndpoint,
} = require('../../support/credentialEndpoints');
const { testAwsCredential } = require('../../../nodes/shared/transport/credentialTest');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');

const HOST_ACCOUNT = '210987654321';
const ROLE_ACCOUNT = '333344445555';
const ROLE_ARN = `arn:aws:iam::${ROLE_ACCOUNT}:role/provisioner`;
const GATE = 'N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED';
const SDK_SOURCES = 'N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES';
const DB_PASSWORD = 'host-test-db-password-5d1e';

let moto;
let sts;
let hostKeys;
let scratch;
const saved = {};
const servers = [];

beforeAll(async () => {
	moto = await startMoto();
	sts = await startRecordingProxy(moto.endpoint);
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'host-credentials-'));
	// Temporary keys of a role in another account: what the host's platform would hand out.
	hostKeys = await roleKeys(moto.endpoint, `arn:aws:iam::${HOST_ACCOUNT}:role/n8n-host`);
	// A connection and a secret that exist only in the role's account: a node that sees them acted as the role.
	const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: await roleKeys(moto.endpoint, ROLE_ARN) };
	const direct = new glue.GlueClient(config);
	await direct.send(new glue.CreateConnectionCommand({ ConnectionInput: { Name: 'role-account-only', ConnectionType: 'NETWORK', ConnectionProperties: {} } }));
	direct.destroy();
	const secrets = new sm.SecretsManagerClient(config);
	await secrets.send(new sm.CreateSecretCommand({ Name: 'glue/orders-db', SecretString: DB_PASSWORD }));
	secrets.destroy();
}, 60000);

afterAll(async () => {
	await sts?.close();
	await moto?.stop();
	fs.rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
	for (const name of HOST_VARIABLES) {
		saved[name] = process.env[name];
		delete process.env[name];
	}
	// No test may reach a real metadata service: where no other source answers, IMDS fails at once.
	process.env.AWS_EC2_METADATA_DISABLED = 'true';
	sts.clear();
});

afterEach(async () => {
	for (const name of HOST_VARIABLES) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	await Promise.all(servers.splice(0).map((server) => server.stop()));
});

const setEnv = (vars) => Object.assign(process.env, vars);
const serve = async (start) => {
	const server = await start;
	servers.push(server);
	return server;
};
const hostCredential = (extra = {}) => ({
	region: 'us-east-1',
	authentication: 'host',
	roleArn: ROLE_ARN,
	endpoint: moto.endpoint,
	serviceEndpoints: true,
	stsEndpoint: sts.endpoint,
	...extra,
});
const credentialTest = (data) => testAwsCredential.call({}, { id: 'c1', name: 'AWS', type: 'awsConnectionsApi', data });
const listConnections = (credentials, items = 1) =>
	runNode({
		node: new GlueConnection(),
		parameters: { operation: 'getMany', returnAll: true, hidePassword: true },
		inputItems: Array.from({ length: items }, () => ({})),
		credentials,
	});
const stsActions = () => sts.requests.map((request) => /(?:^|&)Action=(\w+)/.exec(String(request.body))?.[1]);
const inOneHour = () => new Date(Date.now() + 3600_000);
const assumedRole = expect.stringContaining(`arn:aws:sts::${ROLE_ACCOUNT}:assumed-role/provisioner/n8n-aws-connections`);
const hostEnvKeys = () => ({ AWS_ACCESS_KEY_ID: hostKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: hostKeys.secretAccessKey, AWS_SESSION_TOKEN: hostKeys.sessionToken });

test('environment keys: the credential test and a node act as the role the host\'s keys assume', async () => {
	setEnv({ [GATE]: 'true', ...hostEnvKeys() });
	expect(await credentialTest(hostCredential())).toEqual({ status: 'OK', message: assumedRole });
	const { output, error } = await listConnections(hostCredential());
	expect(error).toBeUndefined();
	expect(output.map((item) => item.json.Name)).toContain('role-account-only');
	expect(stsActions()).toEqual(['AssumeRole', 'GetCallerIdentity', 'AssumeRole']);
});

test('the external ID and session name go with the AssumeRole', async () => {
	setEnv({ [GATE]: 'true', ...hostEnvKeys() });
	const result = await credentialTest(hostCredential({ externalId: 'ext-42', roleSessionName: 'on-host' }));
	expect(result).toEqual({ status: 'OK', message: expect.stringContaining(`:assumed-role/provisioner/on-host`) });
	expect(String(sts.requests[0].body)).toMatch(/ExternalId=ext-42/);
});

describe('a container-credentials endpoint (EKS Pod Identity, ECS) on loopback', () => {
	test('one execution fetches the host\'s keys once and assumes the role once, for the Glue and the Secrets Manager client together', async () => {
		const token = 'pod-identity-token';
		const endpoint = await serve(startContainerEndpoint({ keys: hostKeys, token, expiration: inOneHour }));
		const tokenFile = path.join(scratch, 'eks-pod-identity-token');
		fs.writeFileSync(tokenFile, token);
		setEnv({ [GATE]: 'true', AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile });

		const { output, error } = await runNode({
			node: new GlueConnection(),
			parameters: {
				operation: 'create',
				name: '={{ $json.name }}',
				connectionType: 'JDBC',
				jdbcConnectUsing: 'url',
				jdbcConnectionUrl: 'jdbc:postgresql://orders.example.com:5432/orders',
				jdbcUsername: 'etl',
				secretSource: 'secretsManager',
				jdbcPasswordFromSecretsManager: 'glue/orders-db',
			},
			inputItems: [{ name: 'orders-a' }, { name: 'orders-b' }, { name: 'orders-c' }],
			credentials: hostCredential(),
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		// Both clients signed with the role (the secret exists in its account only), from one fetch and one AssumeRole.
		expect(endpoint.requests).toHaveLength(1);
		expect(stsActions()).toEqual(['AssumeRole']);
		expect(endpoint.requests.every((request) => request.headers.authorization === token)).toBe(true);
		expect(JSON.stringify(output)).not.toContain(DB_PASSWORD);
	});

	test('an endpoint that refuses the token: the error names each source tried, how and why; no role is assumed', async () => {
		const endpoint = await serve(startContainerEndpoint({ keys: hostKeys, token: 'expected', expiration: inOneHour }));
		setEnv({ [GATE]: 'true', AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'wrong' });
		const { error } = await listConnections(hostCredential());
		expect(error.message).toMatch(/EKS Pod Identity \(selected by AWS_CONTAINER_CREDENTIALS_FULL_URI; read by the AWS SDK\): /);
		expect(error.message).toMatch(/EC2 instance profile \(IMDSv2\) \(no variable needed; read by the AWS SDK\): /);
		expect(error.message).not.toContain(hostKeys.secretAccessKey);
		expect(sts.requests).toHaveLength(0);
	});
});

describe('N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES, honoured as n8n honours it', () => {
	// A source the variable leaves out is still used, read by one direct request (n8n's own
	// resolver); one it lists is read by the SDK's provider, which retries. An endpoint whose first
	// answer is a 500 tells the two apart.
	test.each([
		[undefined, 2, 'OK'],
		['all', 2, 'OK'],
		['podIdentity', 2, 'OK'],
		['none', 1, 'Error'],
		['environment,instanceMetadata', 1, 'Error'],
	])('%p: a hiccup at the Pod Identity endpoint takes %p request(s): %p', async (value, requests, status) => {
		const endpoint = await serve(startContainerEndpoint({ keys: hostKeys, token: 't', expiration: inOneHour, failFirst: 1 }));
		setEnv({ [GATE]: 'true', AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN: 't' });
		if (value !== undefined) setEnv({ [SDK_SOURCES]: value });
		const result = await credentialTest(hostCredential());
		expect(result.status).toBe(status);
		expect(endpoint.requests).toHaveLength(requests);
		if (status === 'OK') expect(result.message).toEqual(assumedRole);
		else expect(result.message).toContain(`EKS Pod Identity (selected by AWS_CONTAINER_CREDENTIALS_FULL_URI; read directly, per ${SDK_SOURCES}): GET ${endpoint.fullUri} answered HTTP 500`);
	});

	test.each(['none', 'environment'])('%p: Pod Identity read directly, with the token from its file, acts as the role', async (value) => {
		const token = 'pod-identity-token';
		const endpoint = await serve(startContainerEndpoint({ keys: hostKeys, token, expiration: inOneHour }));
		const tokenFile = path.join(scratch, 'direct-pod-identity-token');
		fs.writeFileSync(tokenFile, `${token}\n`);
		setEnv({ [GATE]: 'true', [SDK_SOURCES]: value, AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'not-this-one' });
		const { output, error } = await listConnections(hostCredential(), 2);
		expect(error).toBeUndefined();
		// Each item lists the role's account, where the connection made for this check is.
		expect(output.filter((item) => item.json.Name === 'role-account-only').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(endpoint.requests.map((request) => request.headers.authorization)).toEqual([token]);
	});

	test.each([undefined, 'none'])('%p: a web identity token file (EKS IRSA) is exchanged at the credential\'s STS endpoint, then the role is assumed', async (value) => {
		const tokenFile = path.join(scratch, 'irsa-token');
		fs.writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.e30.signature\n');
		setEnv({ [GATE]: 'true', AWS_ROLE_ARN: `arn:aws:iam::${HOST_ACCOUNT}:role/irsa-n8n`, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile });
		if (value !== undefined) setEnv({ [SDK_SOURCES]: value });
		expect(await credentialTest(hostCredential())).toEqual({ status: 'OK', message: assumedRole });
		expect(stsActions()).toEqual(['AssumeRoleWithWebIdentity', 'AssumeRole', 'GetCallerIdentity']);
		expect(String(sts.requests[0].body)).toContain(`RoleArn=${encodeURIComponent(`arn:aws:iam::${HOST_ACCOUNT}:role/irsa-n8n`)}`);
	});

	test.each([undefined, 'none'])('%p: EC2 instance metadata, IMDSv2 (session token first) on a loopback metadata endpoint', async (value) => {
		delete process.env.AWS_EC2_METADATA_DISABLED;
		const imds = await serve(startInstanceMetadata({ keys: hostKeys, roleName: 'n8n-instance-role', expiration: inOneHour }));
		setEnv({ [GATE]: 'true', AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url });
		if (value !== undefined) setEnv({ [SDK_SOURCES]: value });
		expect(await credentialTest(hostCredential())).toEqual({ status: 'OK', message: assumedRole });
		expect(imds.requests[0]).toMatchObject({ method: 'PUT', url: '/latest/api/token' });
		const gets = imds.requests.filter((request) => request.method === 'GET');
		expect(gets.length).toBeGreaterThanOrEqual(2);
		expect(gets.every((request) => request.headers['x-aws-ec2-metadata-token'])).toBe(true);
	});
});

describe('refused before any request', () => {
	const setUpHost = async () => {
		const recording = await serve(startRecordingEndpoint());
		const container = await serve(startContainerEndpoint({ keys: hostKeys, token: 't', expiration: inOneHour }));
		setEnv({ ...hostEnvKeys(), AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN: 't' });
		return { recording, container };
	};

	test.each([undefined, 'false', 'yes'])('without N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true (%p)', async (gate) => {
		const { recording, container } = await setUpHost();
		if (gate !== undefined) setEnv({ [GATE]: gate });
		const credential = hostCredential({ endpoint: recording.url, stsEndpoint: recording.url });

		const result = await credentialTest(credential);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true');

		const { error } = await listConnections(credential);
		expect(error.message).toMatch(/^AWS Credential: .*N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true.*\(item 0\)$/);
		expect(recording.requests).toHaveLength(0);
		expect(container.requests).toHaveLength(0);
	});

	test.each([
		['no Role ARN', { roleArn: '' }],
		['Assume Role off and no Role ARN, as host credentials were saved before 0.2.0', { roleArn: undefined, assumeRole: false }],
	])('with %s: the host\'s own identity is never used directly', async (_title, extra) => {
		const { recording, container } = await setUpHost();
		setEnv({ [GATE]: 'true' });
		const credential = hostCredential({ endpoint: recording.url, stsEndpoint: recording.url, ...extra });

		expect(await credentialTest(credential)).toEqual({ status: 'Error', message: expect.stringContaining('"Credentials of the n8n Host" need a Role ARN') });
		const { error } = await listConnections(credential);
		expect(error.message).toMatch(/^AWS Credential: "Credentials of the n8n Host" need a Role ARN.*\(item 0\)$/);
		expect(recording.requests).toHaveLength(0);
		expect(container.requests).toHaveLength(0);
	});
});
