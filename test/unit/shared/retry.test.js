// The retry strategy both nodes use (the SDK's adaptive mode, retry quota per request) and the
// recovery of writes whose retried attempt meets the effect of an earlier, lost one.
const { adaptiveRetryStrategy } = require('../../../nodes/shared/transport/retry');
const { writeSafely, mayEchoEarlierAttempt } = require('../../../nodes/shared/retriedWrite');
const { compressTime } = require('../../support/fastClock');

const transient = { errorType: 'TRANSIENT', error: Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }) };
const throttled = { errorType: 'THROTTLING', error: Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }) };

describe('adaptive retry strategy', () => {
	let restore;
	beforeEach(() => (restore = compressTime(1000))); // the SDK's real back-off, 1,000 times faster
	afterEach(() => restore());

	test('allows exactly maxAttempts - 1 retries of one request, then refuses', async () => {
		const strategy = await adaptiveRetryStrategy(4);
		let token = await strategy.acquireInitialRetryToken('');
		for (let retry = 1; retry <= 3; retry++) {
			token = await strategy.refreshRetryTokenForRetry(token, throttled);
			expect(token.getRetryCount()).toBe(retry);
		}
		await expect(strategy.refreshRetryTokenForRetry(token, throttled)).rejects.toThrow(/No retry token available/);
	});

	test('does not retry client errors', async () => {
		const strategy = await adaptiveRetryStrategy(5);
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
		expect(await run(await adaptiveRetryStrategy(10))).toBe(0);
		// The same sequence with the SDK's own per-client quota: refused after about 18 requests.
		expect(await run(new AdaptiveRetryStrategy(10, {}))).toBeGreaterThan(30);
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
