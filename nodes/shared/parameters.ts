import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * What one execution knows about its node's parameters: the stored values (n8n keeps only those
 * the chosen operation and type show, with their defaults), and the values already read of the
 * parameters that hold no expression, which are the same for every item.
 */
interface ExecutionParameters {
	stored: Record<string, unknown> | undefined;
	constant: Map<string, unknown>;
}

const perExecution = new WeakMap<object, ExecutionParameters>();

function executionParameters(ctx: IExecuteFunctions): ExecutionParameters {
	let known = perExecution.get(ctx);
	if (!known) {
		// getNode() copies the node: once per execution, never per item.
		const stored = typeof ctx.getNode === 'function' ? (ctx.getNode()?.parameters as Record<string, unknown> | undefined) : undefined;
		known = { stored, constant: new Map() };
		perExecution.set(ctx, known);
	}
	return known;
}

/** Whether a stored value is, or holds anywhere inside, an n8n expression ("=…"). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (!value || typeof value !== 'object') return false;
	return Object.values(value).some(holdsExpression);
}

/** Freezes a value and everything inside it, so that a shared value cannot be changed by mistake. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const member of Object.values(value)) deepFreeze(member);
	}
	return value;
}

/**
 * One parameter of one item. A parameter without an expression is resolved once per execution
 * and shared by every item, frozen: the mapping functions are pure and never change their input.
 */
export function parameterValue(ctx: IExecuteFunctions, itemIndex: number, name: string, fallback: unknown, extractValue = false): unknown {
	const { stored, constant } = executionParameters(ctx);
	const key = extractValue ? `${name}\u0000extract` : name;
	if (constant.has(key)) return constant.get(key);
	const value = ctx.getNodeParameter(name, itemIndex, fallback as never, { extractValue }) as unknown;
	const topLevel = name.split('.')[0];
	if (stored && topLevel in stored && !holdsExpression(stored[topLevel])) constant.set(key, deepFreeze(value));
	return value;
}

/**
 * Reads the named parameters of one item into a plain object for the pure mapping functions.
 * Only the parameters n8n kept for the chosen operation and type are read (the rest are hidden by
 * displayOptions, and n8n drops them), so a hidden field is simply absent, and costs nothing.
 */
export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: Array<Pick<INodeProperties, 'name' | 'type'>>,
): Record<string, unknown> {
	const { stored } = executionParameters(ctx);
	const bag: Record<string, unknown> = {};
	for (const { name, type } of fields) {
		if (name in bag || (stored && !(name in stored))) continue;
		// A fallback of null (undefined means "no fallback" to n8n): hidden fields come back as null.
		const value = parameterValue(ctx, itemIndex, name, null, type === 'resourceLocator');
		if (value !== null && value !== undefined) bag[name] = value;
	}
	return bag;
}

/** A resource locator's value (its name), trimmed. */
export function locatorValue(ctx: IExecuteFunctions, itemIndex: number, name = 'connection'): string {
	const value = parameterValue(ctx, itemIndex, name, '', true);
	return typeof value === 'string' ? value.trim() : String(value ?? '');
}
