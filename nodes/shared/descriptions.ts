import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Return All / Limit, the n8n pair for list operations. */
export function returnAllAndLimit(show: Show, maxLimit: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: maxLimit },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** A resource locator for an existing connection: From List (searchable) or By Name. */
export function connectionLocator(options: {
	show: Show;
	searchListMethod: string;
	namePattern: string;
	namePatternHint: string;
	description?: string;
}): INodeProperties {
	return {
		displayName: 'Connection',
		name: 'connection',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description ?? 'The connection to work on',
		displayOptions: { show: options.show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a connection...',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. sales-postgres',
				validation: [
					{
						type: 'regex',
						properties: { regex: options.namePattern, errorMessage: options.namePatternHint },
					},
				],
			},
		],
	};
}

type DisplayConditions = NonNullable<INodeProperties['displayOptions']>;

/**
 * Adds conditions to fields that may carry their own: `show` entries are merged (a field's own
 * keys stay, given keys are added), and so are `hide` entries.
 */
export function withDisplayOptions(fields: INodeProperties[], extra: DisplayConditions): INodeProperties[] {
	return fields.map((field) => {
		const own = field.displayOptions ?? {};
		const displayOptions: DisplayConditions = { ...own, show: { ...own.show, ...extra.show } };
		if (own.hide || extra.hide) displayOptions.hide = { ...own.hide, ...extra.hide };
		return { ...field, displayOptions };
	});
}
