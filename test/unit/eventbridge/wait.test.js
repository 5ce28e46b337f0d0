// The poll loop with an injected clock and sleep: no real time passes.
const { waitForSettledState, StateProblem } = require('../../../nodes/EventBridgeConnection/common/wait');

function fakeTime() {
	let now = 0;
	const sleeps = [];
	return { sleeps, now: () => now, sleep: async (ms) => (sleeps.push(ms), (now += ms)) };
}
const sequence = (...states) => {
	const calls = [];
	const describe = async () => {
		calls.push(states.length);
		const [ConnectionState, StateReason] = states.length > 1 ? states.shift() : states[0];
		return { Name: 'c', ConnectionState, StateReason };
	};
	return { describe, calls };
};

test('returns at once when the state is already settled', async () => {
	const time = fakeTime();
	const { describe, calls } = sequence(['AUTHORIZED']);
	const result = await waitForSettledState('c', describe, { timeoutMs: 1000, intervalMs: 100, ...time });
	expect(result.ConnectionState).toBe('AUTHORIZED');
	expect(calls).toHaveLength(1);
	expect(time.sleeps).toEqual([]);
});

test.each(['CREATING', 'UPDATING', 'AUTHORIZING', 'DEAUTHORIZING'])('keeps polling through %s', async (state) => {
	const time = fakeTime();
	const { describe, calls } = sequence([state], [state], ['DEAUTHORIZED']);
	const result = await waitForSettledState('c', describe, { timeoutMs: 1000, intervalMs: 100, ...time });
	expect(result.ConnectionState).toBe('DEAUTHORIZED');
	expect(calls).toHaveLength(3);
	expect(time.sleeps).toEqual([100, 100]);
});

test('FAILED_CONNECTIVITY is a StateProblem carrying the reason', async () => {
	const time = fakeTime();
	const { describe } = sequence(['CREATING'], ['FAILED_CONNECTIVITY', 'DNS failure']);
	const error = await waitForSettledState('c', describe, { timeoutMs: 1000, intervalMs: 100, ...time }).catch((e) => e);
	expect(error).toBeInstanceOf(StateProblem);
	expect(error).toMatchObject({ kind: 'failed', state: 'FAILED_CONNECTIVITY', stateReason: 'DNS failure' });
	expect(error.message).toBe('Connection "c" is in state FAILED_CONNECTIVITY: DNS failure');
});

test('the timeout is a StateProblem with the last state, and never sleeps past the deadline', async () => {
	const time = fakeTime();
	const { describe, calls } = sequence(['UPDATING', 'waiting for token']);
	const error = await waitForSettledState('c', describe, { timeoutMs: 1000, intervalMs: 300, ...time }).catch((e) => e);
	expect(error).toMatchObject({ kind: 'timeout', state: 'UPDATING', stateReason: 'waiting for token' });
	expect(error.message).toBe('Connection "c" did not settle within 1 s; it is still UPDATING: waiting for token');
	expect(time.sleeps).toEqual([300, 300, 300]);
	expect(calls).toHaveLength(4);
});

test('AWS errors while polling are passed on unchanged', async () => {
	const time = fakeTime();
	const boom = Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' });
	const error = await waitForSettledState('c', async () => { throw boom; }, { timeoutMs: 1000, intervalMs: 100, ...time }).catch((e) => e);
	expect(error).toBe(boom);
});
