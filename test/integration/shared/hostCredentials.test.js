// "Credentials of the n8n Host": each source is read by the AWS SDK's own provider from the n8n
// process's environment, against moto (STS, Glue) and loopback stand-ins for the container
// endpoint and the EC2 instance metadata service. Which identity acted is visible because moto
// keeps one account per access key: keys of a role in account 210987654321 see that account only.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { GlueClient, CreateConnectionCommand } = require('@aws-sdk/client-glue');
const { startMoto } = require('../../support/moto');
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
const GATE = 'N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED';

let moto;
let hostKeys;
let scratch;
const saved = {};
const servers = [];

beforeAll(async () => {
	moto = await startMoto();
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'host-credentials-'));
	// Temporary keys of a role in another account: what the host's platform would hand out.
	hostKeys = await roleKeys(moto.endpoint, `arn:aws:iam::${HOST_ACCOUNT}:role/n8n-host`);
	// A connection that exists only in the host's account: a node that lists it acted as the host.
	const glue = new GlueClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: hostKeys });
	await glue.send(new CreateConnectionCommand({ ConnectionInput: { Name: 'host-account-only', ConnectionType: 'NETWORK', ConnectionProperties: {} } }));
	glue.destroy();
}, 60000);

afterAll(async () => {
	await moto?.stop();
	fs.rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
	for (const name of HOST_VARIABLES) {
		saved[name] = process.env[name];
		delete process.env[name];
	}
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
const hostCredential = (extra = {}) => ({ region: 'us-east-1', authentication: 'host', endpoint: moto.endpoint, ...extra });
const credentialTest = (data) => testAwsCredential.call({}, { id: 'c1', name: 'AWS', type: 'awsConnectionsApi', data });
const listConnections = (credentials, items = 1) =>
	runNode({
		node: new GlueConnection(),
		parameters: { operation: 'getMany', returnAll: true, hidePassword: true },
		inputItems: Array.from({ length: items }, () => ({})),
		credentials,
	});
const inOneHour = () => new Date(Date.now() + 3600_000);

test('environment keys: the credential test and a node act as the keys in n8n\'s environment', async () => {
	setEnv({ [GATE]: 'true', AWS_ACCESS_KEY_ID: hostKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: hostKeys.secretAccessKey, AWS_SESSION_TOKEN: hostKeys.sessionToken });
	expect(await credentialTest(hostCredential())).toEqual({
		status: 'OK',
		message: expect.stringContaining(`arn:aws:sts::${HOST_ACCOUNT}:assumed-role/n8n-host/host`),
	});
	const { output, error } = await listConnections(hostCredential());
	expect(error).toBeUndefined();
	expect(output.map((item) => item.json.Name)).toEqual(['host-account-only']);
});

describe('a container-credentials endpoint (EKS Pod Identity, ECS) on loopback', () => {
	test('is read with the authorization token from its file, once for all items while the keys are fresh', async () => {
		const token = 'pod-identity-token';
		const endpoint = await serve(startContainerEndpoint({ keys: hostKeys, token, expiration: inOneHour }));
		const tokenFile = path.join(scratch, 'eks-pod-identity-token');
		fs.writeFileSync(tokenFile, token);
		setEnv({ [GATE]: 'true', AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile });

		expect(await credentialTest(hostCredential())).toMatchObject({ status: 'OK', message: expect.stringContaining(`::${HOST_ACCOUNT}:`) });
		expect(endpoint.requests).toHaveLength(1);

		const { output, error } = await listConnections(hostCredential(), 3);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.Name)).toEqual(['host-account-only', 'host-account-only', 'host-account-only']);
		expect(endpoint.requests).toHaveLength(2); // one more fetch for the whole execution
		expect(endpoint.requests.every((request) => request.headers.authorization === token)).toBe(true);
	});

	test('keys that are about to expire are fetched again before they are used', async () => {
		// Expiring within the SDK's five-minute refresh window: every request must renew them.
		const endpoint = await serve(startContainerEndpoint({ keys: hostKeys, token: 't', expiration: () => new Date(Date.now() + 60_000) }));
		setEnv({ [GATE]: 'true', AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN: 't' });
		const { output, error } = await listConnections(hostCredential(), 3);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		// At least one fetch per Glue request (the SDK may check twice), where fresh keys needed one in all.
		expect(endpoint.requests.length).toBeGreaterThanOrEqual(3);
	});

	test('an endpoint that refuses the token fails with an error naming the source and its variable', async () => {
		const endpoint = await serve(startContainerEndpoint({ keys: hostKeys, token: 'expected', expiration: inOneHour }));
		setEnv({ [GATE]: 'true', AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'wrong' });
		const { error } = await listConnections(hostCredential());
		expect(error.message).toMatch(/EKS Pod Identity \(selected by AWS_CONTAINER_CREDENTIALS_FULL_URI\)/);
		expect(error.message).not.toContain(hostKeys.secretAccessKey);
	});
});

test('a web identity token file (EKS IRSA) is exchanged at the credential\'s STS endpoint (moto)', async () => {
	const tokenFile = path.join(scratch, 'irsa-token');
	fs.writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.e30.signature');
	setEnv({ [GATE]: 'true', AWS_ROLE_ARN: `arn:aws:iam::${HOST_ACCOUNT}:role/irsa-n8n`, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile });
	expect(await credentialTest(hostCredential())).toEqual({
		status: 'OK',
		message: expect.stringContaining(`arn:aws:sts::${HOST_ACCOUNT}:assumed-role/irsa-n8n/n8n-aws-connections`),
	});
	const { output, error } = await listConnections(hostCredential());
	expect(error).toBeUndefined();
	expect(output.map((item) => item.json.Name)).toEqual(['host-account-only']);
});

test('EC2 instance metadata: IMDSv2 (session token first) on a loopback metadata endpoint', async () => {
	const imds = await serve(startInstanceMetadata({ keys: hostKeys, roleName: 'n8n-instance-role', expiration: inOneHour }));
	setEnv({ [GATE]: 'true', AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url });
	expect(await credentialTest(hostCredential())).toMatchObject({ status: 'OK', message: expect.stringContaining(`::${HOST_ACCOUNT}:`) });
	expect(imds.requests[0]).toMatchObject({ method: 'PUT', url: '/latest/api/token' });
	expect(imds.requests.filter((request) => request.method === 'GET').every((request) => request.headers['x-aws-ec2-metadata-token'])).toBe(true);
});

test('Assume Role works on top of the host\'s credentials, with the external ID', async () => {
	setEnv({ [GATE]: 'true', AWS_ACCESS_KEY_ID: hostKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: hostKeys.secretAccessKey, AWS_SESSION_TOKEN: hostKeys.sessionToken });
	const result = await credentialTest(
		hostCredential({ assumeRole: true, roleArn: 'arn:aws:iam::333344445555:role/provisioner', externalId: 'ext-42', roleSessionName: 'on-host' }),
	);
	expect(result).toEqual({ status: 'OK', message: expect.stringContaining('arn:aws:sts::333344445555:assumed-role/provisioner/on-host') });
});

describe('without N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true', () => {
	test.each([undefined, 'false', 'yes'])('(%p) the credential test and a node run stop before any request', async (gate) => {
		const recording = await serve(startRecordingEndpoint());
		const container = await serve(startContainerEndpoint({ keys: hostKeys, token: 't', expiration: inOneHour }));
		setEnv({ AWS_ACCESS_KEY_ID: hostKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: hostKeys.secretAccessKey, AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri });
		if (gate !== undefined) setEnv({ [GATE]: gate });
		const credential = hostCredential({ endpoint: recording.url, assumeRole: true, roleArn: 'arn:aws:iam::333344445555:role/provisioner' });

		const result = await credentialTest(credential);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true');

		const { error } = await listConnections(credential);
		expect(error.message).toMatch(/^AWS Credential: .*N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true.*\(item 0\)$/);
		expect(recording.requests).toHaveLength(0);
		expect(container.requests).toHaveLength(0);
	});
});
