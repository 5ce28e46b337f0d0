// A loopback HTTP server standing in for every AWS endpoint (STS included): it records each request
// and answers a non-retryable JSON ValidationException, so a test can count what a node sent.
const http = require('node:http');

/** @returns {Promise<{endpoint: string, requests: Array<{method: string, url: string, target: string|undefined, body: string}>, stop(): Promise<void>}>} */
async function startRecordingEndpoint() {
	const requests = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			requests.push({ method: req.method, url: req.url, target: req.headers['x-amz-target'], body: Buffer.concat(chunks).toString('utf8') });
			const body = JSON.stringify({ __type: 'ValidationException', message: 'recorded by the test endpoint' });
			res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'ValidationException', 'content-length': Buffer.byteLength(body) });
			res.end(body);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		endpoint: `http://127.0.0.1:${server.address().port}`,
		requests,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startRecordingEndpoint };
