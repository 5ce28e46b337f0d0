// A seeded fault-injecting HTTP proxy on a loopback port, put in front of the emulator to see how
// the nodes behave against an API that throttles, fails, drops connections and loses answers.
// Every request draws its fate from one seeded generator in arrival order, so a run with one
// request in flight is the same run for the same seed.
//
// Faults (probabilities per request, each drawn independently of the others' outcome):
//   throttle    400 with the JSON protocol's ThrottlingException (nothing reaches the emulator)
//   serverError 500 InternalFailure or 503 ServiceUnavailable (nothing reaches the emulator)
//   reset       the connection is reset before the request is forwarded (nothing happened)
//   lostAnswer  the request is forwarded and takes effect, then the connection is reset instead
//               of answering: the client cannot know it succeeded
//   stalledAnswer  the request is forwarded and takes effect, then no answer ever comes and the
//               connection stays open (a black-holed response): only the client's timeout ends it
//   latencyMs   [min, max] added before forwarding
const http = require('node:http');

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FAULTS = ['throttle', 'serverError', 'reset', 'lostAnswer', 'stalledAnswer'];

/**
 * The proxy stamps every answer with its own clock, the one the client runs on: under a fast clock
 * (fastClock.js) the emulator's real Date would look like hours of clock skew, and the SDK retries
 * any error as "clock skew corrected", an AlreadyExists included.
 */
const now = () => new Date(Date.now()).toUTCString();

function jsonError(res, status, type, message) {
	const body = JSON.stringify({ __type: type, message });
	res.writeHead(status, {
		'content-type': 'application/x-amz-json-1.1',
		'content-length': Buffer.byteLength(body),
		'x-amzn-errortype': type,
		'x-amzn-requestid': `fault-${Math.random().toString(16).slice(2, 10)}`,
		date: now(),
	});
	res.end(body);
}

/** The operation a request calls: the JSON protocol's X-Amz-Target, or the query protocol's Action. */
function operationOf(req, body) {
	const target = req.headers['x-amz-target'];
	if (typeof target === 'string') return target.split('.').pop();
	const action = /(?:^|&)Action=([^&]+)/.exec(body.toString('utf8'));
	return action ? action[1] : `${req.method} ${req.url}`;
}

/**
 * @param {object} options
 * @param {string} options.target   the emulator's endpoint, e.g. http://127.0.0.1:5000
 * @param {number} [options.seed]
 * @param {number} [options.throttle] @param {number} [options.serverError]
 * @param {number} [options.reset]    @param {number} [options.lostAnswer]
 * @param {number} [options.stalledAnswer]
 * @param {[number, number]} [options.latencyMs]
 * @param {Record<string, number>} [options.delayMs] milliseconds added before forwarding every
 *   request of the named operations (a slow operation), whatever else is drawn
 * @param {(operation: string) => boolean} [options.applies] which operations may be faulted (default: all)
 * @param {string[]} [options.script] fates of the first faultable requests ('pass' or a fault name),
 *   before the seeded draws take over: a test can lose exactly the first answer
 * @param {Record<string, {status: number, contentType?: string, body: string}>} [options.answers] a
 *   fixed answer for every request of an operation (nothing reaches the emulator, no draw is made):
 *   an endpoint that never implements it, or fails it every time
 */
async function startFaultProxy(options) {
	const target = new URL(options.target);
	if (target.hostname !== '127.0.0.1') throw new Error('The fault proxy only forwards to 127.0.0.1');
	const random = seededRandom(options.seed ?? 1);
	const rates = { throttle: 0, serverError: 0, reset: 0, lostAnswer: 0, stalledAnswer: 0, ...options };
	const [minLatency, maxLatency] = options.latencyMs ?? [0, 0];
	const applies = options.applies ?? (() => true);
	const script = [...(options.script ?? [])];
	const stats = { requests: 0, forwarded: 0, throttle: 0, serverError: 0, reset: 0, lostAnswer: 0, stalledAnswer: 0, byOperation: {} };
	const sockets = new Set();

	/** Draws this request's fate: a fault name or 'pass', and its added latency. */
	function draw() {
		const roll = random();
		const latency = minLatency + Math.floor(random() * (maxLatency - minLatency + 1));
		let edge = 0;
		for (const fault of FAULTS) {
			edge += rates[fault];
			if (roll < edge) return { fate: fault, latency };
		}
		return { fate: 'pass', latency };
	}

	function forward(req, body) {
		return new Promise((resolve, reject) => {
			const upstream = http.request(
				{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
				(response) => {
					const chunks = [];
					response.on('data', (chunk) => chunks.push(chunk));
					response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
					response.on('error', reject);
				},
			);
			upstream.on('error', reject);
			upstream.end(body);
		});
	}

	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const body = Buffer.concat(chunks);
		const operation = operationOf(req, body);
		stats.requests++;
		const counts = (stats.byOperation[operation] ??= { requests: 0, forwarded: 0 });
		counts.requests++;
		const fixed = options.answers?.[operation];
		if (fixed) {
			res.writeHead(fixed.status, { 'content-type': fixed.contentType ?? 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(fixed.body), date: now() });
			return res.end(fixed.body);
		}
		const { fate, latency } = draw();
		const applied = !applies(operation) ? 'pass' : script.length ? script.shift() : fate;
		const delay = latency + (options.delayMs?.[operation] ?? 0);
		if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
		if (applied !== 'pass') stats[applied]++;
		if (applied === 'throttle') return jsonError(res, 400, 'ThrottlingException', 'Rate exceeded');
		if (applied === 'serverError') {
			return random() < 0.5
				? jsonError(res, 500, 'InternalFailure', 'The request processing has failed because of an unknown error')
				: jsonError(res, 503, 'ServiceUnavailable', 'Service is unavailable, please retry');
		}
		if (applied === 'reset') return req.socket.resetAndDestroy();
		let answer;
		try {
			answer = await forward(req, body);
		} catch (error) {
			res.writeHead(502, { 'content-type': 'text/plain' });
			return res.end(`fault proxy: upstream failed: ${error.message}`);
		}
		stats.forwarded++;
		counts.forwarded++;
		if (applied === 'lostAnswer') return req.socket.resetAndDestroy();
		// Nothing is written: the client waits until it gives up (stop() closes what is left).
		if (applied === 'stalledAnswer') return;
		const headers = { ...answer.headers };
		delete headers['transfer-encoding'];
		headers['content-length'] = String(answer.body.length);
		headers.date = now();
		res.writeHead(answer.status, headers);
		res.end(answer.body);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address();
	return {
		endpoint: `http://127.0.0.1:${port}`,
		port,
		stats,
		async stop() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startFaultProxy, seededRandom };
