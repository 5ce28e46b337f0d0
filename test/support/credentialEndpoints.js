// Loopback stand-ins for the places a host's AWS credentials come from, so the SDK's own providers
// can be exercised without AWS: an ECS/EKS container-credentials endpoint, an EC2 instance
// metadata service (IMDSv2), and an endpoint that only records what reaches it. Each counts requests.
const http = require('node:http');

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
async function startContainerEndpoint({ keys, token, expiration }) {
	const endpoint = await listen((request, response) => {
		if (request.url !== '/credentials') return json(response, 404, { Code: 'NotFound' });
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

module.exports = { startContainerEndpoint, startInstanceMetadata, startRecordingEndpoint };
