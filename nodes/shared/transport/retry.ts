import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { fail, numberFrom } from '../validation';

/**
 * Attempts per AWS request (the first one included) unless the node's "Max Attempts" option says
 * otherwise. Under the fault mix of our fault test (about 45 % of attempts throttled, failed,
 * reset or unanswered), the chance that all of 15 attempts fail is 0.45^15 ≈ 6e-6: fewer than one
 * false failure in 100,000 requests. The SDK's back-off caps each wait at 20 s, so an item in a
 * sustained outage gives up after about 3.5 minutes at worst (Terraform's AWS provider retries 25
 * times by default; the SDK's default of 3 gives up after a second or two).
 */
export const DEFAULT_MAX_ATTEMPTS = 15;
export const MAX_ATTEMPTS_LIMIT = 50;
export const MAX_ATTEMPTS_PARAMETER = 'maxAttempts';

/**
 * The node's "Max Attempts" option. One client serves the whole execution, so the first item's
 * value counts (an expression there is resolved for item 0). The editor's list searches make 3
 * attempts, the SDK's default: a list should answer at once, not after minutes of back-off.
 */
export function maxAttemptsOption(ctx: IExecuteFunctions | ILoadOptionsFunctions): number {
	if (!('getInputData' in ctx)) return 3;
	const value = numberFrom(ctx.getNodeParameter(`options.${MAX_ATTEMPTS_PARAMETER}`, 0, DEFAULT_MAX_ATTEMPTS));
	if (!Number.isInteger(value) || value < 1 || value > MAX_ATTEMPTS_LIMIT) {
		fail('Max Attempts', `must be a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}`);
	}
	return value;
}

/** The SDK's retry module, bundled into dist/vendor like the clients and loaded on first use. */
const loadRetry = async () => await import('@smithy/core/retry');

/**
 * The SDK's adaptive retry mode (exponential back-off with jitter, and a client-side CUBIC rate
 * limiter that slows every request of the execution down after throttling), with one change: the
 * SDK's retry quota (500 tokens per client, 5 per throttled and 14 per failed attempt, refunded
 * only on success) is kept per request instead of per client. One client serves a whole execution,
 * and under sustained throttling the shared quota runs dry after about 150 items: from then on every
 * fault fails at its first attempt (measured through the fault proxy). Each request stays bounded
 * by Max Attempts, and the rate limiter is still shared by all requests of the execution.
 */
export async function adaptiveRetryStrategy(maxAttempts: number): Promise<RetryStrategyV2 & { mode: string }> {
	const { AdaptiveRetryStrategy, DefaultRateLimiter } = await loadRetry();
	const rateLimiter = new DefaultRateLimiter();
	const strategyOf = new WeakMap<RetryToken, RetryStrategyV2>();
	const remember = (token: RetryToken, strategy: RetryStrategyV2) => {
		strategyOf.set(token, strategy);
		return token;
	};
	return {
		mode: 'adaptive',
		async acquireInitialRetryToken(scope: string) {
			const strategy = new AdaptiveRetryStrategy(maxAttempts, { rateLimiter });
			return remember(await strategy.acquireInitialRetryToken(scope), strategy);
		},
		async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo) {
			const strategy = strategyOf.get(token);
			if (!strategy) throw new Error('No retry token available');
			return remember(await strategy.refreshRetryTokenForRetry(token, errorInfo), strategy);
		},
		recordSuccess(token: RetryToken) {
			strategyOf.get(token)?.recordSuccess(token);
		},
	};
}
