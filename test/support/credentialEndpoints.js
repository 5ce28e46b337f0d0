// Loopback stand-ins for the places a host's AWS credentials come from, so the SDK's own providers
// can be exercised without AWS: an ECS/EKS container-credentials endpoint, an EC2 instance
// metadata service (IMDSv2), and an endpoint that only records what reaches it. Each counts requests.
// Also: the variables those providers read, and temporary keys of a role in another moto account.
const http = require('node:http');
const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');

/**
 * Everything the host's providers read (and the administrator's variable): tests clear or set all
 * of them, so what the machine running the tests has set never leaks in.
 */
const HOST_VARIABLES = [
	'N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED',
	'AWS_ACCESS_KEY_ID',
	'AWS_SECRET_ACCESS_KEY',
	'AWS_SESSION_TOKEN',
	'AWS_CREDENTIAL_EXPIRATION',
	'AWS_ROLE_ARN',
	'AWS_ROLE_SESSION_NAME',
	'AWS_WEB_IDENTITY_TOKEN_FILE',
	'AWS_CONTAINER_CREDENTIALS_FULL_URI',
	'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
	'AWS_CONTAINER_AUTHORIZATION_TOKEN',
	'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
	'AWS_EC2_METADATA_SERVICE_ENDPOINT',
	'AWS_EC2_METADATA_DISABLED',
	'AWS_PROFILE',
	'N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES',
];

/**
 * Temporary keys of `roleArn` from moto's STS. moto keeps one account per access key, so these
 * keys act in the role's account: what a resource shows up in tells which identity made it.
 */
async function roleKeys(endpoint, roleArn) {
	const sts = new STSClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
	try {
		const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'host' }));
		return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
	} finally {
		sts.destroy();
	}
}

function listen(handler) {
	const requests = [];
	const server = http.createServer((request, response) => {
		requests.push({ method: request.method, url: request.url, headers: request.headers });
		handler(request, response);
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}`,
				requests,
				stop: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done());
					}),
			});
		});
	});
}

const json = (response, status, body) => {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
};

/** Container credentials as ECS and EKS Pod Identity serve them ({AccessKeyId, …, Expiration}). */
const containerBody = (keys, expiration) => ({
	AccessKeyId: keys.accessKeyId,
	SecretAccessKey: keys.secretAccessKey,
	Token: keys.sessionToken,
	Expiration: expiration().toISOString(),
});

/**
 * A container-credentials endpoint at <url>/credentials that answers only with the right
 * Authorization header. `expiration()` gives each answer's expiry time.
 */
async function startContainerEndpoint({ keys, token, expiration, failFirst = 0 }) {
	let failures = failFirst;
	const endpoint = await listen((request, response) => {
		if (request.url !== '/credentials') return json(response, 404, { Code: 'NotFound' });
		// A hiccup: the first `failFirst` requests get a 500 (a provider that retries gets past it).
		if (failures > 0 && failures--) return json(response, 500, { Code: 'InternalError', Message: 'try again' });
		if (request.headers.authorization !== token) return json(response, 401, { Code: 'Unauthorized', Message: 'bad token' });
		json(response, 200, containerBody(keys, expiration));
	});
	return { ...endpoint, fullUri: `${endpoint.url}/credentials` };
}

/** IMDSv2: a PUT for a session token, then the role name and its credentials, each with that token. */
async function startInstanceMetadata({ keys, roleName, expiration }) {
	const sessionToken = 'imds-session-token';
	return await listen((request, response) => {
		if (request.method === 'PUT' && request.url === '/latest/api/token') {
			response.writeHead(200, { 'content-type': 'text/plain' });
			return response.end(sessionToken);
		}
		if (request.headers['x-aws-ec2-metadata-token'] !== sessionToken) {
			response.writeHead(401);
			return response.end();
		}
		if (request.url === '/latest/meta-data/iam/security-credentials/') {
			response.writeHead(200, { 'content-type': 'text/plain' });
			return response.end(roleName);
		}
		if (request.url === `/latest/meta-data/iam/security-credentials/${roleName}`) {
			return json(response, 200, { Code: 'Success', Type: 'AWS-HMAC', ...containerBody(keys, expiration) });
		}
		response.writeHead(404);
		response.end();
	});
}

/** Answers every request with an error and remembers it: "nothing was sent" is requests.length === 0. */
async function startRecordingEndpoint() {
	return await listen((_request, response) => json(response, 500, { message: 'recording endpoint' }));
}

module.exports = { HOST_VARIABLES, roleKeys, startContainerEndpoint, startInstanceMetadata, startRecordingEndpoint };
