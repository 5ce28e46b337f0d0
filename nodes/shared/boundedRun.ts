/** How many items an execution may have in flight: the Concurrency option's bounds. */
export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 50;

/**
 * How far past a blocked item (one whose connection is busy) the scheduler looks for work. Keeps
 * a long run of items on one connection from making every scheduling step walk the whole input.
 */
const MAX_BLOCKED = 1000;

export interface BoundedRun<T> {
	/** How many tasks (items), run in index order as far as limit and keys allow. */
	count: number;
	/** At most this many tasks run at once. */
	limit: number;
	/** Tasks that share a key never run at once (e.g. two items naming one connection). Not asked when limit is 1. */
	keysOf(index: number): string[];
	run(index: number): Promise<T>;
}

/**
 * Runs tasks with at most `limit` in flight and results in index order. After a failure nothing
 * new starts; what is in flight is awaited, then the failure of the lowest index is thrown.
 */
export async function runBounded<T>({ count, limit, keysOf, run }: BoundedRun<T>): Promise<T[]> {
	const results = new Array<T>(count);
	const busyKeys = new Set<string>();
	const keysOfBlocked = new Map<number, string[]>();
	let blocked: number[] = [];
	let next = 0;
	let inFlight = 0;
	let failure: { index: number; error: unknown } | undefined;

	// The helpers are made once per run, not once per item: with limit 1, schedule runs per item.
	let reserved = new Set<string>();
	let stillBlocked: number[] = [];
	const isFree = (keys: string[]) => !keys.some((key) => busyKeys.has(key) || reserved.has(key));
	const holdBack = (index: number, keys: string[]) => {
		for (const key of keys) reserved.add(key);
		keysOfBlocked.set(index, keys);
		stillBlocked.push(index);
	};

	return await new Promise<T[]>((resolve, reject) => {
		const runOne = async (index: number, keys: string[]) => {
			try {
				// A microtask first, as Promise.resolve().then(run): a task never starts inside schedule().
				await undefined;
				results[index] = await run(index);
			} catch (error) {
				if (!failure || index < failure.index) failure = { index, error };
			} finally {
				inFlight--;
				for (const key of keys) busyKeys.delete(key);
				schedule();
			}
		};
		const start = (index: number, keys: string[]) => {
			for (const key of keys) busyKeys.add(key);
			inFlight++;
			void runOne(index, keys);
		};
		const schedule = () => {
			// Keys of items held back: a later item naming one of them waits too, so two items on
			// one connection always run in input order.
			reserved = new Set<string>();
			// Items held back earlier come first: they precede everything not yet looked at.
			stillBlocked = [];
			for (const index of blocked) {
				const keys = keysOfBlocked.get(index) ?? [];
				if (!failure && inFlight < limit && isFree(keys)) {
					keysOfBlocked.delete(index);
					start(index, keys);
				} else {
					holdBack(index, keys);
				}
			}
			blocked = stillBlocked;
			while (!failure && inFlight < limit && next < count && blocked.length < MAX_BLOCKED) {
				const index = next++;
				const keys = limit > 1 ? keysOf(index) : [];
				if (isFree(keys)) start(index, keys);
				else holdBack(index, keys);
			}
			if (inFlight > 0) return;
			if (failure) reject(failure.error);
			else if (next >= count && blocked.length === 0) resolve(results);
		};
		schedule();
	});
}
