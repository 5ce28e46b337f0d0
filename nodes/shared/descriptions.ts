import type { INodeProperties } from 'n8n-workflow';

import { type NamedField, namedField } from './form';
import {
	DEFAULT_MAX_ATTEMPTS,
	DEFAULT_MAX_RETRY_TIME,
	MAX_ATTEMPTS_LIMIT,
	MAX_ATTEMPTS_PARAMETER,
	MAX_RETRY_TIME_LIMIT,
	MAX_RETRY_TIME_PARAMETER,
	DEFAULT_REQUEST_TIMEOUT,
	REQUEST_TIMEOUT_LIMIT,
	REQUEST_TIMEOUT_PARAMETER,
	TEST_CONNECTION_TIMEOUT,
} from './transport/retry';

/**
 * Orders options by name, ignoring case. Not localeCompare: these lists are sorted when n8n loads
 * the node file at start-up, and the first localeCompare call loads ICU's collator (about 10 ms).
 */
export function byName(a: { name: string }, b: { name: string }): number {
	const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Return All / Limit, the n8n pair for list operations. */
export function returnAllAndLimit(maxLimit: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: maxLimit },
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** A resource locator for an existing connection: From List (searchable) or By Name. */
export function connectionLocator(options: {
	searchListMethod: string;
	namePattern: string;
	namePatternHint: string;
	description?: string;
}): NamedField<'connection'> {
	return namedField({
		displayName: 'Connection',
		name: 'connection',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description ?? 'The connection to work on',
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
	});
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

type Option = NonNullable<INodeProperties['options']>[number];

/** A "collection" of optional settings: Filters, Options, or (kind "Field") Additional Fields named `name`. */
export function optionalSettings(kind: 'Filter' | 'Option' | 'Field', options: Option[], name?: string): INodeProperties {
	return {
		displayName: kind === 'Field' ? 'Additional Fields' : `${kind}s`,
		name: name ?? (kind === 'Field' ? 'additionalFields' : `${kind.toLowerCase()}s`),
		type: 'collection',
		placeholder: `Add ${kind}`,
		default: {},
		options,
	};
}

/** The Name of a new connection, on Create and Create or Update. */
export function newConnectionNameField(placeholder: string, description: string): NamedField<'name'> {
	return namedField({ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder, description });
}

/** Create or Update's options: a plan without writing, and what to do about secrets AWS never returns. */
export function createOrUpdateOptions(secretsDescription: string): INodeProperties[] {
	const onlyThere = { show: { '/operation': ['createOrUpdate'] } };
	return [
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only report what would change (a plan), without writing anything',
			displayOptions: onlyThere,
		},
		{
			displayName: 'Update When Secrets Are Given',
			name: 'updateWhenSecretsGiven',
			type: 'boolean',
			default: false,
			description: secretsDescription,
			displayOptions: onlyThere,
		},
	];
}

/**
 * The Operation field of a Connection resource: the operations both nodes have, plus the node's
 * own (including its Create and Update, whose descriptions differ), sorted by name.
 */
export function connectionOperationField(own: Array<{ name: string; value: string; action: string; description?: string }>): INodeProperties {
	const common = [
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			action: 'Create or update a connection',
			description: 'Create the connection, or update it only where it differs (safe to run on a schedule)',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a connection' },
		{ name: 'Get', value: 'get', action: 'Get a connection' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many connections' },
		{
			name: 'Reconcile',
			value: 'reconcile',
			action: 'Reconcile connections with a desired set',
			description: 'Make the connections in a scope equal to the input items: plan, then apply (create, update, remove extras)',
		},
	];
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connection'] } },
		default: 'createOrUpdate',
		options: [...common, ...own].sort(byName),
	};
}

/**
 * The Concurrency option of both nodes. Version 1 ran items one at a time and defaults to 1;
 * version 1.1 defaults to 10. One entry per version, so the editor offers the version's default.
 */
export function concurrencyOptions(): INodeProperties[] {
	type Versions = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>['@version'];
	const option = (defaultValue: number, versions: Versions): INodeProperties => ({
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		default: defaultValue,
		typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
		description:
			'How many items to work on at once (1 to 50). Items that name the same connection always run one after another, in input order.',
		displayOptions: { show: { '@version': versions } },
	});
	return [option(1, [1]), option(10, [{ _cnd: { gte: 1.1 } }])];
}

/** A retry option of both nodes: a whole number from 1, read once per run by transport/retry.ts (which explains the defaults). */
const retryOption = (displayName: string, name: string, defaultValue: number, maxValue: number, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: defaultValue,
	typeOptions: { minValue: 1, maxValue, numberPrecision: 0 },
	description,
});

const requestTimeoutField = retryOption(
	'Request Timeout',
	REQUEST_TIMEOUT_PARAMETER,
	DEFAULT_REQUEST_TIMEOUT,
	REQUEST_TIMEOUT_LIMIT,
	`Seconds to wait for AWS to answer one attempt of a request. An attempt that gets no answer in time is given up and sent again, within Max Attempts and Max Retry Time; a write whose answer was lost is then read back, so it is neither reported failed nor made twice. Glue's Test Connection waits at least ${TEST_CONNECTION_TIMEOUT / 60} minutes. The value of the first item applies to the whole run.`,
);

const maxAttemptsField = retryOption(
	'Max Attempts',
	MAX_ATTEMPTS_PARAMETER,
	DEFAULT_MAX_ATTEMPTS,
	MAX_ATTEMPTS_LIMIT,
	"How many times to send each AWS request before giving up, the first time included. Only faults that pass are retried (throttling, a 5xx, a dropped or unanswered attempt), each time after a longer wait, and the whole run slows down while AWS throttles; an error that cannot pass (access, validation, not implemented, a 5xx on every attempt) is not. The value of the first item applies to the whole run.",
);

const maxRetryTimeField = retryOption(
	'Max Retry Time',
	MAX_RETRY_TIME_PARAMETER,
	DEFAULT_MAX_RETRY_TIME,
	MAX_RETRY_TIME_LIMIT,
	"Seconds after the first attempt of an AWS request during which a fault that passes may still be retried; after that the last error is reported. Time spent waiting while the run is slowed down for throttling does not count. The value of the first item applies to the whole run.",
);

/** The options that bound every AWS request of a run; both nodes, every operation. */
export const retryFields: INodeProperties[] = [maxAttemptsField, maxRetryTimeField, requestTimeoutField];
