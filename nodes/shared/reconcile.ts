/**
 * Reconcile's planning core, pure and shared by both nodes: the desired set (all input items of an
 * execution) against the connections AWS has in the scope (a name prefix), into one plan entry per
 * connection in either. Each node supplies only how to compare one desired connection with one
 * existing connection and the views to hash.
 *
 * The plan fingerprint approves writes, not a snapshot: it lists each planned write as a short hash
 * of (scope, name, action, the AWS state the plan saw for that connection, the non-secret payload).
 * An apply given a fingerprint recomputes its writes and refuses when any of them is not in the
 * list. So an apply interrupted half-way passes when run again (what it already wrote now needs no
 * write, the rest are still the approved writes), while a connection that someone else changed,
 * created or deleted in a way that changes a write (or adds one) stops it before anything is sent.
 */
import { createHash } from 'node:crypto';

import { fail, SetProblem } from './validation';

export { SetProblem };

export type ReconcileAction = 'create' | 'update' | 'delete' | 'unchanged' | 'keep';
export const WRITE_ACTIONS: readonly ReconcileAction[] = ['create', 'update', 'delete'];
export const FINGERPRINT_PREFIX = 'rc1:';
/** The difference reported when only secrets are written (Rewrite Secrets). */
export const SECRETS_ONLY = '(secrets)';

/** One desired connection, read from one input item. */
export interface DesiredConnection<Request> {
	name: string;
	itemIndex: number;
	/** The request with every secret's place held by a stand-in (the values are read only to write). */
	request: Request;
	/** The request without any secret value: what the plan hashes. */
	publicView: unknown;
	carriesSecrets: boolean;
}

/** One connection AWS has in the scope. */
export interface ExistingConnection<Current> {
	name: string;
	current: Current;
	/** AWS's state of it without secrets (what the plan saw), for the fingerprint. */
	stateView: unknown;
}

export interface PlanEntry<Request, Current> {
	name: string;
	action: ReconcileAction;
	/** Paths whose non-secret values differ (update), or that the new connection sets (create). */
	differences: string[];
	desired?: DesiredConnection<Request>;
	existing?: ExistingConnection<Current>;
	/** For a write: its hash, as the fingerprint lists it. */
	writeId?: string;
}

/** Canonical JSON: keys sorted, undefined left out, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((member) => canonicalJson(member ?? null)).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, member]) => member !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** A short hash of a value (12 hex characters): in plan output, never of a secret. */
export function shortHash(value: unknown): string {
	return digest(canonicalJson(value)).subarray(0, 6).toString('hex');
}

/** The hash of one write: 8 bytes of SHA-256, base64url (11 characters). */
export function writeIdOf(scopeKey: string, name: string, action: ReconcileAction, stateView: unknown, payloadView: unknown): string {
	return digest(canonicalJson([scopeKey, name, action, stateView ?? null, payloadView ?? null]))
		.subarray(0, 8)
		.toString('base64url');
}

/** Desired connections named twice, and names outside the scope: the set's own problems. */
export function checkDesiredSet(desired: ReadonlyArray<{ name: string; itemIndex: number }>, prefix: string): void {
	const firstItem = new Map<string, number>();
	for (const { name, itemIndex } of desired) {
		if (!name.startsWith(prefix)) {
			throw Object.assign(new SetProblem(`The connection "${name}" is outside the scope: its name does not start with "${prefix}"`), { itemIndex });
		}
		const first = firstItem.get(name);
		if (first !== undefined) {
			throw Object.assign(
				new SetProblem(`The desired set names "${name}" twice: items ${first} and ${itemIndex}. Nothing was written.`),
				{ itemIndex },
			);
		}
		firstItem.set(name, itemIndex);
	}
}

export interface PlanInput<Request, Current> {
	scopeKey: string;
	desired: ReadonlyArray<DesiredConnection<Request>>;
	existing: ReadonlyArray<ExistingConnection<Current>>;
	removeExtras: boolean;
	rewriteSecrets: boolean;
	/** The non-secret paths where the existing connection differs from the desired one. */
	differences: (desired: DesiredConnection<Request>, existing: ExistingConnection<Current>) => string[];
}

/**
 * Pure: one entry per connection in the desired set or the scope, desired ones in input order,
 * then the extras by name. Assumes checkDesiredSet passed.
 */
export function planReconcile<Request, Current>(input: PlanInput<Request, Current>): Array<PlanEntry<Request, Current>> {
	const existingByName = new Map(input.existing.map((connection) => [connection.name, connection]));
	const entries: Array<PlanEntry<Request, Current>> = [];
	for (const desired of input.desired) {
		const existing = existingByName.get(desired.name);
		existingByName.delete(desired.name);
		if (!existing) {
			entries.push({ name: desired.name, action: 'create', differences: [], desired });
			continue;
		}
		const differences = input.differences(desired, existing);
		if (differences.length) entries.push({ name: desired.name, action: 'update', differences, desired, existing });
		else if (input.rewriteSecrets && desired.carriesSecrets) entries.push({ name: desired.name, action: 'update', differences: [SECRETS_ONLY], desired, existing });
		else entries.push({ name: desired.name, action: 'unchanged', differences: [], desired, existing });
	}
	const extras = [...existingByName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const existing of extras) {
		entries.push({ name: existing.name, action: input.removeExtras ? 'delete' : 'keep', differences: [], existing });
	}
	for (const entry of entries) {
		if (!WRITE_ACTIONS.includes(entry.action)) continue;
		entry.writeId = writeIdOf(input.scopeKey, entry.name, entry.action, entry.existing?.stateView ?? null, entry.desired?.publicView ?? null);
	}
	return entries;
}

/** The plan's fingerprint: its writes' hashes, sorted. */
export function fingerprintOf(entries: ReadonlyArray<{ writeId?: string }>): string {
	const ids = entries.flatMap((entry) => (entry.writeId ? [entry.writeId] : [])).sort();
	return `${FINGERPRINT_PREFIX}${ids.join('.')}`;
}

/** The writes a fingerprint approves; an InputProblem when the text is not a fingerprint. */
export function approvedWrites(fingerprint: string, field: string): Set<string> {
	const text = fingerprint.trim();
	if (!text.startsWith(FINGERPRINT_PREFIX)) fail(field, `is not a Reconcile plan fingerprint (it starts with "${FINGERPRINT_PREFIX}")`);
	const body = text.slice(FINGERPRINT_PREFIX.length);
	const ids = body ? body.split('.') : [];
	if (ids.some((id) => !/^[A-Za-z0-9_-]{11}$/.test(id))) fail(field, 'is not a Reconcile plan fingerprint (it was cut or changed)');
	return new Set(ids);
}

/** The planned writes a fingerprint does not approve. */
export function unapprovedWrites<Request, Current>(entries: ReadonlyArray<PlanEntry<Request, Current>>, approved: ReadonlySet<string>) {
	return entries.filter((entry) => entry.writeId && !approved.has(entry.writeId));
}

/** The counts a plan summary shows. */
export function countActions(entries: ReadonlyArray<{ action: ReconcileAction }>): Record<ReconcileAction, number> {
	const counts: Record<ReconcileAction, number> = { create: 0, update: 0, delete: 0, unchanged: 0, keep: 0 };
	for (const entry of entries) counts[entry.action]++;
	return counts;
}
