// A loopback HTTP proxy in front of the emulator that records the AWS operation of every request
// (its X-Amz-Target header, e.g. "AWSGlue.UpdateConnection") and its JSON body, so a test can assert
// which calls a node made (and which it did not make) and exactly what it sent. Each request also
// records the access key and Region it was signed with (SigV4's Authorization header), so a test can
// tell which account (the key's, asked of the emulator) and Region every write went to; `refuse`
// may answer a request itself (e.g. AWS refusing AssumeRole on one role) instead of forwarding it.
const http = require('node:http');

/**
 * @param {string} targetEndpoint
 * @param {{refuse?: (request: {operation: string, text: string, region?: string}) => {status: number, headers: object, body: string} | undefined}} [options]
 * @returns {Promise<{endpoint: string, operations: string[], requests: Array<{operation: string, body: any, accessKeyId?: string, region?: string}>, clear(): void, close(): Promise<void>}>}
 */
async function startRecordingProxy(targetEndpoint, { refuse } = {}) {
	const target = new URL(targetEndpoint);
	const operations = [];
	const requests = [];
	const server = http.createServer((request, response) => {
		const operation = String(request.headers['x-amz-target'] ?? `${request.method} ${request.url}`);
		operations.push(operation);
		// Credential=<key>/<date>/<region>/<service>/aws4_request
		const [, accessKeyId, region] = /Credential=([^/]+)\/[^/]+\/([^/]+)\//.exec(String(request.headers.authorization ?? '')) ?? [];
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			const raw = Buffer.concat(chunks);
			const text = raw.toString('utf8');
			let body = text;
			try {
				body = JSON.parse(text);
			} catch {
				// not JSON (e.g. a query-protocol call): keep the text
			}
			requests.push({ operation, body, accessKeyId, region });
			const refusal = refuse?.({ operation, text, region });
			if (refusal) {
				response.writeHead(refusal.status, refusal.headers);
				response.end(refusal.body);
				return;
			}
			const upstream = http.request(
				{ host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
				(answer) => {
					response.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(response);
				},
			);
			upstream.on('error', () => response.destroy());
			upstream.end(raw);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		endpoint: `http://127.0.0.1:${server.address().port}`,
		operations,
		requests,
		clear: () => {
			operations.splice(0);
			requests.splice(0);
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startRecordingProxy };
