// Reconcile's pure planning core: actions, duplicates and scope, fingerprint approval.
const {
	approvedWrites,
	checkDesiredSet,
	countActions,
	fingerprintOf,
	planReconcile,
	unapprovedWrites,
	SetProblem,
} = require('../../../nodes/shared/reconcile');
const { InputProblem } = require('../../../nodes/shared/validation');

const desired = (name, itemIndex, value, carriesSecrets = false) => ({ name, itemIndex, request: { value }, publicView: { value }, carriesSecrets });
const existing = (name, value) => ({ name, current: { value }, stateView: { value } });
const differences = (wanted, have) => (wanted.request.value === have.current.value ? [] : ['value']);
const plan = (wanted, have, options = {}) =>
	planReconcile({ scopeKey: 'glue|cat|app-', desired: wanted, existing: have, removeExtras: false, rewriteSecrets: false, differences, ...options });

test('every connection in the set or the scope gets one entry: create, update, unchanged, keep', () => {
	const entries = plan([desired('app-b', 0, 1), desired('app-a', 1, 2), desired('app-new', 2, 3)], [existing('app-a', 2), existing('app-b', 9), existing('app-z', 0), existing('app-y', 0)]);
	expect(entries.map(({ name, action, differences: paths }) => [name, action, paths])).toEqual([
		['app-b', 'update', ['value']],
		['app-a', 'unchanged', []],
		['app-new', 'create', []],
		['app-y', 'keep', []],
		['app-z', 'keep', []],
	]);
	expect(countActions(entries)).toEqual({ create: 1, update: 1, delete: 0, unchanged: 1, keep: 2 });
	expect(entries.filter((entry) => entry.writeId).map((entry) => entry.name)).toEqual(['app-b', 'app-new']);
});

test('Remove Extras turns keep into delete; Rewrite Secrets updates only those that carry secrets', () => {
	const entries = plan([desired('app-a', 0, 1, true), desired('app-b', 1, 1)], [existing('app-a', 1), existing('app-b', 1), existing('app-x', 1)], { removeExtras: true, rewriteSecrets: true });
	expect(entries.map((entry) => [entry.name, entry.action, entry.differences])).toEqual([
		['app-a', 'update', ['(secrets)']],
		['app-b', 'unchanged', []],
		['app-x', 'delete', []],
	]);
});

test('two items naming one connection are an error naming both items; a name outside the scope too', () => {
	expect(() => checkDesiredSet([{ name: 'app-a', itemIndex: 0 }, { name: 'app-b', itemIndex: 1 }], 'app-')).not.toThrow();
	let error;
	try {
		checkDesiredSet([{ name: 'app-a', itemIndex: 0 }, { name: 'app-b', itemIndex: 1 }, { name: 'app-a', itemIndex: 4 }], 'app-');
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(SetProblem);
	expect(error.message).toMatch(/"app-a" twice: items 0 and 4/);
	expect(error.itemIndex).toBe(4);
	expect(() => checkDesiredSet([{ name: 'other-a', itemIndex: 0 }], 'app-')).toThrow(/outside the scope/);
});

describe('fingerprint', () => {
	const before = [existing('app-a', 1), existing('app-b', 1), existing('app-c', 1), existing('app-x', 1)];
	const wanted = [desired('app-a', 0, 2), desired('app-b', 1, 2), desired('app-c', 2, 1), desired('app-n', 3, 5)];
	const approvedPlan = plan(wanted, before, { removeExtras: true });
	const fingerprint = fingerprintOf(approvedPlan);
	const approved = approvedWrites(fingerprint, 'Expected Plan Fingerprint');

	test('lists one hash per write, sorted; equal plans give equal fingerprints', () => {
		expect(fingerprint).toMatch(/^rc1:([A-Za-z0-9_-]{11}\.){3}[A-Za-z0-9_-]{11}$/);
		expect(fingerprintOf(plan(wanted, [...before].reverse(), { removeExtras: true }))).toBe(fingerprint);
		expect(unapprovedWrites(approvedPlan, approved)).toEqual([]);
	});

	test('an apply interrupted half-way, run again, still passes: what is left is what was approved', () => {
		const halfDone = [existing('app-a', 2), existing('app-b', 1), existing('app-c', 1), existing('app-n', 5), existing('app-x', 1)];
		const again = plan(wanted, halfDone, { removeExtras: true });
		expect(again.filter((entry) => entry.writeId).map((entry) => entry.name)).toEqual(['app-b', 'app-x']);
		expect(unapprovedWrites(again, approved)).toEqual([]);
	});

	test.each([
		['someone changed a connection the plan updates', [existing('app-a', 7), ...before.slice(1)]],
		['someone changed a connection the plan left unchanged', [...before.slice(0, 2), existing('app-c', 8), before[3]]],
		['someone deleted a connection the plan left unchanged', [...before.slice(0, 2), before[3]]],
		['someone created an extra in the scope', [...before, existing('app-w', 1)]],
		['someone created a connection the plan creates, differently', [...before, existing('app-n', 6)]],
		['someone changed an extra the plan deletes', [...before.slice(0, 3), existing('app-x', 2)]],
	])('%s: the apply is refused', (_, now) => {
		expect(unapprovedWrites(plan(wanted, now, { removeExtras: true }), approved).length).toBeGreaterThan(0);
	});

	test('a changed desired set or another option is refused too', () => {
		expect(unapprovedWrites(plan([...wanted.slice(0, 3), desired('app-n', 3, 6)], before, { removeExtras: true }), approved)).toHaveLength(1);
		expect(unapprovedWrites(plan(wanted, before, { removeExtras: true, scopeKey: 'glue|other|app-' }), approved)).toHaveLength(4);
	});

	test('a fingerprint that was cut or is not one is an input problem', () => {
		expect(() => approvedWrites('abc', 'Expected Plan Fingerprint')).toThrow(InputProblem);
		expect(() => approvedWrites(fingerprint.slice(0, -3), 'Expected Plan Fingerprint')).toThrow(/cut or changed/);
		expect(approvedWrites('rc1:', 'F').size).toBe(0);
	});
});
