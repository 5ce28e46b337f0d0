import type { INodeProperties } from 'n8n-workflow';

import { checkMaxItems, fail, str } from './validation';

/** The value n8n stores for a key/value fixedCollection built by keyValueCollection(). */
export interface KeyValueCollection {
	pairs?: Array<{ key?: unknown; value?: unknown; isValueSecret?: unknown }>;
}

export interface KeyValueEntry {
	key: string;
	value: string;
	isValueSecret?: boolean;
}

/** An n8n fixedCollection of key/value rows; withSecretFlag adds a "Value Is Secret" toggle. */
export function keyValueCollection(options: {
	name: string;
	displayName: string;
	description: string;
	keyPlaceholder?: string;
	valuePlaceholder?: string;
	valueIsPassword?: boolean;
	withSecretFlag?: boolean;
	displayOptions?: INodeProperties['displayOptions'];
}): INodeProperties {
	const values: INodeProperties[] = [
		{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: options.keyPlaceholder },
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			placeholder: options.valuePlaceholder,
			typeOptions: options.valueIsPassword ? { password: true } : undefined,
		},
	];
	if (options.withSecretFlag) {
		values.push({
			displayName: 'Value Is Secret',
			name: 'isValueSecret',
			type: 'boolean',
			default: false,
			description: 'Whether AWS stores the value as a secret that is never returned',
		});
	}
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Entry',
		default: {},
		description: options.description,
		displayOptions: options.displayOptions,
		options: [{ displayName: 'Entry', name: 'pairs', values }],
	};
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Rows of a key/value collection, with empty and duplicate keys refused. */
export function toEntries(collection: unknown, field: string, maxItems = Infinity): KeyValueEntry[] {
	const rows = (collection as KeyValueCollection | undefined)?.pairs ?? [];
	const seen = new Set<string>();
	const entries = rows.map((row, index) => {
		const key = str(row.key);
		if (!key) fail(field, `entry ${index + 1} has no key`);
		// Such keys would set an object's prototype instead of a property: the entry would be lost.
		if (RESERVED_KEYS.has(key)) fail(field, `entry ${index + 1} has the key "${key}", which cannot be used`);
		if (seen.has(key)) fail(field, `key "${key}" appears more than once`);
		seen.add(key);
		const entry: KeyValueEntry = { key, value: typeof row.value === 'string' ? row.value : str(row.value) };
		if (row.isValueSecret !== undefined) entry.isValueSecret = row.isValueSecret === true;
		return entry;
	});
	return checkMaxItems(entries, field, maxItems);
}

/** A key/value collection as an AWS string map, or undefined when it is empty. */
export function toStringMap(collection: unknown, field: string, maxItems = Infinity): Record<string, string> | undefined {
	const entries = toEntries(collection, field, maxItems);
	return entries.length ? Object.fromEntries(entries.map(({ key, value }) => [key, value])) : undefined;
}

const LIST_FIELDS = new Set<string>();

/** Declares a text field that also takes a list from an expression (read with toList). */
export function listField<T extends Pick<INodeProperties, 'name'>>(field: T): T {
	LIST_FIELDS.add(field.name);
	return field;
}

/** Whether the named field was declared with listField(). */
export const takesList = (name: string) => LIST_FIELDS.has(name);

/** A list field that takes an array, or a comma- or newline-separated string. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(str) : str(value).split(/[\n,]/);
	return parts.map((part) => part.trim()).filter(Boolean);
}
