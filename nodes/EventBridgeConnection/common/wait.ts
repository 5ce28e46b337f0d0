import type { DescribeConnectionResponse } from '@aws-sdk/client-eventbridge';

/** States AWS passes through on its own; any other state is settled. */
export const TRANSITIONAL_STATES = ['CREATING', 'UPDATING', 'AUTHORIZING', 'DEAUTHORIZING'];

export interface WaitSettings {
	timeoutMs: number;
	intervalMs: number;
	/** Injected so tests run without real time passing. */
	sleep: (ms: number) => Promise<void>;
	now: () => number;
}

/** The connection failed or did not settle in time; carries the last state and AWS's reason. */
export class StateProblem extends Error {
	constructor(
		readonly kind: 'failed' | 'timeout',
		readonly state: string,
		readonly stateReason: string | undefined,
		message: string,
	) {
		super(message);
		this.name = 'StateProblem';
	}
}

/**
 * Polls until the connection leaves the transitional states. FAILED_CONNECTIVITY, or still being in
 * a transitional state when the time is up, is a StateProblem that names the state and its reason.
 */
export async function waitForSettledState(
	name: string,
	describe: () => Promise<DescribeConnectionResponse>,
	settings: WaitSettings,
): Promise<DescribeConnectionResponse> {
	const deadline = settings.now() + settings.timeoutMs;
	for (;;) {
		const connection = await describe();
		const state = String(connection.ConnectionState ?? '');
		const reason = connection.StateReason;
		const because = reason ? `: ${reason}` : '';
		if (state === 'FAILED_CONNECTIVITY') {
			throw new StateProblem('failed', state, reason, `Connection "${name}" is in state FAILED_CONNECTIVITY${because}`);
		}
		if (!TRANSITIONAL_STATES.includes(state)) return connection;
		if (settings.now() + settings.intervalMs > deadline) {
			throw new StateProblem(
				'timeout',
				state,
				reason,
				`Connection "${name}" did not settle within ${Math.round(settings.timeoutMs / 1000)} s; it is still ${state}${because}`,
			);
		}
		await settings.sleep(settings.intervalMs);
	}
}
