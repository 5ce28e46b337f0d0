import type { INodeProperties } from 'n8n-workflow';

/**
 * How a node's form is put together. Each operation file lists the fields it shows, in the order
 * it shows them (groups several operations share are imported by name, as in n8n's own nodes);
 * the resource's index builds the node's properties from those lists, each field once.
 */

/** A field whose name the type system knows, so that an operation's concurrency keys can name it. */
export type NamedField<Name extends string = string> = INodeProperties & { name: Name };

/** Keeps a field's name as a literal type (see OperationKeys). */
export function namedField<const Name extends string>(field: INodeProperties & { name: Name }): NamedField<Name> {
	return field;
}

/**
 * The names of the fields in an operation's list whose names the type system knows: an operation's
 * `keys` must be among them, so renaming or dropping a name field is a compile error, not a silent
 * loss of per-connection ordering. The list must keep its element types (`[...] as const`).
 */
export type OperationKeys<Fields extends readonly INodeProperties[]> = ReadonlyArray<
	Fields[number] extends infer Field ? (Field extends { name: infer Name extends string } ? (string extends Name ? never : Name) : never) : never
>;

type DisplayConditions = NonNullable<INodeProperties['displayOptions']>;

/**
 * The properties of one resource: its Operation field, then every field any operation lists, once,
 * shown for exactly the operations that list it (a field's own other conditions kept). The order
 * keeps each operation's own order; where two operations leave it open, the field listed first
 * (operations taken in the order given) comes first. A field is one object: two fields of the same
 * name (e.g. a variant for Update) are two entries, as n8n expects them.
 */
export function resourceProperties(
	operationField: INodeProperties,
	operations: Record<string, { description: readonly INodeProperties[] }>,
	/** The resource's value, for a node with more than one resource. */
	resource?: string,
): INodeProperties[] {
	const shownFor = new Map<INodeProperties, string[]>();
	const predecessors = new Map<INodeProperties, Set<INodeProperties>>();
	for (const [operation, { description }] of Object.entries(operations)) {
		description.forEach((field, index) => {
			if (!shownFor.has(field)) {
				shownFor.set(field, []);
				predecessors.set(field, new Set());
			}
			const operationsOfField = shownFor.get(field) as string[];
			if (!operationsOfField.includes(operation)) operationsOfField.push(operation);
			if (index > 0 && description[index - 1] !== field) predecessors.get(field)?.add(description[index - 1]);
		});
	}
	// A topological order of "comes after" in every operation's list, the first-listed field first.
	const pending = [...shownFor.keys()];
	const ordered: INodeProperties[] = [];
	const placed = new Set<INodeProperties>();
	while (pending.length) {
		const next = pending.findIndex((field) => [...(predecessors.get(field) ?? [])].every((before) => placed.has(before)));
		if (next < 0) throw new Error(`The operations of ${resource ?? 'the node'} list the fields ${pending.map((field) => field.name).join(', ')} in contradicting orders`);
		const [field] = pending.splice(next, 1);
		placed.add(field);
		ordered.push(field);
	}
	return [
		operationField,
		...ordered.map((field) => {
			const own: DisplayConditions = field.displayOptions ?? {};
			// A field every operation shows needs no operation condition.
			const shownBy = shownFor.get(field) as string[];
			const operation = shownBy.length < Object.keys(operations).length ? { operation: shownBy } : {};
			const show = { ...own.show, ...(resource ? { resource: [resource] } : {}), ...operation };
			return Object.keys(show).length ? { ...field, displayOptions: { ...own, show } } : field;
		}),
	];
}
