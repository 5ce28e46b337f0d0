/**
 * Writes that are safe to retry. The SDK retries a write whose attempt was throttled, failed, reset
 * or left unanswered; when an unanswered attempt had in fact taken effect, the next attempt meets
 * its effect: Create answers "already exists", Delete "not found". Reporting that would be a false
 * failure for a write that worked. So when AWS gives such an answer after the SDK made more than one
 * attempt, the node reads the resource back and, when it is what this write asked for, reports what
 * the first attempt would have reported. The same answer to a first attempt is a genuine conflict
 * (or a genuinely missing resource) and stays an error, as does a read-back that does not match.
 */
export interface WriteRecovery<Result> {
	/** AWS error names that an earlier, lost attempt of this write causes on a later one. */
	echoes: readonly string[];
	/** Reads the resource back: the first attempt's result when it matches what was sent, else undefined. */
	readBack(): Promise<Result | undefined>;
}

/** How many attempts the SDK made before it gave up with this error (1 when it does not say). */
export function attemptsMade(error: unknown): number {
	const attempts = (error as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata?.attempts;
	return typeof attempts === 'number' && attempts > 0 ? attempts : 1;
}

/** Whether the error may be the echo of an earlier attempt of the same write that took effect. */
export function mayEchoEarlierAttempt(error: unknown, echoes: readonly string[]): boolean {
	const name = (error as { name?: unknown } | undefined)?.name;
	return typeof name === 'string' && echoes.includes(name) && attemptsMade(error) > 1;
}

/** Sends the write; turns the echo of its own lost attempt into the success it was. */
export async function writeSafely<Result>(write: () => Promise<Result>, recovery: WriteRecovery<Result>): Promise<Result> {
	// The router turns whatever is rejected here into a NodeApiError naming the item.
	try {
		return await write();
	} catch (error) {
		if (!mayEchoEarlierAttempt(error, recovery.echoes)) return await Promise.reject(error);
		// A read-back that fails too leaves AWS's answer to the write as the error to report.
		const confirmed = await recovery.readBack().catch(() => undefined);
		return confirmed === undefined ? await Promise.reject(error) : confirmed;
	}
}
