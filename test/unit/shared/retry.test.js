// The retry strategy both nodes use (the SDK's adaptive mode, retry quota per request) and the
// recovery of writes whose retried attempt meets the effect of an earlier, lost one.
const { adaptiveRetryStrategy, isNotImplemented, retryVerdictOf, OperationHealth, PERSISTENT_STREAK } = require('../../../nodes/shared/transport/retry');
const { describeAwsError } = require('../../../nodes/shared/errors');
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
		// As Node does, a timer waits at least 1 ms (the rate limiter asks for fractions of one).
		const delay = Number(ms) || 0;
		now += delay > 0 ? Math.max(1, delay) : 0;
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

describe('what the user is told when the node stops retrying a fault that heals', () => {
	let restore;
	beforeEach(() => (restore = virtualTime()));
	afterEach(() => restore());

	/** One request that fails with `make()` at every attempt until the strategy refuses; the last error. */
	async function lastError(strategy, make) {
		let token = await strategy.acquireInitialRetryToken('');
		for (;;) {
			const errorInfo = make();
			try {
				token = await strategy.refreshRetryTokenForRetry(token, errorInfo);
			} catch {
				return errorInfo.error;
			}
		}
	}
	const throttle = () => ({ errorType: 'THROTTLING', error: Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }) });

	test('Max Attempts ran out: the attempts, the time and the option to raise', async () => {
		const error = await lastError(await adaptiveRetryStrategy(4, 3600000), throttle);
		expect(retryVerdictOf(error)).toEqual({ reason: 'attempts', attempts: 4, seconds: expect.any(Number), limit: 4 });
		expect(describeAwsError(error).message).toMatch(/^Rate exceeded\. Gave up after 4 attempts in \d+ s: Max Attempts \(4\) ran out; raise Max Attempts under Options/);
	});

	test('Max Retry Time ran out: the same, naming Max Retry Time', async () => {
		const error = await lastError(await adaptiveRetryStrategy(50, 30000), throttle);
		const verdict = retryVerdictOf(error);
		expect(verdict).toMatchObject({ reason: 'time', limit: 30 });
		expect(verdict.seconds).toBeGreaterThanOrEqual(30);
		expect(verdict.attempts).toBeLessThan(50);
		expect(describeAwsError(error).message).toContain(`Gave up after ${verdict.attempts} attempts in ${verdict.seconds} s: Max Retry Time (30 s) ran out; raise Max Retry Time under Options`);
	});

	test('a failure that will not heal carries no verdict: its own message is the whole story', async () => {
		const error = await lastError(await adaptiveRetryStrategy(15, 60000), () => ({ errorType: 'CLIENT_ERROR', error: Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }) }));
		expect(retryVerdictOf(error)).toBeUndefined();
		expect(describeAwsError(error).message).toBe('User is not authorized');
	});

	test("waiting for the execution's rate limiter is not retry time: a request after heavy throttling gets the same retries", async () => {
		const fails = () => ({ ...transient, error: Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }) });
		const fresh = await adaptiveRetryStrategy(50, 5000);
		const startFresh = Date.now();
		const freshError = await lastError(fresh, fails);
		const freshTime = Date.now() - startFresh;
		// In another execution's client, a first request is throttled 3 times: the client's rate limiter
		// now lets about one attempt through every two seconds, for every request of that client.
		const throttled = await adaptiveRetryStrategy(50, 5000);
		let token = await throttled.acquireInitialRetryToken('');
		for (let i = 0; i < 3; i++) token = await throttled.refreshRetryTokenForRetry(token, throttle());
		throttled.recordSuccess(token);
		const start = Date.now();
		const slowedError = await lastError(throttled, fails);
		// The same retries (7 within 5 s of back-off, see Max Retry Time above), though the request
		// took longer: it waited for the limiter.
		expect(retryVerdictOf(freshError)).toMatchObject({ reason: 'time', attempts: 8 });
		expect(retryVerdictOf(slowedError)).toMatchObject({ reason: 'time', attempts: 8 });
		expect(Date.now() - start).toBeGreaterThan(freshTime + 1000);
	});
});

describe('a server error that keeps coming back for one operation (persistent)', () => {
	let restore;
	beforeEach(() => (restore = virtualTime()));
	afterEach(() => restore());

	const serverError = () => Object.assign(new Error('500 Internal Server Error'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });

	/** A strategy watching a stand-in client: `attempt(operation, outcome)` runs one attempt through the watch. */
	async function watched(maxAttempts = 50, maxRetryTimeMs = 300000) {
		const strategy = await adaptiveRetryStrategy(maxAttempts, maxRetryTimeMs);
		let watch;
		strategy.watch({ middlewareStack: { addRelativeTo: (middleware) => (watch = middleware) } });
		const attempt = async (operation, outcome) =>
			await watch(async () => {
				if (outcome instanceof Error) throw outcome;
				return outcome;
			}, { commandName: `${operation}Command` })({});
		/** One request: attempts through the watch until success or refusal. */
		const request = async (operation, outcomes) => {
			let token = await strategy.acquireInitialRetryToken('');
			for (let i = 0; ; i++) {
				try {
					const answer = await attempt(operation, outcomes(i));
					strategy.recordSuccess(token);
					return { answer, attempts: i + 1 };
				} catch (error) {
					try {
						token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT', error });
					} catch {
						return { error, attempts: i + 1 };
					}
				}
			}
		};
		return { strategy, request };
	}

	test('an operation that has answered only 5xx for 10 s is not retried further; its next requests get one attempt; others are untouched', async () => {
		const { request } = await watched();
		const first = await request('DescribeConnectionType', () => serverError());
		const verdict = retryVerdictOf(first.error);
		expect(verdict).toMatchObject({ reason: 'persistent', operation: 'DescribeConnectionType' });
		expect(verdict.answers).toBeGreaterThanOrEqual(PERSISTENT_STREAK.answers);
		expect(verdict.seconds).toBeGreaterThanOrEqual(PERSISTENT_STREAK.ms / 1000);
		// Far fewer attempts than Max Attempts, far less time than Max Retry Time.
		expect(first.attempts).toBeLessThan(15);
		expect(verdict.seconds).toBeLessThan(30);
		expect(describeAwsError(first.error).message).toMatch(/Not retried further: DescribeConnectionType has answered only server errors in this execution \(\d+ in a row over \d+ s\)/);
		expect((await request('DescribeConnectionType', () => serverError())).attempts).toBe(1);
		// Another operation of the same client is retried as usual, and succeeds.
		expect(await request('GetConnection', (i) => (i < 3 ? serverError() : 'ok'))).toEqual({ answer: 'ok', attempts: 4 });
	});

	test('a success ends the streak: the operation is retried again', async () => {
		const { request } = await watched();
		await request('CreateConnection', () => serverError());
		expect((await request('CreateConnection', (i) => (i < 1 ? serverError() : 'ok'))).attempts).toBe(1);
		expect(await request('CreateConnection', () => 'ok')).toEqual({ answer: 'ok', attempts: 1 });
		expect(await request('CreateConnection', (i) => (i < 4 ? serverError() : 'ok'))).toEqual({ answer: 'ok', attempts: 5 });
	});

	test('occasional 5xx among other answers never make a streak; after a success a streak must be long', () => {
		const health = new OperationHealth();
		for (let i = 0; i < 4; i++) health.answered('CreateConnection', 'serverError');
		health.answered('CreateConnection', 'other'); // a throttle: the service answers
		for (let i = 0; i < 4; i++) health.answered('CreateConnection', 'serverError');
		Date.now = ((now) => () => now + 60000)(Date.now());
		expect(health.persistent('CreateConnection')).toBeUndefined();
		health.answered('CreateConnection', 'success');
		for (let i = 0; i < 19; i++) health.answered('CreateConnection', 'serverError');
		const later = Date.now() + 200000;
		Date.now = () => later;
		expect(health.persistent('CreateConnection')).toBeUndefined();
		health.answered('CreateConnection', 'serverError');
		expect(health.persistent('CreateConnection')).toEqual({ answers: 20, seconds: expect.any(Number) });
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
