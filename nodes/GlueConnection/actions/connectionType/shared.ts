import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { concurrencyOptions, optionalSettings, retryFields } from '../../../shared/descriptions';
import { namedField } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import { checkLength, checkPattern, required } from '../../../shared/validation';

// DescribeConnectionType / DeleteConnectionType: a single-line string of 1 to 255 characters.
const SINGLE_LINE = /^[\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}\t]*$/u;

/** The connection type to read or delete: From List (ListConnectionTypes) or By Name. */
export const connectionTypeLocator = (description: string) =>
	namedField({
	displayName: 'Connection Type',
	name: 'connectionTypeName',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a connection type...',
			typeOptions: { searchListMethod: 'searchConnectionTypes', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. SNOWFLAKE',
			validation: [{ type: 'regex', properties: { regex: '^.{1,255}$', errorMessage: 'A connection type has 1 to 255 characters' } }],
		},
	],
	});

/** Every Connection Type operation's Options: items at once, and how often and how long AWS is asked again. */
export const optionsField = optionalSettings('Option', [...concurrencyOptions(), ...retryFields]);

/** The connection type an item names in its locator, validated before any call. */
export function locatedType(ctx: IExecuteFunctions, itemIndex: number, fields: readonly INodeProperties[]): string {
	return connectionTypeName(readParameters(ctx, itemIndex, fields).connectionTypeName);
}

/** A connection type name as the API accepts it. */
export function connectionTypeName(value: unknown, field = 'Connection Type'): string {
	const name = checkLength(required(value, field), field, 1, 255);
	return checkPattern(name, field, SINGLE_LINE, 'a single line of text');
}
