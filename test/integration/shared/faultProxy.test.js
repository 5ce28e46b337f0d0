// The fault proxy itself, in front of a tiny loopback upstream that counts what reaches it: the
// same seed gives the same faults in the same order, a lost answer reaches the upstream (it took
// effect) but never the client, throttling and 5xx never reach it, and only 127.0.0.1 is allowed.
const http = require('node:http');
const { startFaultProxy } = require('../../support/faultProxy');

let upstream;
let reached = 0;
beforeAll(async () => {
	upstream = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			reached++;
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => await new Promise((resolve) => upstream.close(resolve)));

const FAULTS = { throttle: 0.3, serverError: 0.1, reset: 0.03, lostAnswer: 0.03 };

/** Sends n requests one after another; the outcome of each: an HTTP status or 'dropped'. */
async function outcomes(proxy, n) {
	const seen = [];
	for (let i = 0; i < n; i++) {
		seen.push(
			await new Promise((resolve) => {
				const req = http.request(`${proxy.endpoint}/`, { method: 'POST', agent: false, headers: { 'x-amz-target': 'AWSGlue.CreateConnection' } }, (res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode));
				});
				req.on('error', () => resolve('dropped'));
				req.end('{}');
			}),
		);
	}
	return seen;
}

test('the same seed gives the same faults; another seed others; every fault kind occurs', async () => {
	const run = async (seed) => {
		const proxy = await startFaultProxy({ target: `http://127.0.0.1:${upstream.address().port}`, seed, ...FAULTS });
		const before = reached;
		const seen = await outcomes(proxy, 200);
		await proxy.stop();
		return { seen, stats: proxy.stats, reached: reached - before };
	};
	const first = await run(42);
	const again = await run(42);
	const other = await run(43);
	expect(again.seen).toEqual(first.seen);
	expect(other.seen).not.toEqual(first.seen);
	const { stats } = first;
	for (const kind of ['throttle', 'serverError', 'reset', 'lostAnswer']) expect(stats[kind]).toBeGreaterThan(0);
	expect(first.seen.filter((s) => s === 400)).toHaveLength(stats.throttle);
	expect(first.seen.filter((s) => s === 500 || s === 503)).toHaveLength(stats.serverError);
	expect(first.seen.filter((s) => s === 'dropped')).toHaveLength(stats.reset + stats.lostAnswer);
	// What reached the upstream: every passed request and every lost answer, nothing else.
	expect(first.reached).toBe(stats.forwarded);
	expect(stats.forwarded).toBe(first.seen.filter((s) => s === 200).length + stats.lostAnswer);
	expect(stats.byOperation.CreateConnection.requests).toBe(200);
});

test('a script decides the first requests; only loopback targets are accepted', async () => {
	const proxy = await startFaultProxy({ target: `http://127.0.0.1:${upstream.address().port}`, script: ['lostAnswer', 'throttle', 'pass'] });
	const before = reached;
	expect(await outcomes(proxy, 3)).toEqual(['dropped', 400, 200]);
	expect(reached - before).toBe(2);
	await proxy.stop();
	await expect(startFaultProxy({ target: 'http://example.com:80' })).rejects.toThrow(/127\.0\.0\.1/);
});
