/**
 * Targets: one Reconcile or Export over many AWS accounts and Regions. The default is the
 * credential's own account and Region (one target, today's behaviour); "Accounts and Regions
 * Below" lists rows of Role ARN, Region and optional External ID (or one expression giving such a
 * list). Each target's role is assumed with the credential's identity as the caller, with a role
 * session name that names the workflow and the execution, so CloudTrail shows who changed what.
 * Each target may rewrite the values bound to an account or Region (Replace Values per Target).
 *
 * Guard rails: targets come only from the workflow author (in tool mode a model cannot fill a
 * target field), and two targets on one (account, Region) are refused before any request.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runBounded } from './boundedRun';
import { type BoundKind, boundKind, type BoundValue, readReplacements, type Replacement } from './export';
import { assumedRoleAccess, type AwsAccess, executionAccess, retryLimitsOf } from './transport/awsClient';
import { isToolMode } from './toolMode';
import { fail, InputProblem, str } from './validation';

export const TARGETS = 'targets';
export const TARGETS_CREDENTIAL = 'credential';
export const TARGETS_LIST = 'list';
const TARGETS_FROM = 'targetsFrom';
const FROM_ROWS = 'rows';
const FROM_EXPRESSION = 'expression';
const TARGET_ROWS = 'targetRows';
const TARGET_LIST = 'targetList';
/** Every field a target comes from: in tool mode none of them may be filled by the model. */
const TARGET_FIELD_NAMES = [TARGETS, TARGETS_FROM, TARGET_ROWS, TARGET_LIST];
const FIELD = 'Targets';

/** One account and Region a run reaches through a role. */
export interface Target {
	account: string;
	region: string;
	roleArn: string;
	externalId?: string;
	/** Replace Values per Target: applied to the values of the desired set bound to an account or Region. */
	replacements: Replacement[];
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

const replaceValuesDescription =
	'Rewrites the values bound to an account or Region (subnet, security groups, Availability Zone, KMS keys, secret, role and other ARNs) for this target, as Export\'s Replace Values does: {"subnet-0aaa": "subnet-0bbb"} or [{"from": "…", "to": "…"}]';

/** The Targets fields, shown with `show` (the operation, and for Get Many its Output). `apply` adds the apply's guard rails. */
export function targetFields(show: Record<string, Array<string | boolean>> = {}, apply = false): INodeProperties[] {
	const listed = { ...show, [TARGETS]: [TARGETS_LIST] };
	const fields: INodeProperties[] = [
		{
			displayName: 'Targets',
			name: TARGETS,
			type: 'options',
			default: TARGETS_CREDENTIAL,
			options: [
				{ name: "This Credential's Account and Region", value: TARGETS_CREDENTIAL },
				{
					name: 'Accounts and Regions Below',
					value: TARGETS_LIST,
					description: "Each target's role is assumed with the credential's identity (role chaining when the credential assumes a role)",
				},
			],
			displayOptions: { show },
		},
		{
			displayName: 'Target List From',
			name: TARGETS_FROM,
			type: 'options',
			default: FROM_ROWS,
			options: [
				{ name: 'Rows', value: FROM_ROWS },
				{ name: 'Expression (JSON List)', value: FROM_EXPRESSION, description: 'One expression giving the list, e.g. from a sheet of accounts' },
			],
			displayOptions: { show: listed },
		},
		{
			displayName: 'Target Rows',
			name: TARGET_ROWS,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Target',
			default: {},
			displayOptions: { show: { ...listed, [TARGETS_FROM]: [FROM_ROWS] } },
			options: [
				{
					displayName: 'Target',
					name: 'target',
					values: [
						{ displayName: 'Role ARN', name: 'roleArn', type: 'string', default: '', placeholder: 'e.g. arn:aws:iam::222222222222:role/n8n-connections' },
						{ displayName: 'Region', name: 'region', type: 'string', default: '', placeholder: 'e.g. eu-west-1' },
						{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: "The External ID the role's trust policy requires, if any" },
						{ displayName: 'Replace Values', name: 'replaceValues', type: 'json', default: '{}', description: replaceValuesDescription },
					],
				},
			],
		},
		{
			displayName: 'Target List',
			name: TARGET_LIST,
			type: 'json',
			default: '[]',
			description: `A list of {"roleArn", "region", "externalId" (optional), "replaceValues" (optional)}. replaceValues: ${replaceValuesDescription}.`,
			placeholder: 'e.g. {{ $("Accounts").all().map(item => item.json) }}',
			displayOptions: { show: { ...listed, [TARGETS_FROM]: [FROM_EXPRESSION] } },
		},
		{
			displayName: 'Max Concurrent Targets',
			name: 'maxConcurrentTargets',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
			description: 'How many targets are read (and, in an apply, written) at once',
			displayOptions: { show: listed },
		},
	];
	if (!apply) return fields;
	return [
		...fields,
		{
			displayName: 'Failure Tolerance',
			name: 'failureTolerance',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			description:
				'How many targets may fail (not reachable in the plan, or a write refused) before the remaining targets are not started. With more unreachable targets than this, the apply writes nothing anywhere.',
			displayOptions: { show: { ...listed, mode: ['apply'] } },
		},
		{
			displayName: 'Max Deletions in Total',
			name: 'maxDeletionsInTotal',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			description: 'An apply that would delete more connections than this over all targets stops before writing anything (Max Deletions bounds each target)',
			displayOptions: { show: { ...listed, removeExtras: [true] } },
		},
	];
}

/** Whether the author chose a target list (read from the first item, as every setting of a run). */
export function targetsChosen(ctx: IExecuteFunctions, itemIndex = 0): boolean {
	return ctx.getNodeParameter(TARGETS, itemIndex, TARGETS_CREDENTIAL) === TARGETS_LIST;
}

/** JSON text or a value: the value. */
function parsed(value: unknown, field: string): unknown {
	if (typeof value !== 'string') return value;
	if (!value.trim()) return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return fail(field, 'is not valid JSON');
	}
}

/** Pure: one target's Replace Values, a {from: to} map or a list of {from, to}. */
export function readTargetReplacements(value: unknown, field: string): Replacement[] {
	const given = parsed(value, field);
	if (given === undefined || given === null) return [];
	if (Array.isArray(given)) return readReplacements({ pairs: given });
	if (typeof given === 'object') return readReplacements({ pairs: Object.entries(given).map(([from, to]) => ({ from, to })) });
	return fail(field, 'must be a {"from": "to"} map or a list of {"from", "to"}');
}

/**
 * Pure: the target list, checked: each Role ARN an IAM role ARN (its account is the target's),
 * each Region a Region code, no (account, Region) twice, at least one target.
 */
export function readTargetList(rows: unknown): Target[] {
	if (!Array.isArray(rows)) return fail(FIELD, 'must be a list of {"roleArn", "region"} entries');
	if (!rows.length) return fail(FIELD, 'list no target: add at least one row (Role ARN and Region)');
	const seen = new Map<string, number>();
	return rows.map((row: unknown, index) => {
		const at = `${FIELD} (row ${index + 1})`;
		if (!row || typeof row !== 'object' || Array.isArray(row)) return fail(at, 'must be an object with roleArn and region');
		const entry = row as Record<string, unknown>;
		const roleArn = str(entry.roleArn);
		const account = ROLE_ARN.exec(roleArn)?.[1];
		if (!account) return fail(`${at}: Role ARN`, `"${roleArn}" is not an IAM role ARN such as arn:aws:iam::222222222222:role/n8n-connections`);
		const region = str(entry.region);
		if (!REGION.test(region)) return fail(`${at}: Region`, `"${region}" is not an AWS Region code such as eu-west-1`);
		const externalId = str(entry.externalId);
		if (externalId && !EXTERNAL_ID.test(externalId)) return fail(`${at}: External ID`, 'must be 2 to 1224 letters, digits or +=,.@:/-_');
		const key = `${account}|${region}`;
		const first = seen.get(key);
		if (first !== undefined) return fail(FIELD, `rows ${first + 1} and ${index + 1} both target account ${account} in ${region}: each account and Region may be listed once`);
		seen.set(key, index);
		const target: Target = { account, region, roleArn, replacements: readTargetReplacements(entry.replaceValues, `${at}: Replace Values`) };
		if (externalId) target.externalId = externalId;
		return target;
	});
}

/**
 * The targets the author listed, or undefined for the credential's own account and Region. In tool
 * mode a target field the model fills ($fromAI) is refused: a model never adds a target or a role.
 */
export function readTargets(ctx: IExecuteFunctions, itemIndex = 0): Target[] | undefined {
	if (!targetsChosen(ctx, itemIndex)) return undefined;
	if (isToolMode(ctx)) {
		const stored = ctx.getNode().parameters;
		const filled = TARGET_FIELD_NAMES.find((name) => JSON.stringify(stored[name] ?? '').includes('$fromAI'));
		if (filled) throw new InputProblem(FIELD, 'come only from the workflow author: an AI tool cannot choose targets or roles. Nothing was sent to AWS.');
	}
	if (ctx.getNodeParameter(TARGETS_FROM, itemIndex, FROM_ROWS) === FROM_EXPRESSION) {
		return readTargetList(parsed(ctx.getNodeParameter(TARGET_LIST, itemIndex, '[]'), 'Target List'));
	}
	const rows = (ctx.getNodeParameter(TARGET_ROWS, itemIndex, {}) as { target?: unknown }).target ?? [];
	return readTargetList(rows);
}

/** The number setting of a run, checked. */
export function wholeNumberSetting(ctx: IExecuteFunctions, name: string, label: string, fallback: number, min: number, max = Infinity): number {
	const value = Number(ctx.getNodeParameter(name, 0, fallback));
	if (!Number.isInteger(value) || value < min || value > max) fail(label, `must be a whole number from ${min}${max === Infinity ? ' up' : ` to ${max}`}`);
	return value;
}

/**
 * The role session name CloudTrail shows for every request in a target: the workflow and the
 * execution (STS allows 2 to 64 of [\w+=,.@-]).
 */
export function roleSessionName(workflowId: unknown, executionId: unknown): string {
	const clean = (value: unknown) => String(value ?? '').replace(/[^\w+=,.@-]/g, '-');
	return `n8n-wf-${clean(workflowId) || 'unsaved'}-ex-${clean(executionId) || 'manual'}`.slice(0, 64);
}

const ARN_SHAPE = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;
/** What a replaced value must still look like, by kind (an ARN must stay an ARN). */
const SHAPES: Partial<Record<BoundKind, [RegExp, string]>> = {
	subnet: [/^subnet-[0-9a-f]+$/, 'a subnet ID such as subnet-0123456789abcdef0'],
	securityGroup: [/^sg-[0-9a-f]+$/, 'a security group ID such as sg-0123456789abcdef0'],
};

/** A value bound to an account or Region, with the keys that lead to it (a key may itself hold dots). */
export interface TargetBoundValue extends BoundValue {
	steps: Array<string | number>;
}

/**
 * Pure: the values of `value` bound to an account or Region (by path or ARN shape, as Export finds
 * them: string leaves, secret markers skipped); `only`, when given, limits them to those paths. They
 * depend on the value, not on a target: a desired item's are found once and applied to every target.
 */
export function targetBoundValues(value: unknown, byPath: Record<string, BoundKind>, only?: ReadonlySet<string>): TargetBoundValue[] {
	const found: TargetBoundValue[] = [];
	const visit = (member: unknown, path: string, steps: Array<string | number>) => {
		if (typeof member === 'string') {
			const kind = steps.length && (!only || only.has(path)) ? boundKind(path, member, byPath) : undefined;
			if (kind) found.push({ path, kind, value: member, steps });
		} else if (Array.isArray(member)) member.forEach((row, index) => visit(row, `${path}[${index}]`, [...steps, index]));
		else if (member && typeof member === 'object' && !('$secret' in member)) {
			for (const [key, child] of Object.entries(member)) visit(child, path ? `${path}.${key}` : key, [...steps, key]);
		}
	};
	visit(value, '', []);
	return found;
}

/** A copy of `root` with `value` at `steps`, copying only the objects on the way (those in `fresh` are this copy's own already). */
function withValueAt(root: unknown, steps: ReadonlyArray<string | number>, value: string, fresh: Set<unknown>): unknown {
	const own = (node: unknown) => {
		if (fresh.has(node)) return node;
		const copy = Array.isArray(node) ? [...(node as unknown[])] : { ...(node as object) };
		fresh.add(copy);
		return copy;
	};
	const top = own(root) as Record<string | number, unknown>;
	let node = top;
	for (const step of steps.slice(0, -1)) node = node[step] = own(node[step]) as Record<string | number, unknown>;
	node[steps[steps.length - 1]] = value;
	return top;
}

/**
 * Pure: Replace Values applied to `bound`, the bound values of `value` (targetBoundValues), as
 * Export's Replace Values does: each row replaces every occurrence of From, in row order. Only the
 * objects on a changed path are copied; `value` is never changed, and is returned as it is when
 * nothing changes. A replaced value that no longer has its kind's shape (a subnet ID, a security
 * group ID, an ARN) is an InputProblem naming its path, before any request.
 */
export function withBoundValuesReplaced<T>(
	value: T,
	bound: readonly TargetBoundValue[],
	replacements: Replacement[],
	/** Named in a refusal: the target and the connection. */
	about: { target?: string; connection?: string } = {},
): { value: T; paths: Set<string> } {
	const paths = new Set<string>();
	if (!replacements.length) return { value, paths };
	const fresh = new Set<unknown>();
	let replaced: unknown = value;
	for (const { path, kind, value: before, steps } of bound) {
		const now = replacements.reduce((text, { from, to }) => text.split(from).join(to), before);
		if (now === before) continue;
		const [shape, expected] = ARN_SHAPE.test(before) ? [ARN_SHAPE, 'an ARN'] : (SHAPES[kind] ?? []);
		if (shape && !shape.test(now)) {
			const field = `${about.target ? `Targets (${about.target}): ` : ''}Replace Values › ${path}`;
			fail(field, `gives "${now}" (from "${before}"), which is not ${expected}${about.connection ? ` in the connection "${about.connection}"` : ''}`);
		}
		replaced = withValueAt(replaced, steps, now, fresh);
		paths.add(path);
	}
	return { value: replaced as T, paths };
}

/**
 * Pure: Replace Values applied to the values of `value` bound to an account or Region (by path or
 * ARN shape, as Export finds them); `only`, when given, limits it to those paths (so a request
 * whose secrets were read is rewritten exactly where its stand-in version was, never inside a secret).
 * A replaced value that no longer has its kind's shape (a subnet ID, a security group ID, an ARN) is
 * an InputProblem naming its path, before any request.
 */
export function withTargetValues<T>(
	value: T,
	byPath: Record<string, BoundKind>,
	replacements: Replacement[],
	only?: ReadonlySet<string>,
	/** Named in a refusal: the target and the connection. */
	about: { target?: string; connection?: string } = {},
): { value: T; paths: Set<string> } {
	if (!replacements.length) return { value, paths: new Set() };
	return withBoundValuesReplaced(value, targetBoundValues(value, byPath, only), replacements, about);
}

/** The role a target is reached through, with the session name of this workflow and execution. */
export function targetAccess(ctx: IExecuteFunctions, access: AwsAccess, target: Target): AwsAccess {
	const role = { roleArn: target.roleArn, sessionName: roleSessionName(ctx.getWorkflow().id, ctx.getExecutionId()), ...(target.externalId ? { externalId: target.externalId } : {}) };
	return assumedRoleAccess(access, role, target.region, retryLimitsOf(ctx));
}

/**
 * Export (Get Many "As Definitions") over targets: `list` runs once per target, with Max Concurrent
 * Targets at once, on that target's own client (released afterwards); each item names its target.
 */
export async function exportOverTargets<Service>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	targets: Target[],
	serviceFor: (access: AwsAccess) => Promise<Service>,
	list: (service: () => Promise<Service>, target: Target) => Promise<IDataObject[]>,
): Promise<IDataObject[]> {
	const limit = Number(ctx.getNodeParameter('maxConcurrentTargets', itemIndex, 1));
	if (!Number.isInteger(limit) || limit < 1 || limit > 50) fail('Max Concurrent Targets', 'must be a whole number from 1 to 50');
	const access = await executionAccess(ctx);
	const perTarget = await runBounded({
		count: targets.length,
		limit,
		keysOf: () => [],
		run: async (index) => {
			const target = targets[index];
			const service = serviceFor(targetAccess(ctx, access, target));
			try {
				const items = await list(async () => await service, target);
				return items.map((item) => ({ ...item, target: { account: target.account, region: target.region } }));
			} finally {
				((await service.catch(() => undefined)) as { client?: { destroy?: () => void } } | undefined)?.client?.destroy?.();
			}
		},
	});
	return perTarget.flat();
}
