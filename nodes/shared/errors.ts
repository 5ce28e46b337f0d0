import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { maskFormSecrets } from './secretModel';
import { type RetryVerdict, retryVerdictOf } from './transport/retry';

/** What we keep of an AWS SDK (or network) failure. */
export interface AwsErrorSummary {
	code: string;
	message: string;
	requestId?: string;
	httpStatusCode?: number;
}

const REDACTED = '[redacted]';

/** Replaces every secret value that occurs in the text. */
export function redact(text: string, secrets: readonly string[] = []): string {
	return secrets
		.filter((secret) => secret.length >= 4)
		.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

export function describeAwsError(error: unknown, secrets: readonly string[] = []): AwsErrorSummary {
	const err = (error ?? {}) as {
		name?: string;
		Code?: string;
		message?: string;
		$metadata?: { requestId?: string; httpStatusCode?: number; attempts?: number };
		$response?: { statusCode?: number };
	};
	let code = err.Code ?? err.name ?? 'UnknownError';
	let message = typeof err.message === 'string' && err.message ? err.message : String(error);
	const httpStatusCode = err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
	// The SDK reports a non-AWS body (an HTML error page from a proxy or an emulator) as a parse failure.
	if (code === 'SyntaxError' || /Deserialization error/i.test(message)) {
		code = 'UnexpectedResponse';
		message = `The endpoint answered with something that is not an AWS response${httpStatusCode ? ` (HTTP ${httpStatusCode})` : ''}; the operation may not be supported there`;
	}
	const verdict = retryVerdictOf(error);
	// An attempt AWS did not answer in time: the SDK's words name its HTTP module, ours the option.
	if (code === 'TimeoutError') {
		const ms = /(\d+) ?ms\b/.exec(message)?.[1];
		const attempts = err.$metadata?.attempts;
		message =
			`${/establish a connection/i.test(message) ? 'Could not connect to' : 'No answer from'} the AWS endpoint` +
			`${ms ? ` within ${Number(ms) / 1000} s` : ''} (Request Timeout)` +
			`${!verdict && attempts && attempts > 1 ? ` on any of ${attempts} attempts` : ''}`;
	}
	if (verdict) message = `${message}. ${retryVerdictText(verdict)}`;
	const summary: AwsErrorSummary = { code, message: redact(message, secrets) };
	if (err.$metadata?.requestId) summary.requestId = err.$metadata.requestId;
	if (httpStatusCode) summary.httpStatusCode = httpStatusCode;
	return summary;
}

/** Why the node stopped retrying, and what the user can do about it. */
export function retryVerdictText(verdict: RetryVerdict): string {
	if (verdict.reason === 'persistent') {
		return (
			`Not retried further: ${verdict.operation} has answered only server errors in this execution ` +
			`(${verdict.answers} in a row over ${verdict.seconds} s), so it is not a passing fault; check the endpoint`
		);
	}
	const spent = `Gave up after ${verdict.attempts} attempt${verdict.attempts === 1 ? '' : 's'} in ${verdict.seconds} s`;
	return verdict.reason === 'time'
		? `${spent}: Max Retry Time (${verdict.limit} s) ran out; raise Max Retry Time under Options to keep retrying longer`
		: `${spent}: Max Attempts (${verdict.limit}) ran out; raise Max Attempts under Options to keep retrying`;
}

/** AWS failures become a NodeApiError that keeps the AWS error code, message and request ID. */
export function toNodeApiError(
	node: INode,
	error: unknown,
	itemIndex: number,
	secrets: readonly string[] = [],
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const summary = describeAwsError(error, secrets);
	const details = [summary.requestId && `AWS request ID: ${summary.requestId}`]
		.filter(Boolean)
		.join('; ');
	const message = `${summary.code}: ${summary.message}`;
	const apiError = new NodeApiError(node, { ...summary } as unknown as JsonObject, {
		message,
		description: details || undefined,
		httpCode: summary.httpStatusCode ? String(summary.httpStatusCode) : undefined,
		itemIndex,
	});
	// n8n swaps a message that merely contains a Node.js error code for a generic text, and
	// "ResourceNotFoundException" contains "ENOTFOUND": keep AWS's own words.
	apiError.message = message;
	return apiError;
}

/** What a secret parameter shows in the copy of the node an error carries. */
export const MASKED = '**hidden**';

/**
 * A copy of the node whose secrets (every secret the secret model declares: password fields, secret
 * key/value rows, a described type's Secret Connection Properties) are masked. n8n stores the node
 * an error carries in the execution (resultData.error.node): errors our nodes raise carry this
 * copy, never the node itself.
 */
export function maskedNode(node: INode): INode {
	return { ...node, parameters: maskFormSecrets(node.parameters, MASKED) };
}

/** A problem with the node's input, found before anything is sent to AWS. */
export function inputError(node: INode, itemIndex: number, field: string, problem: string) {
	return new NodeOperationError(node, `${field}: ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: `Check the "${field}" field of item ${itemIndex}. Nothing was sent to AWS.`,
	});
}
