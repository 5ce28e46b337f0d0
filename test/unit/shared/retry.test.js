// The retry strategy both nodes use (the SDK's adaptive mode, retry quota per request) and the
// recovery of writes whose retried attempt meets the effect of an earlier, lost one.
const { adaptiveRetryStrategy, isNotImplemented } = require('../../../nodes/shared/transport/retry');
const { writeSafely, mayEchoEarlierAttempt } = require('../../../nodes/shared/retriedWrite');
const { compressTime } = require('../../support/fastClock');

const transient = { errorType: 'TRANSIENT', error: Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }) };
const throttled = { errorType: 'THROTTLING', error: Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }) };

describe('adaptive retry strategy', () => {
	let restore;
	beforeEach(() => (restore = compressTime(1000))); // the SDK's real back-off, 1,000 times faster
	// Attempts only: on a clock 1,000 times faster, the default minute of Max Retry Time is 60 real ms.
	const UNBOUNDED = 1e9;
	afterEach(() => restore());

	test('allows exactly maxAttempts - 1 retries of one request, then refuses', async () => {
		const strategy = await adaptiveRetryStrategy(4, UNBOUNDED);
		let token = await strategy.acquireInitialRetryToken('');
		for (let retry = 1; retry <= 3; retry++) {
			token = await strategy.refreshRetryTokenForRetry(token, throttled);
			expect(token.getRetryCount()).toBe(retry);
		}
		await expect(strategy.refreshRetryTokenForRetry(token, throttled)).rejects.toThrow(/No retry token available/);
	});

	test('does not retry client errors', async () => {
		const strategy = await adaptiveRetryStrategy(5, UNBOUNDED);
		const token = await strategy.acquireInitialRetryToken('');
		await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'CLIENT_ERROR', error: new Error('bad') })).rejects.toThrow();
	});

	test('a long run of faulty requests never exhausts retries (the SDK quota of one client would)', async () => {
		const { AdaptiveRetryStrategy } = require('@smithy/core/retry');
		const run = async (strategy) => {
			let refused = 0;
			for (let request = 0; request < 60; request++) {
				let token = await strategy.acquireInitialRetryToken('');
				try {
					for (let failure = 0; failure < 3; failure++) token = await strategy.refreshRetryTokenForRetry(token, transient);
					strategy.recordSuccess(token);
				} catch {
					refused++;
				}
			}
			return refused;
		};
		expect(await run(await adaptiveRetryStrategy(10, UNBOUNDED))).toBe(0);
		// The same sequence with the SDK's own per-client quota: refused after about 18 requests.
		expect(await run(new AdaptiveRetryStrategy(10, {}))).toBeGreaterThan(30);
	});
});

/**
 * A virtual clock for the strategy's own waits: each timer fires at once and moves Date.now()
 * on by its delay; Math.random is pinned near 1, so every back-off is the SDK's longest one.
 */
function virtualTime() {
	const real = { now: Date.now, setTimeout: globalThis.setTimeout, random: Math.random };
	let now = real.now();
	Date.now = () => now;
	globalThis.setTimeout = (callback, ms, ...args) => {
		now += Math.max(0, Number(ms) || 0);
		return real.setTimeout(callback, 0, ...args);
	};
	Math.random = () => 0.999999;
	return () => Object.assign(Date, { now: real.now }) && Object.assign(globalThis, { setTimeout: real.setTimeout }) && Object.assign(Math, { random: real.random });
}

describe('Max Retry Time and answers that cannot change', () => {
	let restore;
	beforeEach(() => (restore = virtualTime()));
	afterEach(() => restore());

	/** Retries the strategy grants one request that fails every time, and the virtual time they take. */
	async function retriesGranted(strategy, errorInfo) {
		const start = Date.now();
		let token = await strategy.acquireInitialRetryToken('');
		let retries = 0;
		for (;;) {
			try {
				token = await strategy.refreshRetryTokenForRetry(token, errorInfo);
				retries++;
			} catch {
				return { retries, elapsed: Date.now() - start };
			}
		}
	}

	test('a failure that does not go away is retried until Max Retry Time, never past it; Max Attempts still counts', async () => {
		// The SDK's longest waits: 50, 100, 200 … 1,600 ms (3.1 s in all), then 3.2 s cut to the 1.9 s left of 5 s.
		expect(await retriesGranted(await adaptiveRetryStrategy(50, 5000), transient)).toEqual({ retries: 7, elapsed: 5000 });
		// A minute: 50 ms … 12.8 s, 20 s (45.5 s in all), then 20 s cut to the 14.5 s left.
		expect(await retriesGranted(await adaptiveRetryStrategy(50, 60000), transient)).toEqual({ retries: 11, elapsed: 60000 });
		// Fewer attempts than the time allows: Max Attempts stops first.
		expect((await retriesGranted(await adaptiveRetryStrategy(3, 60000), transient)).retries).toBe(2);
	});

	test('each request has its own deadline: a later request of the same client is retried in full', async () => {
		const strategy = await adaptiveRetryStrategy(50, 5000);
		expect((await retriesGranted(strategy, transient)).retries).toBe(7);
		expect((await retriesGranted(strategy, transient)).retries).toBe(7);
	});

	test('"not implemented" (HTTP 501, or a message saying so) is not retried; a plain 500 is', async () => {
		const answer = (status, name, message) => ({
			errorType: status === 501 ? 'SERVER_ERROR' : 'TRANSIENT',
			error: Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } }),
		});
		const strategy = await adaptiveRetryStrategy(15, 60000);
		const moto = answer(500, 'InternalFailure', 'The describe_connection_type action has not been implemented');
		const localStack = answer(501, 'InternalFailure', "API action 'DescribeConnectionType' for service 'glue' not yet implemented or pro feature");
		const unknown = answer(500, 'InternalFailure', 'We encountered an internal error. Please try again.');
		expect(await retriesGranted(strategy, moto)).toEqual({ retries: 0, elapsed: 0 });
		expect(await retriesGranted(strategy, localStack)).toEqual({ retries: 0, elapsed: 0 });
		expect((await retriesGranted(strategy, unknown)).retries).toBe(11);
		expect([moto, localStack, unknown].map(({ error }) => isNotImplemented(error))).toEqual([true, true, false]);
		expect(isNotImplemented(Object.assign(new Error('x'), { name: 'NotImplementedException' }))).toBe(true);
		expect(isNotImplemented(undefined)).toBe(false);
	});
});

describe('writeSafely', () => {
	const echo = (attempts, name = 'AlreadyExistsException') => Object.assign(new Error('already exists'), { name, $metadata: { attempts } });
	const failing = (error) => async () => {
		throw error;
	};

	test('a retried attempt that meets its own earlier effect reports the read-back result', async () => {
		const readBack = jest.fn(async () => ({ status: 'READY' }));
		await expect(writeSafely(failing(echo(2)), { echoes: ['AlreadyExistsException'], readBack })).resolves.toEqual({ status: 'READY' });
		expect(readBack).toHaveBeenCalledTimes(1);
	});

	test('the same answer to a first attempt is a genuine conflict: no read-back, the error stands', async () => {
		const readBack = jest.fn(async () => ({ status: 'READY' }));
		const error = echo(1);
		await expect(writeSafely(failing(error), { echoes: ['AlreadyExistsException'], readBack })).rejects.toBe(error);
		expect(readBack).not.toHaveBeenCalled();
		expect(mayEchoEarlierAttempt(Object.assign(new Error('x'), { name: 'AlreadyExistsException' }), ['AlreadyExistsException'])).toBe(false);
	});

	test('a read-back that does not match, or fails, leaves the original error', async () => {
		const error = echo(3);
		await expect(writeSafely(failing(error), { echoes: ['AlreadyExistsException'], readBack: async () => undefined })).rejects.toBe(error);
		const readBackFails = async () => {
			throw new Error('throttled again');
		};
		await expect(writeSafely(failing(error), { echoes: ['AlreadyExistsException'], readBack: readBackFails })).rejects.toBe(error);
	});

	test('other errors are not recovered, whatever the attempts', async () => {
		const readBack = jest.fn(async () => true);
		const error = echo(5, 'AccessDeniedException');
		await expect(writeSafely(failing(error), { echoes: ['AlreadyExistsException'], readBack })).rejects.toBe(error);
		expect(readBack).not.toHaveBeenCalled();
		await expect(writeSafely(async () => 'sent', { echoes: [], readBack })).resolves.toBe('sent');
	});
});
