import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MAX_CONCURRENCY, MIN_CONCURRENCY, runBounded } from './boundedRun';
import { inputError, maskedNode, redact, toNodeApiError } from './errors';
import type { OperationKeys } from './form';
import { parameterValue } from './parameters';
import { SECRET_PARAMETERS, SECRET_SOURCE_FIELD, typedSecretTexts } from './secretModel';
import { releaseSecrets, secretsReadBy } from './secrets';
import { checkChosenByAuthor, checkDestructiveAllowed, checkSecretsByReference, isToolMode, toolModeError, toolSummary } from './toolMode';
import { InputProblem, numberFrom, SetProblem } from './validation';

/** The AWS client and SDK module, built on first call and then reused for every item. */
export type ServiceProvider<Service> = () => Promise<Service>;

/**
 * One operation: the fields it shows (next to its code, in form order), the fields that name the
 * connections an item works on (its concurrency keys), and what it does for one item. It validates
 * its input before it asks for the service, so bad input never causes an AWS call (not even STS).
 */
export interface Operation<Service> {
	description: readonly INodeProperties[];
	/** Names of fields in `description`: two items whose values match are never in flight at once. */
	keys?: readonly string[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		service: ServiceProvider<Service>,
	): Promise<IDataObject | IDataObject[]>;
}

/** Turns any failure into the node error to report for an item (secrets redacted, `secrets` too). */
export type NodeErrorOf = (error: unknown, itemIndex: number, secrets?: string[]) => NodeOperationError | NodeApiError;

/**
 * An operation on the whole input at once (Reconcile: all items are one desired set). It pairs its
 * output items itself and honours Continue On Fail itself; the router still builds the service
 * once, redacts secrets from errors and releases the client.
 */
export interface SetOperation<Service> {
	description: readonly INodeProperties[];
	executeSet(this: IExecuteFunctions, service: ServiceProvider<Service>, nodeError: NodeErrorOf): Promise<INodeExecutionData[]>;
}

type AnyOperation<Service> = Operation<Service> | SetOperation<Service>;

const isSetOperation = <Service>(operation: AnyOperation<Service>): operation is SetOperation<Service> => 'executeSet' in operation;

/** Every operation's keys must be names its own description knows (see OperationKeys). */
type KeysChecked<T> = {
	[Name in keyof T]: T[Name] extends { description: infer Fields extends readonly INodeProperties[] } ? { keys?: OperationKeys<Fields> } : never;
};

/** A resource's operations, each one's `keys` checked by the type system against its own fields. */
export function checkedOperations<Service>() {
	return <T extends Record<string, AnyOperation<Service>>>(operations: T & KeysChecked<T>): Record<string, AnyOperation<Service>> => operations;
}

/** Builds the service on first call only; `built()` is what was built, if anything. */
function once<T>(factory: () => Promise<T>) {
	let pending: Promise<T> | undefined;
	const get = async () => {
		pending ??= factory().catch((error: unknown) => {
			pending = undefined;
			throw error;
		});
		return await pending;
	};
	return Object.assign(get, { built: async () => await pending?.catch(() => undefined) });
}

/** An SDK client keeps its sockets open (keep-alive) until destroyed: release them after the run. */
async function release(service: { built(): Promise<unknown> }) {
	const built = (await service.built()) as { client?: { destroy?: () => void } } | undefined;
	built?.client?.destroy?.();
}

/** The secrets typed into the item's parameters, as the secret model places them (read when the item failed, and in tool mode to refuse them). */
function typedSecrets(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const parameters: Record<string, unknown> = {};
	for (const name of [SECRET_SOURCE_FIELD, ...SECRET_PARAMETERS]) {
		try {
			parameters[name] = ctx.getNodeParameter(name, itemIndex, undefined) as unknown;
		} catch {
			// An expression that fails holds no typed secret.
		}
	}
	return typedSecretTexts(parameters);
}

function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, secrets: string[], fields: readonly INodeProperties[] = []) {
	const node = ctx.getNode();
	const toolMode = isToolMode(ctx);
	if (error instanceof InputProblem) return toolMode ? toolModeError(node, error, fields) : inputError(node, itemIndex, error.field, error.problem);
	if (error instanceof SetProblem) return new NodeOperationError(node, redact(error.message, secrets), { itemIndex: error.itemIndex });
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		error.message = redact(error.message, secrets);
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return toolMode ? toolModeError(node, error) : error;
	}
	const apiError = toNodeApiError(node, error, itemIndex, secrets);
	return toolMode ? toolModeError(node, apiError) : apiError;
}

/**
 * Turns the names an item works on (the values of its operation's key fields) into its concurrency
 * keys, e.g. scoped to a Data Catalog; two items sharing a key are never in flight at once.
 */
export type KeyScope = (ctx: IExecuteFunctions, itemIndex: number, names: string[]) => string[];

/**
 * Version 1 ran one item at a time and keeps doing so; from 1.1 the default is 10 in flight, like
 * Terraform's parallelism. A value set in Options wins in every version.
 */
export function concurrencyOf(ctx: IExecuteFunctions): number {
	const node = ctx.getNode();
	const fallback = node.typeVersion >= 1.1 ? 10 : 1;
	const value = numberFrom(ctx.getNodeParameter('options.concurrency', 0, fallback));
	if (!Number.isInteger(value) || value < MIN_CONCURRENCY || value > MAX_CONCURRENCY) {
		throw inputError(node, 0, 'Concurrency', `must be a whole number from ${MIN_CONCURRENCY} to ${MAX_CONCURRENCY}`);
	}
	return value;
}

/**
 * The per-item loop of both nodes: runs the chosen operation for every input item, with up to the
 * Concurrency option's number of items in flight, pairs each output with its input item (output
 * in input order), and with "Continue On Fail" turns a failure into an error item. Without it the
 * first failing item (in input order) fails the node: nothing new starts, what is in flight is
 * awaited. The service (AWS client and SDK module) is built on first use, once per execution and
 * shared by every item, and its client is destroyed after the last item, so no socket outlives the run.
 */
export async function runPerItem<Service>(
	ctx: IExecuteFunctions,
	operation: Operation<Service>,
	getService: () => Promise<Service>,
	scope?: KeyScope,
): Promise<INodeExecutionData[][]> {
	const limit = concurrencyOf(ctx);
	const service = once(getService);
	const itemKeys = keysOf(ctx, operation, scope);
	try {
		const perItem = await runBounded({
			count: ctx.getInputData().length,
			limit,
			keysOf: (itemIndex) => keysOrNone(itemKeys, itemIndex),
			run: async (itemIndex) => await runItem(ctx, operation, service, itemIndex),
		});
		return [perItem.flat()];
	} finally {
		await release(service);
		await releaseSecrets(ctx);
	}
}

/**
 * An operation's result as output items paired with their input item, as n8n's
 * returnJsonArray + constructExecutionMetaData make them. One result (most operations) is one
 * item, not a list of one: the run holds every item's result until the last, and a list per item
 * would grow the heap by more than the output itself.
 */
function pairedOutput(ctx: IExecuteFunctions, result: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData | INodeExecutionData[] {
	if (!Array.isArray(result) && !result?.json) return { json: result, pairedItem: { item: itemIndex } };
	return ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(result), { itemData: { item: itemIndex } });
}

/** A whole-set operation: one call for all items, with the same service, redaction and clean-up. */
async function runWholeSet<Service>(
	ctx: IExecuteFunctions,
	operation: SetOperation<Service>,
	getService: () => Promise<Service>,
): Promise<INodeExecutionData[][]> {
	const service = once(getService);
	const nodeError: NodeErrorOf = (error, itemIndex, secrets = []) =>
		toNodeError(ctx, error, itemIndex, [...typedSecrets(ctx, itemIndex), ...secretsReadBy(ctx), ...secrets]);
	try {
		return [await operation.executeSet.call(ctx, service, nodeError)];
	} catch (error) {
		throw nodeError(error, (error as { context?: { itemIndex?: number } }).context?.itemIndex ?? 0);
	} finally {
		await release(service);
		await releaseSecrets(ctx);
	}
}

/** An item whose names cannot be read (a failing expression) fails in its own run: no key then. */
function keysOrNone(itemKeys: (itemIndex: number) => string[], itemIndex: number): string[] {
	try {
		return itemKeys(itemIndex);
	} catch {
		return [];
	}
}

/** The Name of a JSON Definition (an object, or its text), as a key; none when it has no text Name. */
function definitionName(value: unknown): string[] {
	let definition = value;
	if (typeof value === 'string') {
		try {
			definition = JSON.parse(value);
		} catch {
			return [];
		}
	}
	const name = definition && typeof definition === 'object' ? (definition as { Name?: unknown }).Name : undefined;
	return typeof name === 'string' && name.trim() ? [name.trim()] : [];
}

/** The trimmed, non-empty values of the operation's key fields for one item, scoped (a JSON Definition's Name too). */
function keysOf<Service>(ctx: IExecuteFunctions, operation: Operation<Service>, scope: KeyScope = (_, __, names) => names) {
	const stored = ctx.getNode().parameters;
	const fields = (operation.keys ?? [])
		.map((name) => operation.description.find((field) => field.name === name) as INodeProperties)
		// A JSON Definition the node does not hold (its form is used) is not read per item.
		.filter((field) => field.type !== 'json' || field.name in stored);
	return (itemIndex: number): string[] => {
		if (!fields.length) return [];
		const names = fields.flatMap((field) => {
			const value = parameterValue(ctx, itemIndex, field.name, null, field.type === 'resourceLocator', true);
			if (field.type === 'json') return definitionName(value);
			return typeof value === 'string' && value.trim() ? [value.trim()] : [];
		});
		return scope(ctx, itemIndex, names);
	};
}

/** One item: its output items paired with it, or (with Continue On Fail) one error item. */
async function runItem<Service>(
	ctx: IExecuteFunctions,
	operation: Operation<Service>,
	service: ServiceProvider<Service>,
	itemIndex: number,
): Promise<INodeExecutionData | INodeExecutionData[]> {
	try {
		return pairedOutput(ctx, await operation.execute.call(ctx, itemIndex, service), itemIndex);
	} catch (error) {
		const secrets = [...typedSecrets(ctx, itemIndex), ...secretsReadBy(ctx)];
		const nodeError = toNodeError(ctx, error, itemIndex, secrets, operation.description);
		if (!ctx.continueOnFail()) throw nodeError;
		const json: IDataObject = { error: nodeError.message };
		if (nodeError.description) json.description = nodeError.description;
		return { json, pairedItem: { item: itemIndex } };
	}
}

/** A node's execute(): runs the operation the user chose, per item, with one service for all items. */
export async function routeOperation<Service>(
	ctx: IExecuteFunctions,
	operations: Record<string, AnyOperation<Service>>,
	getService: () => Promise<Service>,
	scope?: KeyScope,
	/** The node's one view of a connection, for a tool's compact answer (toolSummary). */
	toolView?: (json: IDataObject) => IDataObject,
): Promise<INodeExecutionData[][]> {
	try {
		checkChosenByAuthor(ctx);
		const operationName = ctx.getNodeParameter('operation', 0) as string;
		const operation = operations[operationName];
		if (!operation) {
			throw new NodeOperationError(ctx.getNode(), `The operation "${operationName}" is not supported`);
		}
		// A whole-set operation applies its own tool-mode guard rails (Reconcile: Apply and Remove Extras).
		if (isSetOperation(operation)) return await runWholeSet(ctx, operation, getService);
		if (!isToolMode(ctx)) return await runPerItem(ctx, operation, getService, scope);
		checkDestructiveAllowed(ctx, `Operation "${operationName}"`);
		return await runPerItem(ctx, asTool(operation, toolView), getService, scope);
	} catch (error) {
		throw withMaskedNode(error, maskedNode(ctx.getNode()));
	}
}

/**
 * An operation as a tool runs it (nodes/shared/toolMode.ts): secrets only by reference, and a
 * compact answer for the model (list operations bound and summarise their own answer).
 */
function asTool<Service>(operation: Operation<Service>, view?: (json: IDataObject) => IDataObject): Operation<Service> {
	return {
		...operation,
		async execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<Service>) {
			checkSecretsByReference(this, typedSecrets(this, itemIndex));
			const result = await operation.execute.call(this, itemIndex, service);
			return Array.isArray(result) ? result.map((json) => ('returned' in json ? json : toolSummary(json, view))) : toolSummary(result, view);
		},
	};
}

/** n8n stores the node an error carries in the execution: let it be a copy without secrets. */
function withMaskedNode(error: unknown, node: INode): NodeOperationError | NodeApiError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return Object.assign(error, { node });
	return new NodeOperationError(node, error as Error);
}
