import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { runBounded } from './boundedRun';
import { readParameters } from './parameters';
import {
	approvedWrites,
	checkDesiredSet,
	countActions,
	type DesiredConnection,
	type ExistingConnection,
	fingerprintOf,
	type PlanEntry,
	planReconcile,
	SECRETS_ONLY,
	unapprovedWrites,
} from './reconcile';
import { reconcileFields } from './reconcileFields';
import { reconcileOverTargets, type TargetSupport } from './reconcileTargets';
import { readTargets, type Target } from './targets';
import { concurrencyOf, type NodeErrorOf, type ServiceProvider } from './router';
import { ALLOW_IN_TOOL_MODE, isToolMode } from './toolMode';
import { fail, required, SetProblem } from './validation';

/**
 * Reconcile's run, shared by both nodes: reads the settings (once, from the first item) and every
 * item's desired connection, reads what AWS has in the scope (paged lists), plans, and in Apply
 * mode writes the plan through the node's retry-safe writes with the Concurrency option's number
 * in flight. A node supplies an adapter: its scope, how an item becomes a desired connection, how
 * it reads and compares, and its writes.
 */
export interface DesiredItem<Request> extends DesiredConnection<Request> {
	/** The request with its secrets read: called by Apply only for the connections it writes. */
	resolve(): Promise<Request>;
	/** Secrets the item gives as literal text outside the form's secret fields (a JSON Definition's): redacted from errors. */
	secretTexts?: string[];
}

export interface ReconcileScope {
	prefix: string;
	/** What the fingerprint binds a write to (node, catalog, prefix). */
	key: string;
	/** Shown on every output item (e.g. Glue's catalogId). */
	output: IDataObject;
}

export interface ReconcileAdapter<Service, Request, Current> {
	scope(ctx: IExecuteFunctions, prefix: string): ReconcileScope;
	/** One item's desired connection, validated, secrets not read. Throws an InputProblem. */
	desired(ctx: IExecuteFunctions, itemIndex: number, literalSecrets: boolean): DesiredItem<Request>;
	/** The connections in the scope (paged list reads), compared in full where a desired one has the name. */
	readExisting(service: Service, scope: ReconcileScope, desiredNames: ReadonlySet<string>, limit: number): Promise<Array<ExistingConnection<Current>>>;
	differences(service: Service, desired: DesiredItem<Request>, existing: ExistingConnection<Current>): Promise<string[]>;
	create(service: Service, scope: ReconcileScope, request: Request): Promise<void>;
	update(service: Service, scope: ReconcileScope, request: Request, existing: ExistingConnection<Current>): Promise<void>;
	delete(service: Service, scope: ReconcileScope, existing: ExistingConnection<Current>): Promise<void>;
	/** How the node reaches another account and Region, and where its requests hold bound values (Targets). */
	targets: TargetSupport<Service, Request>;
}

export interface ReconcileGuards {
	/** Whether a secret may be literal text in a JSON Definition (not for AI tools). */
	literalSecrets: boolean;
	/** Why Apply or Remove Extras may not run here (tool mode without the author's consent), if so. */
	refusal?(settings: { apply: boolean; removeExtras: boolean }): string | undefined;
}

export type Entry<Request, Current> = PlanEntry<Request, Current> & { desired?: DesiredItem<Request> };

export interface Settings {
	prefix: string;
	apply: boolean;
	removeExtras: boolean;
	maxDeletions: number;
	expectedFingerprint?: string;
	rewriteSecrets: boolean;
}

const settingFields = reconcileFields('');

/** The settings of the whole run, from the first item (as Concurrency is). */
function readSettings(ctx: IExecuteFunctions): Settings {
	const bag = readParameters(ctx, 0, settingFields);
	const maxDeletions = bag.maxDeletions === undefined ? 5 : Number(bag.maxDeletions);
	if (!Number.isInteger(maxDeletions) || maxDeletions < 0) fail('Max Deletions', 'must be a whole number, 0 or more');
	const mode = bag.mode ?? 'plan';
	if (mode !== 'plan' && mode !== 'apply') fail('Mode', 'must be Plan or Apply');
	const fingerprint = typeof bag.expectedPlanFingerprint === 'string' ? bag.expectedPlanFingerprint.trim() : '';
	return {
		prefix: required(bag.scopePrefix, 'Scope: Name Prefix'),
		apply: mode === 'apply',
		removeExtras: bag.removeExtras === true,
		maxDeletions,
		expectedFingerprint: fingerprint || undefined,
		rewriteSecrets: bag.rewriteSecrets === true,
	};
}

/**
 * The value at a difference's dotted path (`ConnectionProperties.JDBC_CONNECTION_URL`,
 * `SparkProperties.spark.executor.memory`): a key may itself hold dots, so the longest key that
 * starts the path is taken at each level.
 */
function valueAtDotted(root: unknown, path: string): unknown {
	if (!root || typeof root !== 'object') return undefined;
	const node = root as Record<string, unknown>;
	if (Object.hasOwn(node, path)) return node[path];
	const key = Object.keys(node)
		.filter((candidate) => path.startsWith(`${candidate}.`))
		.sort((a, b) => b.length - a.length)[0];
	return key === undefined ? undefined : valueAtDotted(node[key], path.slice(key.length + 1));
}

/** For an update, each difference with AWS's value and the desired one (both views hold no secret), for the person who approves. */
export function changesOf(entry: { action: string; differences: string[]; desired?: { publicView: unknown }; existing?: { stateView: unknown } }): IDataObject {
	if (entry.action !== 'update') return {};
	const changes = entry.differences
		.filter((path) => path !== SECRETS_ONLY)
		.map((path) => ({ path, aws: valueAtDotted(entry.existing?.stateView, path) ?? null, desired: valueAtDotted(entry.desired?.publicView, path) ?? null }));
	return { changes } as IDataObject;
}

const paired = (indexes: number[]): IPairedItemData | IPairedItemData[] => (indexes.length === 1 ? { item: indexes[0] } : indexes.map((item) => ({ item })));

/** One scope's plan: what AWS has in it (paged reads), compared with the desired set. */
export async function planScope<Service, Request, Current>(
	adapter: ReconcileAdapter<Service, Request, Current>,
	service: Service,
	scope: ReconcileScope,
	desired: ReadonlyArray<DesiredItem<Request>>,
	settings: Settings,
	limit: number,
): Promise<Array<Entry<Request, Current>>> {
	const existing = await adapter.readExisting(service, scope, new Set(desired.map((item) => item.name)), limit);
	const inScope = existing.filter((connection) => connection.name.startsWith(settings.prefix));
	const byName = new Map(inScope.map((connection) => [connection.name, connection]));
	const differences = new Map<string, string[]>();
	for (const item of desired) {
		const current = byName.get(item.name);
		if (current) differences.set(item.name, await adapter.differences(service, item, current));
	}
	return planReconcile({
		scopeKey: scope.key,
		desired,
		existing: inScope,
		removeExtras: settings.removeExtras,
		rewriteSecrets: settings.rewriteSecrets,
		differences: (item) => differences.get(item.name) ?? [],
	}) as Array<Entry<Request, Current>>;
}

/** One planned write, its secrets read just before it is sent. */
export async function writeEntry<Service, Request, Current>(
	adapter: ReconcileAdapter<Service, Request, Current>,
	service: Service,
	scope: ReconcileScope,
	entry: Entry<Request, Current>,
): Promise<void> {
	if (entry.action === 'delete') return await adapter.delete(service, scope, entry.existing as ExistingConnection<Current>);
	const request = await (entry.desired as DesiredItem<Request>).resolve();
	if (entry.action === 'create') return await adapter.create(service, scope, request);
	return await adapter.update(service, scope, request, entry.existing as ExistingConnection<Current>);
}

export async function runReconcile<Service, Request, Current>(
	ctx: IExecuteFunctions,
	adapter: ReconcileAdapter<Service, Request, Current>,
	service: ServiceProvider<Service>,
	routerError: NodeErrorOf,
	guards: ReconcileGuards,
): Promise<INodeExecutionData[]> {
	// Secrets typed into JSON Definitions are not form fields: the router cannot know them.
	const literalSecrets: string[] = [];
	const nodeError: NodeErrorOf = (error, itemIndex) => routerError(error, itemIndex, literalSecrets);
	const itemCount = ctx.getInputData().length;
	const everyItem = [...Array(itemCount).keys()];
	/** A problem of the whole set: the node fails, or with Continue On Fail one error item. */
	const stop = (error: unknown, itemIndexes = [0]): INodeExecutionData[] => {
		const failure = nodeError(error, itemIndexes[0]);
		if (!ctx.continueOnFail()) throw failure;
		return [{ json: { error: failure.message, ...(failure.description ? { description: failure.description } : {}) }, pairedItem: paired(itemIndexes) }];
	};

	let settings: Settings;
	let scope: ReconcileScope;
	let targets: Target[] | undefined;
	try {
		settings = readSettings(ctx);
		scope = adapter.scope(ctx, settings.prefix);
		targets = readTargets(ctx);
		const refusal = guards.refusal?.(settings);
		if (refusal) throw new SetProblem(refusal);
	} catch (error) {
		// A setting of the whole set: with Continue On Fail, one error item stands for every item.
		return stop(error, everyItem);
	}

	// Every item is read first: an item's own problem is an error item paired with it.
	const desired: Array<DesiredItem<Request>> = [];
	const problems: INodeExecutionData[] = [];
	for (const itemIndex of everyItem) {
		try {
			const item = adapter.desired(ctx, itemIndex, guards.literalSecrets);
			if (!item.name.startsWith(settings.prefix)) {
				fail('Name', `"${item.name}" is outside the scope: it does not start with "${settings.prefix}"`);
			}
			desired.push(item);
			literalSecrets.push(...(item.secretTexts ?? []));
		} catch (error) {
			problems.push(...stop(error, [itemIndex]));
		}
	}
	try {
		checkDesiredSet(desired, settings.prefix);
	} catch (error) {
		const problem = error as SetProblem;
		const first = desired.find((item) => item.name === desired.find((other) => other.itemIndex === problem.itemIndex)?.name)?.itemIndex ?? 0;
		return [...problems, ...stop(error, [...new Set([first, problem.itemIndex])])];
	}
	// Every item has a problem: there is no desired set to plan, and nothing is asked of AWS.
	if (!desired.length && problems.length) return problems;
	// A set with a bad item is not the desired set: an apply of it could delete what the item names.
	if (problems.length && settings.apply) {
		const good = desired.map((item) => item.itemIndex);
		const stopped = new SetProblem(`Apply stopped: ${problems.length} of ${itemCount} items have problems (see their error items). Nothing was written.`);
		return [...problems, ...(good.length ? stop(stopped, good) : [])];
	}

	if (targets) return await reconcileOverTargets({ ctx, adapter, settings, scope, targets, desired, problems, stop, nodeError, everyItem });

	let entries: Array<Entry<Request, Current>>;
	let glue: Service;
	try {
		glue = await service();
		entries = await planScope(adapter, glue, scope, desired, settings, concurrencyOf(ctx));
	} catch (error) {
		return [...problems, ...stop(error)];
	}

	const planFingerprint = fingerprintOf(entries);
	const planSummary = countActions(entries);
	const output = (entry: Entry<Request, Current>, extra: IDataObject = {}): INodeExecutionData => ({
		json: { name: entry.name, action: entry.action, differences: entry.differences, ...changesOf(entry), ...scope.output, ...extra, planSummary, planFingerprint },
		// Extras answer to no item: they are paired with the first, as a Get Many's results are.
		pairedItem: { item: entry.desired?.itemIndex ?? 0 },
	});
	if (!settings.apply) return [...problems, ...entries.map((entry) => output(entry))];

	const writes = entries.filter((entry) => entry.writeId);
	try {
		if (settings.expectedFingerprint !== undefined) {
			const unapproved = unapprovedWrites(entries, approvedWrites(settings.expectedFingerprint, 'Expected Plan Fingerprint'));
			if (unapproved.length) {
				const named = unapproved.slice(0, 5).map((entry) => `${entry.action} "${entry.name}"`).join(', ');
				throw new SetProblem(
					`Apply stopped: AWS or the desired set changed since the plan was approved. ${unapproved.length} write(s) are not in the approved plan (${named}${unapproved.length > 5 ? ', …' : ''}). Nothing was written; plan again.`,
				);
			}
		}
		const deletions = writes.filter((entry) => entry.action === 'delete').length;
		if (deletions > settings.maxDeletions) {
			throw new SetProblem(
				`Apply stopped: it would delete ${deletions} connections, more than Max Deletions (${settings.maxDeletions}). Nothing was written.`,
			);
		}
	} catch (error) {
		return stop(error, everyItem);
	}

	const failures = new Map<Entry<Request, Current>, INodeExecutionData>();
	const write = async (entry: Entry<Request, Current>) => await writeEntry(adapter, glue, scope, entry);
	await runBounded({
		count: writes.length,
		limit: concurrencyOf(ctx),
		keysOf: () => [],
		run: async (index) => {
			const entry = writes[index];
			try {
				await write(entry);
			} catch (error) {
				const itemIndex = entry.desired?.itemIndex ?? 0;
				// Without Continue On Fail the first failure stops the apply (what is in flight is awaited).
				if (!ctx.continueOnFail()) throw nodeError(error, itemIndex);
				failures.set(entry, stop(error, [itemIndex])[0]);
			}
		},
	});
	return entries.map((entry) => {
		const failure = failures.get(entry);
		if (failure) return { json: { ...output(entry).json, ...failure.json, applied: false }, pairedItem: output(entry).pairedItem };
		return output(entry, { applied: Boolean(entry.writeId) });
	});
}

/**
 * Reconcile's guard rails as an AI tool (contract 3): a plan is a read, but Apply and Remove Extras
 * are refused unless the author switched "Allow in AI Tool Mode" on; a JSON Definition may carry a
 * secret only by reference.
 */
export function reconcileGuards(ctx: IExecuteFunctions): ReconcileGuards {
	const toolMode = isToolMode(ctx);
	return {
		literalSecrets: !toolMode,
		refusal: ({ apply, removeExtras }) => {
			if (!toolMode || (!apply && !removeExtras)) return undefined;
			if (ctx.getNodeParameter(ALLOW_IN_TOOL_MODE, 0, false) === true) return undefined;
			return `Reconcile with ${apply ? 'Mode Apply' : 'Remove Extras'} is not allowed for AI tools in this workflow: the author has not switched on "Allow in AI Tool Mode". Nothing was sent to AWS. Plan (without Remove Extras) is allowed.`;
		},
	};
}
