import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryBackoffStrategy } from '@smithy/types';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { fail, numberFrom } from '../validation';

/**
 * Attempts per AWS request (the first one included) unless the node's "Max Attempts" option says
 * otherwise. Under the fault mix of our fault test (about 45 % of attempts throttled, failed,
 * reset or unanswered), the chance that all of 15 attempts fail is 0.45^15 ≈ 6e-6: fewer than one
 * false failure in 100,000 requests. Max Retry Time bounds the same retries in time.
 */
export const DEFAULT_MAX_ATTEMPTS = 15;
export const MAX_ATTEMPTS_LIMIT = 50;
export const MAX_ATTEMPTS_PARAMETER = 'maxAttempts';

/**
 * Seconds after a request's first attempt during which it may still be retried ("Max Retry Time").
 * The SDK's back-off caps each wait at 20 s, so 15 attempts at a failure that does not go away
 * (a 5xx on every attempt) take about 80 s; with a minute a person in the editor sees the error in
 * time. The price, from the SDK's back-off formula under the fault mix above (30 % of attempts
 * throttled, which waits from 1 s up): about 1 request in 9,000 runs out of time before it runs
 * out of attempts (1 in 110,000 with two minutes); bulk runs against a throttling account raise it.
 */
export const DEFAULT_MAX_RETRY_TIME = 60;
export const MAX_RETRY_TIME_LIMIT = 3600;
export const MAX_RETRY_TIME_PARAMETER = 'maxRetryTime';

/**
 * Seconds one attempt may wait for AWS's answer ("Request Timeout"); then it is given up and, within
 * Max Attempts and Max Retry Time, sent again (a write whose answer was lost is read back, see
 * retriedWrite.ts). Without it an answer that never comes holds the item until the SDK's socket
 * timeout: 15 minutes for Glue, 5 for the others. Glue's and EventBridge's control-plane calls
 * answer in well under a second; 20 s leaves a stalled attempt two more within the default minute.
 * Glue's Test Connection, which AWS runs against the data store, waits at least
 * TEST_CONNECTION_TIMEOUT.
 */
export const DEFAULT_REQUEST_TIMEOUT = 20;
export const REQUEST_TIMEOUT_LIMIT = 3600;
export const REQUEST_TIMEOUT_PARAMETER = 'requestTimeout';
export const TEST_CONNECTION_TIMEOUT = 900;

/** The editor's list searches and credential test: they should answer at once, not after minutes of back-off. */
export const EDITOR_ATTEMPTS = 3;
export const EDITOR_RETRY_TIME = 10;
export const EDITOR_REQUEST_TIMEOUT = 5;

/** A whole-number option read once per execution (one client serves it), from the first item. */
function executionOption(ctx: IExecuteFunctions, name: string, label: string, fallback: number, limit: number): number {
	const value = numberFrom(ctx.getNodeParameter(`options.${name}`, 0, fallback));
	if (!Number.isInteger(value) || value < 1 || value > limit) fail(label, `must be a whole number from 1 to ${limit}`);
	return value;
}

/** The node's "Max Attempts" option; an expression there is resolved for item 0. */
export function maxAttemptsOption(ctx: IExecuteFunctions | ILoadOptionsFunctions): number {
	if (!('getInputData' in ctx)) return EDITOR_ATTEMPTS;
	return executionOption(ctx, MAX_ATTEMPTS_PARAMETER, 'Max Attempts', DEFAULT_MAX_ATTEMPTS, MAX_ATTEMPTS_LIMIT);
}

/** The node's "Max Retry Time" option, in milliseconds. */
export function maxRetryTimeOption(ctx: IExecuteFunctions | ILoadOptionsFunctions): number {
	if (!('getInputData' in ctx)) return EDITOR_RETRY_TIME * 1000;
	return executionOption(ctx, MAX_RETRY_TIME_PARAMETER, 'Max Retry Time', DEFAULT_MAX_RETRY_TIME, MAX_RETRY_TIME_LIMIT) * 1000;
}

/** The node's "Request Timeout" option, in milliseconds. */
export function requestTimeoutOption(ctx: IExecuteFunctions | ILoadOptionsFunctions): number {
	if (!('getInputData' in ctx)) return EDITOR_REQUEST_TIMEOUT * 1000;
	return executionOption(ctx, REQUEST_TIMEOUT_PARAMETER, 'Request Timeout', DEFAULT_REQUEST_TIMEOUT, REQUEST_TIMEOUT_LIMIT) * 1000;
}

/**
 * Whether an AWS answer says the action does not exist on that endpoint: HTTP 501 (LocalStack), or
 * an error that says so (an emulator's "The X action has not been implemented"). Asking again cannot
 * change it. The SDK already gives up on a 501 (a 5xx it does not count as transient), but retries
 * a 500 whatever its message says.
 */
export function isNotImplemented(error: unknown): boolean {
	const { name, message, $metadata } = (error ?? {}) as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown } };
	if ($metadata?.httpStatusCode === 501) return true;
	if (typeof name === 'string' && /^NotImplemented/.test(name)) return true;
	return typeof message === 'string' && /\bnot (?:been |yet )?implemented\b/i.test(message);
}

/** The SDK's retry module, bundled into dist/vendor like the clients and loaded on first use. */
const loadRetry = async () => await import('@smithy/core/retry');

/**
 * The SDK's exponential back-off with full jitter (a random wait up to base × 2^retries, at most
 * 20 s), cut short so that no wait ends after the request's deadline.
 */
class BackoffUntil implements StandardRetryBackoffStrategy {
	constructor(
		private readonly deadline: number,
		private readonly maximumDelay: number,
		private base: number,
	) {}

	computeNextBackoffDelay(retries: number): number {
		const delay = Math.floor(Math.random() * Math.min(this.base * 2 ** retries, this.maximumDelay));
		return Math.max(0, Math.min(delay, this.deadline - Date.now()));
	}

	setDelayBase(delay: number): void {
		this.base = delay;
	}
}

const REQUEST = Symbol('request');

/** One request's own retry state: its deadline, and its strategy from its first retry on. */
interface RequestState {
	strategy?: RetryStrategyV2;
	deadline: number;
}
type StatefulToken = RetryToken & { [REQUEST]?: RequestState };

/**
 * The SDK's adaptive retry mode (exponential back-off with jitter, and a client-side CUBIC rate
 * limiter that slows every request of the execution down after throttling), with three changes:
 * - the SDK's retry quota (500 tokens per client, 5 per throttled and 14 per failed attempt,
 *   refunded only on success) is kept per request instead of per client. One client serves a whole
 *   execution, and under sustained throttling the shared quota runs dry after about 150 items: from
 *   then on every fault fails at its first attempt (measured through the fault proxy);
 * - a request is not retried once Max Retry Time has passed since its first attempt (and no wait
 *   runs past it): the SDK then reports the last error, as when the attempts run out;
 * - an answer that says the action is not implemented is not retried (see isNotImplemented).
 * Each request stays bounded by Max Attempts, and the rate limiter is shared by the execution.
 */
export async function adaptiveRetryStrategy(
	maxAttempts: number,
	maxRetryTimeMs: number = DEFAULT_MAX_RETRY_TIME * 1000,
): Promise<RetryStrategyV2 & { mode: string }> {
	const { AdaptiveRetryStrategy, DefaultRateLimiter, DEFAULT_RETRY_DELAY_BASE, MAXIMUM_RETRY_DELAY } = await loadRetry();
	const rateLimiter = new DefaultRateLimiter();
	// First attempts and their successes: a request's own strategy (its quota and back-off) is made
	// at its first retry only. Neither step uses the quota, so a request that succeeds at once (the
	// bulk of them) costs no strategy of its own, with the same tokens and rate limiting.
	const firstAttempts = new AdaptiveRetryStrategy(maxAttempts, { rateLimiter });
	// A request's own state rides on its token (the SDK hands the token back at each step).
	const remember = (token: RetryToken, request: RequestState) => {
		(token as StatefulToken)[REQUEST] = request;
		return token;
	};
	const requestOf = (token: RetryToken) => (token as StatefulToken)[REQUEST];
	return {
		mode: 'adaptive',
		async acquireInitialRetryToken(scope: string) {
			const deadline = Date.now() + maxRetryTimeMs;
			return remember(await firstAttempts.acquireInitialRetryToken(scope), { deadline });
		},
		async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo) {
			const request = requestOf(token);
			// A refusal makes the SDK report the error of the last attempt.
			if (!request || isNotImplemented(errorInfo.error) || Date.now() >= request.deadline) throw new Error('No retry token available');
			const backoff = () => new BackoffUntil(request.deadline, MAXIMUM_RETRY_DELAY, DEFAULT_RETRY_DELAY_BASE);
			request.strategy ??= new AdaptiveRetryStrategy(maxAttempts, { rateLimiter, backoff: backoff() });
			return remember(await request.strategy.refreshRetryTokenForRetry(token, errorInfo), request);
		},
		recordSuccess(token: RetryToken) {
			const request = requestOf(token);
			(request?.strategy ?? firstAttempts).recordSuccess(token);
		},
	};
}
