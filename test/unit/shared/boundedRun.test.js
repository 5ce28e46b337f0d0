// The scheduler behind Concurrency, without n8n: limit, order, keys, failures.
const { runBounded } = require('../../../nodes/shared/boundedRun');

/** A task runner whose tasks finish only when the test says so; records what ran when. */
function controlled() {
	const pending = new Map();
	const started = [];
	let inFlight = 0;
	let maxInFlight = 0;
	return {
		started,
		get inFlight() {
			return inFlight;
		},
		get maxInFlight() {
			return maxInFlight;
		},
		run: (index) =>
			new Promise((resolve, reject) => {
				started.push(index);
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				pending.set(index, {
					resolve: (value) => (inFlight--, resolve(value)),
					reject: (error) => (inFlight--, reject(error)),
				});
			}),
		finish(index, error) {
			const task = pending.get(index);
			pending.delete(index);
			if (error) task.reject(error);
			else task.resolve(`r${index}`);
		},
		running: () => [...pending.keys()],
	};
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('never more than the limit in flight; results in index order whatever order tasks finish in', async () => {
	const tasks = controlled();
	const done = runBounded({ count: 7, limit: 3, keysOf: () => [], run: tasks.run });
	await settle();
	expect(tasks.running()).toEqual([0, 1, 2]);
	tasks.finish(2);
	await settle();
	expect(tasks.running()).toEqual([0, 1, 3]);
	// Finish the newest first, so completion order is the reverse of index order.
	while (tasks.running().length) {
		tasks.finish(tasks.running().at(-1));
		await settle();
		expect(tasks.inFlight).toBeLessThanOrEqual(3);
	}
	expect(await done).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
	expect(tasks.maxInFlight).toBe(3);
	expect(tasks.started).toHaveLength(7);
});

test('tasks sharing a key never overlap and run in index order; others go ahead meanwhile', async () => {
	const keys = [['a'], ['a'], ['b'], ['a'], ['c']];
	const tasks = controlled();
	const done = runBounded({ count: 5, limit: 4, keysOf: (index) => keys[index], run: tasks.run });
	await settle();
	expect(tasks.running()).toEqual([0, 2, 4]);
	tasks.finish(0);
	await settle();
	expect(tasks.running()).toEqual([2, 4, 1]);
	tasks.finish(1);
	await settle();
	expect(tasks.running()).toEqual([2, 4, 3]);
	for (const index of [2, 4, 3]) tasks.finish(index);
	expect(await done).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
	expect(tasks.started).toEqual([0, 2, 4, 1, 3]);
});

test('a later task naming a key of a held-back task waits behind it (a rename holds both names)', async () => {
	// Task 1 renames x to y and waits for x; task 2 works on y and must not overtake task 1.
	const keys = [['x'], ['x', 'y'], ['y']];
	const tasks = controlled();
	const done = runBounded({ count: 3, limit: 3, keysOf: (index) => keys[index], run: tasks.run });
	await settle();
	expect(tasks.running()).toEqual([0]);
	tasks.finish(0);
	await settle();
	expect(tasks.running()).toEqual([1]);
	tasks.finish(1);
	await settle();
	tasks.finish(2);
	await done;
	expect(tasks.started).toEqual([0, 1, 2]);
});

test('keys are not asked for when one task runs at a time', async () => {
	const keysOf = jest.fn(() => ['same']);
	const results = await runBounded({ count: 3, limit: 1, keysOf, run: async (index) => index });
	expect(results).toEqual([0, 1, 2]);
	expect(keysOf).not.toHaveBeenCalled();
});

test('after a failure nothing new starts, what is in flight is awaited, and the lowest failing index wins', async () => {
	const tasks = controlled();
	let settled = false;
	const done = runBounded({ count: 10, limit: 4, keysOf: () => [], run: tasks.run }).finally(() => (settled = true));
	await settle();
	expect(tasks.running()).toEqual([0, 1, 2, 3]);
	tasks.finish(3, new Error('item 3'));
	await settle();
	// Nothing replaced the failed task, and the run waits for the three still in flight.
	expect(tasks.running()).toEqual([0, 1, 2]);
	expect(settled).toBe(false);
	tasks.finish(0);
	tasks.finish(1, new Error('item 1'));
	await settle();
	expect(settled).toBe(false);
	tasks.finish(2);
	await expect(done).rejects.toThrow('item 1');
	expect(tasks.started).toEqual([0, 1, 2, 3]);
});

test('an empty input resolves at once', async () => {
	expect(await runBounded({ count: 0, limit: 10, keysOf: () => [], run: async () => 1 })).toEqual([]);
});

test('many tasks on one key run one at a time without stalling', async () => {
	let inFlight = 0;
	let max = 0;
	const results = await runBounded({
		count: 3000,
		limit: 10,
		keysOf: (index) => [index % 2 ? 'odd' : 'even'],
		run: async (index) => {
			max = Math.max(max, ++inFlight);
			await settle();
			inFlight--;
			return index;
		},
	});
	expect(results).toHaveLength(3000);
	expect(results[2999]).toBe(2999);
	expect(max).toBe(2);
});
