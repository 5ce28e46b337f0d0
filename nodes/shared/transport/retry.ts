import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryBackoffStrategy } from '@smithy/types';
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { fail, numberFrom } from '../validation';

/**
 * Attempts per AWS request (the first one included) unless the node's "Max Attempts" option says
 * otherwise. Only faults that heal are retried (throttling, a 500/502/503/504, a reset, an attempt
 * without answer; see adaptiveRetryStrategy). Under the fault mix of our fault benchmark (46 % of
 * attempts throttled, failed, reset or unanswered) all of 20 attempts fail for 1 request in
 * 5 million (0.46^20); with 15 it was 1 in 110,000.
 */
export const DEFAULT_MAX_ATTEMPTS = 20;
export const MAX_ATTEMPTS_LIMIT = 50;
export const MAX_ATTEMPTS_PARAMETER = 'maxAttempts';

/**
 * Seconds after a request's first attempt during which a fault that heals may still be retried
 * ("Max Retry Time"); what the request waits for the execution's rate limiter does not count. The
 * SDK's back-off after throttling waits up to 1, 2, 4, 8, 16 s, then 20 s per retry: 20 attempts
 * take at most 311 s of back-off and about half that on average, so five minutes lets Max Attempts
 * decide. With one minute, 2 of 300 creates through the fault mix ran out of time (issue 21).
 * Failures that do not heal never wait for it: they are not retried, and a 5xx that persists is
 * recognised within about ten seconds (PERSISTENT_STREAK).
 */
export const DEFAULT_MAX_RETRY_TIME = 300;
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
 * An operation that answers nothing but server errors (5xx) for a while is not going to heal within
 * this execution: plain moto's HTML 500 for an action it lacks, a proxy or gateway in the way, an
 * outage. Such a streak is "persistent" once it has this many answers over this much time, the
 * operation's other requests then get no more retries, and a success ends the streak. An operation
 * that has never worked in this execution is judged sooner than one that has: under the fault mix
 * of our tests (10 % of attempts a 5xx), five 5xx in a row before any other answer come once in
 * 100,000 executions, and they must also span ten seconds while nothing else answers.
 */
export const PERSISTENT_STREAK = { answers: 5, ms: 10_000 };
export const PERSISTENT_STREAK_AFTER_SUCCESS = { answers: 20, ms: 120_000 };

/** A streak of server errors long enough to be called persistent. */
export interface PersistentStreak {
	answers: number;
	seconds: number;
}

/** What each operation of one client (one execution and service) has answered. */
export class OperationHealth {
	private readonly operations = new Map<string, { succeeded: boolean; streak: number; streakStart: number }>();

	/** An attempt's answer; an attempt that got none (reset, timeout) tells nothing and is not recorded. */
	answered(operation: string, answer: 'success' | 'serverError' | 'other'): void {
		let record = this.operations.get(operation);
		if (!record) this.operations.set(operation, (record = { succeeded: false, streak: 0, streakStart: 0 }));
		if (answer === 'serverError') {
			if (record.streak === 0) record.streakStart = Date.now();
			record.streak++;
			return;
		}
		record.streak = 0;
		if (answer === 'success') record.succeeded = true;
	}

	persistent(operation: string): PersistentStreak | undefined {
		const record = this.operations.get(operation);
		if (!record?.streak) return undefined;
		const bound = record.succeeded ? PERSISTENT_STREAK_AFTER_SUCCESS : PERSISTENT_STREAK;
		const ms = Date.now() - record.streakStart;
		if (record.streak < bound.answers || ms < bound.ms) return undefined;
		return { answers: record.streak, seconds: Math.round(ms / 1000) };
	}
}

/** The HTTP status of an attempt's answer, if one came. */
function answerStatus(error: unknown): number | undefined {
	const { $metadata, $response } = (error ?? {}) as { $metadata?: { httpStatusCode?: unknown }; $response?: { statusCode?: unknown } };
	const status = $metadata?.httpStatusCode ?? $response?.statusCode;
	return typeof status === 'number' ? status : undefined;
}

const OPERATION = Symbol('operation');
const VERDICT = Symbol('retryVerdict');

/** Why the node stopped retrying a fault that heals (throttling, 5xx, a reset or unanswered attempt). */
export type RetryVerdict =
	| { reason: 'attempts' | 'time'; attempts: number; seconds: number; limit: number }
	| ({ reason: 'persistent'; operation: string } & PersistentStreak);

/** The verdict a failed request carries, if the node gave up retrying it (see errors.ts). */
export function retryVerdictOf(error: unknown): RetryVerdict | undefined {
	return error && typeof error === 'object' ? (error as { [VERDICT]?: RetryVerdict })[VERDICT] : undefined;
}

function giveUp(error: unknown, verdict: RetryVerdict): Error {
	if (error && typeof error === 'object') (error as { [VERDICT]?: RetryVerdict })[VERDICT] = verdict;
	// The SDK then reports the error of the last attempt.
	return new Error('No retry token available');
}

/** A client's middleware stack, as far as the watch needs it. */
interface WatchedClient {
	middlewareStack: { addRelativeTo(middleware: unknown, options: Record<string, unknown>): void };
}

/**
 * The SDK's exponential back-off with full jitter (a random wait up to base × 2^retries, at most
 * 20 s), cut short so that no wait ends after the request's deadline.
 */
class BackoffUntil implements StandardRetryBackoffStrategy {
	constructor(
		private readonly request: RequestState,
		private readonly maximumDelay: number,
		private base: number,
	) {}

	computeNextBackoffDelay(retries: number): number {
		const delay = Math.floor(Math.random() * Math.min(this.base * 2 ** retries, this.maximumDelay));
		return Math.max(0, Math.min(delay, this.request.deadline - Date.now()));
	}

	setDelayBase(delay: number): void {
		this.base = delay;
	}
}

const REQUEST = Symbol('request');

/** One request's own retry state: when its first attempt went out, its deadline, its strategy from its first retry on. */
interface RequestState {
	strategy?: RetryStrategyV2;
	started: number;
	deadline: number;
}
type StatefulToken = RetryToken & { [REQUEST]?: RequestState; $retryLog?: { acquisitionDelay?: number } };

export type NodeRetryStrategy = RetryStrategyV2 & {
	mode: string;
	/** Lets the strategy see each attempt of the client's requests: what each operation answers. */
	watch(client: WatchedClient): void;
};

/**
 * The SDK's adaptive retry mode (exponential back-off with jitter, and a client-side CUBIC rate
 * limiter that slows every request of the execution down after throttling), told apart by fault:
 * - a fault that heals (throttling, a 500/502/503/504, a reset, an attempt without answer) is
 *   retried within Max Attempts and Max Retry Time. Max Retry Time counts from the request's first
 *   attempt and leaves out what the request waited for the execution's rate limiter, which spreads
 *   the execution's requests out rather than retrying this one. No back-off runs past it;
 * - a failure that will not heal is not retried: a client error (4xx: access, validation, an
 *   unknown operation; the SDK's own rule), a 501 or an answer that says "not implemented", and an
 *   operation whose 5xx have become persistent (OperationHealth);
 * - the SDK's retry quota (500 tokens per client, 5 per throttled and 14 per failed attempt,
 *   refunded only on success) is kept per request instead of per client. One client serves a whole
 *   execution, and under sustained throttling the shared quota runs dry after about 150 items: from
 *   then on every fault fails at its first attempt (measured through the fault proxy).
 * A request the node stops retrying carries a RetryVerdict, which the error message explains.
 */
export async function adaptiveRetryStrategy(
	maxAttempts: number,
	maxRetryTimeMs: number = DEFAULT_MAX_RETRY_TIME * 1000,
): Promise<NodeRetryStrategy> {
	const { AdaptiveRetryStrategy, DefaultRateLimiter, DEFAULT_RETRY_DELAY_BASE, MAXIMUM_RETRY_DELAY } = await loadRetry();
	const rateLimiter = new DefaultRateLimiter();
	const health = new OperationHealth();
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
			const token = await firstAttempts.acquireInitialRetryToken(scope);
			// Set after the rate limiter let the first attempt go.
			const started = Date.now();
			return remember(token, { started, deadline: started + maxRetryTimeMs });
		},
		async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo) {
			const request = requestOf(token);
			const { error, errorType } = errorInfo;
			const heals = errorType === 'THROTTLING' || errorType === 'TRANSIENT';
			if (!request || !heals || isNotImplemented(error)) throw new Error('No retry token available');
			const attempts = token.getRetryCount() + 1;
			const seconds = Math.round((Date.now() - request.started) / 1000);
			const operation = (error as { [OPERATION]?: string } | undefined)?.[OPERATION];
			const streak = operation === undefined ? undefined : health.persistent(operation);
			if (streak) throw giveUp(error, { reason: 'persistent', operation: operation as string, ...streak });
			if (Date.now() >= request.deadline) throw giveUp(error, { reason: 'time', attempts, seconds, limit: Math.round(maxRetryTimeMs / 1000) });
			if (attempts >= maxAttempts) throw giveUp(error, { reason: 'attempts', attempts, seconds, limit: maxAttempts });
			const backoff = () => new BackoffUntil(request, MAXIMUM_RETRY_DELAY, DEFAULT_RETRY_DELAY_BASE);
			request.strategy ??= new AdaptiveRetryStrategy(maxAttempts, { rateLimiter, backoff: backoff() });
			const asked = Date.now();
			const next = (await request.strategy.refreshRetryTokenForRetry(token, errorInfo)) as StatefulToken;
			// What the refresh waited beyond its back-off was the rate limiter's: not retry time.
			request.deadline += Math.max(0, Date.now() - asked - (next.$retryLog?.acquisitionDelay ?? 0));
			return remember(next, request);
		},
		recordSuccess(token: RetryToken) {
			const request = requestOf(token);
			(request?.strategy ?? firstAttempts).recordSuccess(token);
		},
		watch(client: WatchedClient) {
			// Inside the SDK's retry loop: runs once per attempt.
			const watchAttempt = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
				const operation = (context.commandName ?? 'Request').replace(/Command$/, '');
				const failed = async (error: unknown) => {
					const status = answerStatus(error);
					if (status !== undefined) health.answered(operation, status >= 500 && errorIsNotThrottling(error) ? 'serverError' : 'other');
					if (error && typeof error === 'object') (error as { [OPERATION]?: string })[OPERATION] = operation;
					// Passed on untouched to the SDK's retry loop.
					return await Promise.reject(error);
				};
				const answer = await next(args).catch(failed);
				health.answered(operation, 'success');
				return answer;
			};
			client.middlewareStack.addRelativeTo(watchAttempt, {
				relation: 'after',
				toMiddleware: 'retryMiddleware',
				name: 'awsConnectionsAttemptWatch',
				override: true,
			});
		},
	};
}

/** A 503 SlowDown or a 5xx that names throttling is throttling, not a server that fails. */
function errorIsNotThrottling(error: unknown): boolean {
	const name = (error as { name?: unknown } | undefined)?.name;
	return !(typeof name === 'string' && /Throttl|SlowDown|TooManyRequests|RequestLimitExceeded/i.test(name));
}
