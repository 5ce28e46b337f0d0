// A loopback HTTP proxy in front of an endpoint (the emulator) that counts requests and how many
// are in flight at once, and can hold each request back before forwarding it (added latency, as a
// distant AWS region has). Tests assert the counts; the benchmark uses the latency.
const http = require('node:http');

/**
 * @param {object} options
 * @param {string} options.target  e.g. http://127.0.0.1:5000
 * @param {number} [options.latencyMs] held back this long before forwarding (default 0)
 * @returns {Promise<{endpoint: string, stats: {requests: number, answeredOk: number, failed: number, inFlight: number, maxInFlight: number}, reset(): void, stop(): Promise<void>}>}
 */
async function startCountingProxy({ target, latencyMs = 0 }) {
	const upstream = new URL(target);
	// A new upstream connection per request: a reused one the emulator has just closed would turn
	// into a 502 and an SDK retry, and the counts would then depend on timing.
	const agent = new http.Agent({ keepAlive: false });
	const stats = { requests: 0, answeredOk: 0, failed: 0, inFlight: 0, maxInFlight: 0 };
	const server = http.createServer((request, response) => {
		stats.requests++;
		stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
		let counted = true;
		const done = () => {
			if (!counted) return;
			counted = false;
			stats.inFlight--;
		};
		response.on('close', done);
		const body = [];
		request.on('data', (chunk) => body.push(chunk));
		request.on('end', () => {
			const forward = () => {
				const outgoing = http.request(
					{
						host: upstream.hostname,
						port: upstream.port,
						method: request.method,
						path: request.url,
						headers: request.headers,
						agent,
					},
					(answer) => {
						if (answer.statusCode < 300) stats.answeredOk++;
						response.writeHead(answer.statusCode, answer.headers);
						answer.pipe(response);
					},
				);
				outgoing.on('error', (error) => {
					stats.failed++;
					response.writeHead(502, { 'content-type': 'text/plain' });
					response.end(`proxy: ${error.message}`);
				});
				outgoing.end(Buffer.concat(body));
			};
			if (latencyMs > 0) setTimeout(forward, latencyMs);
			else forward();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		endpoint: `http://127.0.0.1:${server.address().port}`,
		stats,
		reset() {
			stats.requests = 0;
			stats.answeredOk = 0;
			stats.failed = 0;
			stats.maxInFlight = stats.inFlight;
		},
		async stop() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
			agent.destroy();
		},
	};
}

module.exports = { startCountingProxy };
