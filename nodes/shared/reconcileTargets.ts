import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runBounded } from './boundedRun';
import type { BoundKind } from './export';
import { approvedWrites, countActions, fingerprintOf, unapprovedWrites } from './reconcile';
import {
	changesOf,
	type DesiredItem,
	type Entry,
	planScope,
	type ReconcileAdapter,
	type ReconcileScope,
	type Settings,
	writeEntry,
} from './reconcileRun';
import { concurrencyOf, type NodeErrorOf } from './router';
import { type Target, type TargetBoundValue, targetAccess, targetBoundValues, wholeNumberSetting, withBoundValuesReplaced, withTargetValues } from './targets';
import { type AwsAccess, executionAccess } from './transport/awsClient';
import { fail, SetProblem } from './validation';

/**
 * Reconcile over a list of targets (accounts and Regions, nodes/shared/targets.ts), around the
 * single-scope plan and writes of reconcileRun.ts. Like CloudFormation StackSets (Max Concurrent
 * Targets, Failure Tolerance), but safer: the plan reaches every target first (AssumeRole, the
 * paged reads, the comparisons) and only then reports or writes; a target that cannot be reached
 * is an error item of the plan, and one fingerprint covers every target, so a change in any target
 * stops the apply everywhere before the first write.
 */

/** What a node adds for Targets: a service in another account and Region, and where its requests hold bound values. */
export interface TargetSupport<Service, Request> {
	service(ctx: IExecuteFunctions, access: AwsAccess): Promise<Service>;
	/** Values bound to an account or Region that are not ARNs (ARNs are found by their shape), as Export lists them. */
	boundPaths: Record<string, BoundKind>;
	/** The request with `replace` applied to each part that holds definition values (Glue: the input and the tags). */
	replaceIn(request: Request, replace: <Part>(part: Part) => Part): Request;
}

export interface TargetsRun<Service, Request, Current> {
	ctx: IExecuteFunctions;
	adapter: ReconcileAdapter<Service, Request, Current>;
	settings: Settings;
	scope: ReconcileScope;
	targets: Target[];
	desired: Array<DesiredItem<Request>>;
	/** Error items of the desired set (a plan still reports; an apply never gets here with any). */
	problems: INodeExecutionData[];
	/** A problem of the whole run: thrown, or with Continue On Fail one error item. */
	stop(error: unknown, itemIndexes?: number[]): INodeExecutionData[];
	nodeError: NodeErrorOf;
	everyItem: number[];
}

type Status = 'planned' | 'unreachable' | 'applied' | 'failed' | 'not started';

interface TargetPlan<Service, Request, Current> {
	target: Target;
	scope: ReconcileScope;
	service?: Service;
	entries: Array<Entry<Request, Current>>;
	error?: NodeOperationError | NodeApiError;
	status: Status;
	written: Set<Entry<Request, Current>>;
	failures: Map<Entry<Request, Current>, NodeOperationError | NodeApiError>;
}

const where = ({ account, region }: Target) => `account ${account} in ${region}`;

/**
 * A desired item as each target gets it: Replace Values per Target applied to its request, its
 * hashed view and its secret-read request. Where the bound values sit depends on the item, not on
 * the target, so they are found once here; each target then copies only the objects on the paths
 * its replacements change.
 */
export function retargeter<Request>(item: DesiredItem<Request>, support: TargetSupport<unknown, Request>): (target: Target) => DesiredItem<Request> {
	const requestParts: TargetBoundValue[][] = [];
	support.replaceIn(item.request, (part) => {
		requestParts.push(targetBoundValues(part, support.boundPaths));
		return part;
	});
	const publicBound = targetBoundValues(item.publicView, support.boundPaths);
	return (target) => {
		const { replacements } = target;
		if (!replacements.length) return item;
		const about = { target: where(target), connection: item.name };
		const replacedPaths: Array<Set<string>> = [];
		const request = support.replaceIn(item.request, (part) => {
			const { value, paths } = withBoundValuesReplaced(part, requestParts[replacedPaths.length], replacements, about);
			replacedPaths.push(paths);
			return value;
		});
		return {
			...item,
			request,
			publicView: withBoundValuesReplaced(item.publicView, publicBound, replacements).value,
			resolve: async () => {
				let part = 0;
				return support.replaceIn(await item.resolve(), (resolved) => withTargetValues(resolved, support.boundPaths, replacements, replacedPaths[part++]).value);
			},
		};
	};
}

/** A desired item as one target gets it (retargeter, for one target). */
export function retarget<Request>(item: DesiredItem<Request>, support: TargetSupport<unknown, Request>, target: Target): DesiredItem<Request> {
	return retargeter(item, support)(target);
}

const release = (service: unknown) => (service as { client?: { destroy?: () => void } } | undefined)?.client?.destroy?.();

export async function reconcileOverTargets<Service, Request, Current>(run: TargetsRun<Service, Request, Current>): Promise<INodeExecutionData[]> {
	const { ctx, adapter, settings, scope, targets, desired, problems, stop, nodeError, everyItem } = run;
	let maxConcurrent: number;
	let tolerance: number;
	let maxDeletionsInTotal: number;
	let limit: number;
	let access: AwsAccess;
	let itemsPerTarget: Array<Array<DesiredItem<Request>>>;
	try {
		if (scope.output.catalogId !== undefined) fail('Catalog ID', "cannot be set with Targets: each target's catalog is its own account's");
		maxConcurrent = wholeNumberSetting(ctx, 'maxConcurrentTargets', 'Max Concurrent Targets', 1, 1, 50);
		tolerance = settings.apply ? wholeNumberSetting(ctx, 'failureTolerance', 'Failure Tolerance', 0, 0) : 0;
		maxDeletionsInTotal = settings.apply && settings.removeExtras ? wholeNumberSetting(ctx, 'maxDeletionsInTotal', 'Max Deletions in Total', 5, 0) : Infinity;
		limit = concurrencyOf(ctx);
		// Each target's desired set, its values replaced: a replacement that breaks a value stops the run before any request.
		const perItem = desired.map((item) => retargeter(item, adapter.targets as TargetSupport<unknown, Request>));
		itemsPerTarget = targets.map((target) => perItem.map((forTarget) => forTarget(target)));
		access = await executionAccess(ctx);
	} catch (error) {
		return stop(error, everyItem);
	}

	const plans: Array<TargetPlan<Service, Request, Current>> = targets.map((target) => ({
		target,
		scope: {
			...scope,
			key: `${scope.key}|${target.account}|${target.region}`,
			output: { ...scope.output, target: { account: target.account, region: target.region } },
		},
		entries: [],
		status: 'planned',
		written: new Set(),
		failures: new Map(),
	}));
	try {
		// Every target is planned before anything is reported or written; a target that cannot be reached or read is the plan's error item.
		await runBounded({
			count: plans.length,
			limit: maxConcurrent,
			keysOf: () => [],
			run: async (index) => {
				const plan = plans[index];
				const { target } = plan;
				try {
					plan.service = await adapter.targets.service(ctx, targetAccess(ctx, access, target));
					plan.entries = await planScope(adapter, plan.service, plan.scope, itemsPerTarget[index], settings, limit);
				} catch (error) {
					plan.error = nodeError(error, 0);
					plan.error.message = `Target ${where(target)} (${target.roleArn}): ${plan.error.message}`;
					plan.status = 'unreachable';
				}
			},
		});
		const planFingerprint = fingerprintOf(plans.flatMap((plan) => plan.entries));
		if (!settings.apply) return [...problems, ...plans.flatMap((plan) => targetItems(plan, planFingerprint))];

		const unreachable = plans.filter((plan) => plan.error);
		try {
			if (unreachable.length > tolerance) {
				throw new SetProblem(
					`Apply stopped: ${unreachable.length} of ${plans.length} targets could not be planned (${unreachable.map((plan) => where(plan.target)).join(', ')}), more than Failure Tolerance (${tolerance}). Nothing was written in any target.`,
				);
			}
			if (settings.expectedFingerprint !== undefined) {
				const approved = approvedWrites(settings.expectedFingerprint, 'Expected Plan Fingerprint');
				const unapproved = plans.flatMap((plan) => unapprovedWrites(plan.entries, approved).map((entry) => `${entry.action} "${entry.name}" in ${where(plan.target)}`));
				if (unapproved.length) {
					throw new SetProblem(
						`Apply stopped: AWS or the desired set changed since the plan was approved. ${unapproved.length} write(s) are not in the approved plan (${unapproved.slice(0, 5).join(', ')}${unapproved.length > 5 ? ', …' : ''}). Nothing was written in any target; plan again.`,
					);
				}
			}
			let deletions = 0;
			for (const plan of plans) {
				const own = plan.entries.filter((entry) => entry.action === 'delete').length;
				deletions += own;
				if (own > settings.maxDeletions) {
					throw new SetProblem(`Apply stopped: it would delete ${own} connections in ${where(plan.target)}, more than Max Deletions (${settings.maxDeletions}). Nothing was written in any target.`);
				}
			}
			if (deletions > maxDeletionsInTotal) {
				throw new SetProblem(`Apply stopped: it would delete ${deletions} connections over all targets, more than Max Deletions in Total (${maxDeletionsInTotal}). Nothing was written in any target.`);
			}
		} catch (error) {
			return [...stop(error, everyItem), ...unreachable.flatMap((plan) => targetItems(plan, planFingerprint))];
		}

		// As StackSets: once more targets failed than the tolerance allows, the remaining ones are not started (those in flight finish).
		let failed = unreachable.length;
		await runBounded({
			count: plans.length,
			limit: maxConcurrent,
			keysOf: () => [],
			run: async (index) => {
				const plan = plans[index];
				if (plan.error) return;
				if (failed > tolerance) {
					plan.status = 'not started';
					return;
				}
				const writes = plan.entries.filter((entry) => entry.writeId);
				try {
					await runBounded({
						count: writes.length,
						limit,
						keysOf: () => [],
						run: async (writeIndex) => {
							const entry = writes[writeIndex];
							try {
								await writeEntry(adapter, plan.service as Service, plan.scope, entry);
								plan.written.add(entry);
							} catch (error) {
								// A target's first failed write stops that target (what is in flight is awaited).
								const failure = nodeError(error, entry.desired?.itemIndex ?? 0);
								plan.failures.set(entry, failure);
								throw failure;
							}
						},
					});
					plan.status = 'applied';
				} catch {
					plan.status = 'failed';
					failed++;
				}
			},
		});
		const output = plans.flatMap((plan) => targetItems(plan, planFingerprint, true));
		if (failed > tolerance) {
			const failedTargets = plans.filter((plan) => plan.status === 'failed' || plan.status === 'unreachable');
			const notStarted = plans.filter((plan) => plan.status === 'not started').length;
			const first = failedTargets.flatMap((plan) => [...plan.failures.values()])[0];
			const problem = new SetProblem(
				`Apply stopped: ${failed} of ${plans.length} targets failed (${failedTargets.map((plan) => where(plan.target)).join(', ')}), more than Failure Tolerance (${tolerance}); ${notStarted} target(s) were not started.${first ? ` First failure: ${first.message}` : ''}`,
			);
			return [...stop(problem, everyItem), ...output];
		}
		return [...problems, ...output];
	} finally {
		for (const plan of plans) release(plan.service);
	}
}

/** A target's items: its summary (counts, status, or why it could not be planned), then one per connection. */
function targetItems<Service, Request, Current>(plan: TargetPlan<Service, Request, Current>, planFingerprint: string, applied = false): INodeExecutionData[] {
	const target = plan.scope.output.target as IDataObject;
	const planSummary = countActions(plan.entries);
	if (plan.error) {
		const json: IDataObject = { target, status: 'unreachable', error: plan.error.message, planFingerprint };
		if (plan.error.description) json.description = plan.error.description;
		return [{ json, pairedItem: { item: 0 } }];
	}
	const summary: IDataObject = { target, summary: planSummary, status: plan.status, planFingerprint };
	if (applied) summary.written = plan.written.size;
	const failure = [...plan.failures.values()][0];
	if (failure) summary.error = failure.message;
	return [
		{ json: summary, pairedItem: { item: 0 } },
		...plan.entries.map((entry) => {
			const json: IDataObject = { name: entry.name, action: entry.action, differences: entry.differences, ...changesOf(entry), ...plan.scope.output, planSummary, planFingerprint };
			if (applied) json.applied = plan.written.has(entry);
			const failed = plan.failures.get(entry);
			if (failed) json.error = failed.message;
			// Extras answer to no item: they are paired with the first, as a Get Many's results are.
			return { json, pairedItem: { item: entry.desired?.itemIndex ?? 0 } };
		}),
	];
}
