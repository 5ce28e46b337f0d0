// A loopback HTTP proxy in front of an endpoint (the emulator) that counts requests and how many
// are in flight at once, and can hold each request back before forwarding it (added latency, as a
// distant AWS region has). Tests assert the counts; the benchmark uses the latency.
//
// With `replayReads`, it also keeps the emulator's successful answers to reads (AssumeRole and
// Get/List/Describe operations), keyed by the signing access key and Region, the operation and the
// request body (AssumeRole's RoleSessionName left out: it names the execution). After `replay()`,
// a read seen before is answered with the emulator's own answer (still after the latency, still
// counted) instead of being queued behind the emulator, which answers one request at a time; AWS
// answers separate accounts in parallel. Writes and unseen reads are always forwarded.
const http = require('node:http');

const REPLAYABLE_OPERATION = /^(AssumeRole|Get\w+|List\w+|Describe\w+)$/;
// Headers of a kept answer that belong to one exchange, not to the answer.
const EXCHANGE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** The replay key of a read (undefined for anything else): who signed it, where, what and with which input. */
function readKey(request, body) {
	// Credential=<key>/<date>/<region>/<service>/aws4_request
	const [, accessKeyId, region] = /Credential=([^/]+)\/[^/]+\/([^/]+)\//.exec(String(request.headers.authorization ?? '')) ?? [];
	if (!accessKeyId) return undefined;
	const text = body.toString('utf8');
	let operation = String(request.headers['x-amz-target'] ?? '').split('.').pop();
	let input = text;
	if (!operation && String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
		// the query protocol (STS): the operation is a parameter; the session name differs per execution
		const params = new URLSearchParams(text);
		operation = params.get('Action') ?? '';
		params.delete('RoleSessionName');
		params.sort();
		input = params.toString();
	}
	if (!REPLAYABLE_OPERATION.test(operation)) return undefined;
	return JSON.stringify([accessKeyId, region, request.method, request.url, operation, input]);
}

/**
 * @param {object} options
 * @param {string} options.target  e.g. http://127.0.0.1:5000
 * @param {number} [options.latencyMs] held back this long before forwarding (default 0)
 * @param {boolean} [options.replayReads] keep the answers to reads, to replay them after `replay()` (default false)
 * @returns {Promise<{endpoint: string, stats: {requests: number, answeredOk: number, failed: number, inFlight: number, maxInFlight: number, replayed: number, forwarded: number}, replay(): void, reset(): void, stop(): Promise<void>}>}
 */
async function startCountingProxy({ target, latencyMs = 0, replayReads = false }) {
	const upstream = new URL(target);
	// A new upstream connection per request: a reused one the emulator has just closed would turn
	// into a 502 and an SDK retry, and the counts would then depend on timing.
	const agent = new http.Agent({ keepAlive: false });
	const stats = { requests: 0, answeredOk: 0, failed: 0, inFlight: 0, maxInFlight: 0, replayed: 0, forwarded: 0 };
	const kept = new Map();
	let replaying = false;
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
			const raw = Buffer.concat(body);
			const key = replayReads ? readKey(request, raw) : undefined;
			const answerFromKept = () => {
				const { statusCode, headers, content } = kept.get(key);
				stats.replayed++;
				stats.answeredOk++;
				response.writeHead(statusCode, { ...headers, 'content-length': content.length });
				response.end(content);
			};
			const forward = () => {
				if (replaying && key && kept.has(key)) return answerFromKept();
				stats.forwarded++;
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
						if (key && answer.statusCode < 300) {
							const chunks = [];
							answer.on('data', (chunk) => chunks.push(chunk));
							answer.on('end', () => {
								const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !EXCHANGE_HEADERS.has(name)));
								kept.set(key, { statusCode: answer.statusCode, headers, content: Buffer.concat(chunks) });
							});
						}
						answer.pipe(response);
					},
				);
				outgoing.on('error', (error) => {
					stats.failed++;
					response.writeHead(502, { 'content-type': 'text/plain' });
					response.end(`proxy: ${error.message}`);
				});
				outgoing.end(raw);
			};
			if (latencyMs > 0) setTimeout(forward, latencyMs);
			else forward();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		endpoint: `http://127.0.0.1:${server.address().port}`,
		stats,
		replay() {
			replaying = true;
		},
		reset() {
			stats.requests = 0;
			stats.answeredOk = 0;
			stats.failed = 0;
			stats.replayed = 0;
			stats.forwarded = 0;
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
