import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { takesList } from './keyValue';
import { fail } from './validation';

type Described = Pick<INodeProperties, 'name' | 'type' | 'displayName'> & { default?: unknown; options?: unknown[]; values?: unknown[] };

/** What kind of value an expression gave, for a message that never echoes the value itself. */
function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : String(value);
	if (typeof value === 'string') return 'text';
	return String(value);
}

const isText = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const member = (list: unknown[] | undefined, name: string) =>
	(list ?? []).find((entry): entry is Described => isPlainObject(entry) && entry.name === name && 'type' in entry);

/** "true" / "false" from an expression, as n8n's own nodes read them. */
function asBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	return text === 'true' ? true : text === 'false' ? false : undefined;
}

/**
 * The value in the type its field declares, or an InputProblem. Expressions can give any type: an
 * object where text is expected would otherwise be dropped silently (or sent as "[object Object]"),
 * and "yes" where true/false is expected read as false. A value is either used as given or refused
 * here, never lost. Numbers are accepted for text fields (sent as text), "true"/"false" for
 * true/false fields and numeric text for number fields; null means "not set".
 */
function normalize(value: unknown, field: Described, label: string, where = ''): unknown {
	if (value === null || value === undefined) return value;
	const refuse = (expected: string) => fail(label, `${where}${where ? `${field.displayName} ` : ''}must be ${expected}, not ${kindOf(value)}`);
	switch (field.type) {
		case 'string':
		case 'options':
		case 'resourceLocator':
			if (Array.isArray(value) && takesList(field.name)) return value.every(isText) ? value : refuse('a list of text');
			return isText(value) ? value : refuse('text');
		case 'multiOptions':
			return Array.isArray(value) && value.every(isText) ? value : refuse('a list of text');
		case 'boolean':
			return asBoolean(value) ?? refuse('true or false');
		case 'number':
			if (typeof value === 'number' && Number.isFinite(value)) return value;
			return typeof value === 'string' && value.trim() && Number.isFinite(Number(value)) ? Number(value) : refuse('a number');
		case 'collection':
			if (!isPlainObject(value)) return refuse('a set of fields');
			return Object.fromEntries(
				Object.entries(value).map(([name, given]) => {
					const option = member(field.options, name);
					return [name, option ? normalize(given, option, option.displayName) : given];
				}),
			);
		case 'fixedCollection':
			if (!isPlainObject(value)) return refuse('a list of entries');
			return Object.fromEntries(Object.entries(value).map(([name, given]) => [name, normalizeRows(given, field, name, label)]));
		default:
			return value;
	}
}

/** The rows of one group of a fixedCollection (a list, or one row without multipleValues). */
function normalizeRows(given: unknown, field: Described, groupName: string, label: string): unknown {
	const group = (field.options ?? []).find((entry) => isPlainObject(entry) && entry.name === groupName) as Described | undefined;
	if (!group) return given;
	const row = (value: unknown, index: number) => {
		if (!isPlainObject(value)) return fail(label, `entry ${index + 1} must be a set of fields, not ${kindOf(value)}`);
		return Object.fromEntries(
			Object.entries(value).map(([key, cell]) => {
				const cellField = member(group.values, key);
				return [key, cellField ? normalize(cell, cellField, label, `entry ${index + 1}: `) : cell];
			}),
		);
	};
	return Array.isArray(given) ? given.map(row) : row(given, 0);
}


/**
 * What one execution knows about its node's parameters: the stored values (n8n keeps only those
 * the chosen operation and type show, with their defaults), and the values already read of the
 * parameters that hold no expression, which are the same for every item.
 */
interface ExecutionParameters {
	stored: Record<string, unknown> | undefined;
	storedNames: Set<string> | undefined;
	constant: Map<string, unknown>;
	/** Checked values of the constant parameters (see readParameters), also read once. */
	checked: Map<string, unknown>;
	/** Per-item values read ahead (to schedule the item), handed to the item's own first read. */
	readAhead: Map<string, unknown>;
	/** Per list of fields (an operation's description), what readParameters reads for each item. */
	plans: WeakMap<readonly Described[], ReadPlan>;
	/** Per list of fields whose only per-item value is the name, the mapping the items share (see mappedOncePerName). */
	sharedMappings: WeakMap<readonly Described[], SharedMapping<unknown>>;
	/** Per list of fields, whether the name is its only field holding an expression. */
	onlyNameVaries: WeakMap<readonly Described[], boolean>;
}

/**
 * What readParameters reads of one list of fields for each item: the checked values of its
 * constant fields, and the stored fields holding an expression (read for each item, in order). A
 * description lists every field of every type (about 100 for a Glue create), of which an item
 * only needs the few n8n stored. A name is constant or not in all its fields (n8n stores one value).
 */
interface ReadPlan {
	constants: Record<string, unknown>;
	perItem: Described[];
}

const perExecution = new WeakMap<object, ExecutionParameters>();

function executionParameters(ctx: IExecuteFunctions): ExecutionParameters {
	let known = perExecution.get(ctx);
	if (!known) {
		// getNode() copies the node: once per execution, never per item.
		const stored = typeof ctx.getNode === 'function' ? (ctx.getNode()?.parameters as Record<string, unknown> | undefined) : undefined;
		known = { stored, storedNames: stored && new Set(Object.keys(stored)), constant: new Map(), checked: new Map(), readAhead: new Map(), plans: new WeakMap(), sharedMappings: new WeakMap(), onlyNameVaries: new WeakMap() };
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

const cacheKey = (name: string, extractValue: boolean) => (extractValue ? `${name}\u0000extract` : name);

/**
 * One parameter of one item. A parameter without an expression is resolved once per execution
 * and shared by every item, frozen: the mapping functions are pure and never change their input.
 * With `readAhead`, an expression's value is kept for the item's next read of it, so that reading
 * a name to schedule the item does not evaluate the expression twice.
 */
export function parameterValue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	fallback: unknown,
	extractValue = false,
	readAhead = false,
): unknown {
	const known = executionParameters(ctx);
	const key = cacheKey(name, extractValue);
	if (known.constant.has(key)) return known.constant.get(key);
	const itemKey = `${key}\u0000${itemIndex}`;
	if (known.readAhead.has(itemKey)) {
		const value = known.readAhead.get(itemKey);
		known.readAhead.delete(itemKey);
		return value;
	}
	// n8n's own check (validateType, which no field of ours declares) would search the node's ~200
	// properties for every read: normalize checks each value against its field instead.
	const value = ctx.getNodeParameter(name, itemIndex, fallback as never, { extractValue, skipValidation: true }) as unknown;
	const topLevel = name.split('.')[0];
	if (known.stored && topLevel in known.stored && !holdsExpression(known.stored[topLevel])) {
		known.constant.set(key, deepFreeze(value));
	} else if (readAhead) {
		known.readAhead.set(itemKey, value);
	}
	return value;
}

/**
 * Reads the named parameters of one item into a plain object for the pure mapping functions, each
 * checked against its field's type (see normalize). Only the parameters n8n kept for the chosen
 * operation and type are read (the rest are hidden by displayOptions, and n8n drops them), so a
 * hidden field is simply absent, and costs nothing. A parameter without an expression is checked
 * once per execution, like it is read once.
 */
export function readParameters(ctx: IExecuteFunctions, itemIndex: number, fields: readonly Described[]): Record<string, unknown> {
	const known = executionParameters(ctx);
	const plan = known.plans.get(fields);
	if (!plan) return readAndPlan(ctx, itemIndex, fields, known);
	const bag: Record<string, unknown> = { ...plan.constants };
	for (const field of plan.perItem) if (!(field.name in bag)) readField(bag, ctx, itemIndex, field, known);
	return bag;
}

/** One field of one item into the bag, checked (once per execution for a constant); absent when not set. */
function readField(bag: Record<string, unknown>, ctx: IExecuteFunctions, itemIndex: number, field: Described, known: ExecutionParameters): void {
	const { name, type } = field;
	if (known.checked.has(name)) {
		bag[name] = known.checked.get(name);
		return;
	}
	// A fallback of null (undefined means "no fallback" to n8n): hidden fields come back as null.
	const value = parameterValue(ctx, itemIndex, name, null, type === 'resourceLocator');
	if (value === null || value === undefined) return;
	bag[name] = normalize(value, field, field.displayName);
	if (known.constant.has(cacheKey(name, type === 'resourceLocator'))) known.checked.set(name, deepFreeze(bag[name]));
}

/**
 * The first read of a list of fields in an execution: reads them in order like any item, and
 * keeps the plan for the next items only once every field was read and checked (a field refused
 * here is refused again, for each item, naming it). Left out of the plan: fields n8n did not
 * store, and constants not set or already in the bag, which every item would skip.
 */
function readAndPlan(ctx: IExecuteFunctions, itemIndex: number, fields: readonly Described[], known: ExecutionParameters): Record<string, unknown> {
	const bag: Record<string, unknown> = {};
	const plan: ReadPlan = { constants: {}, perItem: [] };
	for (const field of fields) {
		const { name, type } = field;
		if ((known.storedNames && !known.storedNames.has(name)) || name in plan.constants) continue;
		if (name in bag) {
			// After a field of the same name holding an expression: read when that one is not set.
			plan.perItem.push(field);
			continue;
		}
		readField(bag, ctx, itemIndex, field, known);
		if (!known.constant.has(cacheKey(name, type === 'resourceLocator'))) plan.perItem.push(field);
		else if (name in bag) plan.constants[name] = bag[name];
	}
	known.plans.set(fields, plan);
	return bag;
}

/** A resource locator's value (its name), trimmed; a value that is not text is refused. */
export function locatorValue(ctx: IExecuteFunctions, itemIndex: number, name = 'connection', label = 'Connection'): string {
	const value = parameterValue(ctx, itemIndex, name, '', true);
	const field: Described = { name, type: 'resourceLocator', displayName: label, default: '' };
	normalize(value, field, label);
	return typeof value === 'string' ? value.trim() : String(value ?? '');
}

const NAME = 'name';

/** Whether, in this execution, `name` is the only field of the list whose stored value holds an expression. */
function onlyNameVaries(known: ExecutionParameters, fields: readonly Described[]): boolean {
	let answer = known.onlyNameVaries.get(fields);
	if (answer === undefined) {
		const { stored } = known;
		answer = !!stored && fields.every((field) => field.name === NAME || !(field.name in stored) || !holdsExpression(stored[field.name]));
		known.onlyNameVaries.set(fields, answer);
	}
	return answer;
}


/**
 * An item's request mapped from its parameters (`map`: validation, mapping, secrets read). In the
 * usual bulk flow (one form, the names from the input) the name is the only parameter that differs
 * from item to item: then the mapping is made once per execution, frozen, and each item gets it
 * under its own name from `rename` (which checks the name as the mapping does). A shared mapping
 * that failed (for the item whose name it was made with) is not shared: the next item maps its own.
 */
export async function mappedOncePerName<T>(ctx: IExecuteFunctions, fields: readonly Described[], map: () => Promise<T>, rename: (shared: T) => T): Promise<T> {
	const known = executionParameters(ctx);
	if (!onlyNameVaries(known, fields)) return await map();
	const shared = known.sharedMappings.get(fields) as SharedMapping<T> | undefined;
	// Once made, the mapping is handed out without waiting on its promise again.
	if (shared?.made) return rename(shared.made.value);
	if (shared) {
		const made = await shared.pending.then(
			(value) => ({ value }),
			() => undefined,
		);
		if (made) return rename(made.value);
	}
	const own: SharedMapping<T> = { pending: map().then(deepFreeze) };
	known.sharedMappings.set(fields, own);
	// Settles before the caller resumes: the next items find the mapping made, or none after a failure.
	own.pending.then(
		(value) => {
			own.made = { value };
		},
		() => {
			if (known.sharedMappings.get(fields) === own) known.sharedMappings.delete(fields);
		},
	);
	return await own.pending;
}

interface SharedMapping<T> {
	pending: Promise<T>;
	made?: { value: T };
}
