import type { INodeProperties } from 'n8n-workflow';

import { DEFINITION_FIELD } from './definitionJson';
import { type NamedField, namedField } from './form';

/**
 * The fields of Reconcile (both nodes), and the choice between the form's fields and a JSON
 * Definition (contract 2) that Create can show as well. Descriptions only: nothing runs here.
 */
export const DEFINITION_FROM = 'definitionFrom';
export const FROM_FIELDS = 'fields';
export const FROM_JSON = 'json';
export const DEFINITION_JSON = 'definitionJson' as const;
export const RECONCILE = 'reconcile';

/** "Fields Below" or "Definition (JSON)", and the JSON field (an operation lists them where it shows them). */
export function definitionFromFields(example: string): [INodeProperties, NamedField<typeof DEFINITION_JSON>] {
	return [
		{
			displayName: 'Definition From',
			name: DEFINITION_FROM,
			type: 'options',
			default: FROM_FIELDS,
			description: 'Whether each item describes its connection with the fields below or as one JSON Definition in the AWS API request shape',
			options: [
				{ name: 'Fields Below', value: FROM_FIELDS, description: 'The same fields as Create, with an expression per item' },
				{
					name: DEFINITION_FIELD,
					value: FROM_JSON,
					description: 'One request as the AWS API takes it (what Get Many "As Definitions" exports); secrets as {"$secret": …} references',
				},
			],
		},
		// Named for the type system: Create's concurrency keys include it (a definition's Name).
		namedField({
			displayName: DEFINITION_FIELD,
			name: DEFINITION_JSON,
			type: 'json',
			default: '{}',
			required: true,
			typeOptions: { rows: 6 },
			description: `The connection, e.g. ${example}. A secret is a reference: {"$secret": {"secretsManager": "name or ARN", "jsonKey": "password"}} or {"$secret": {"credential": "password"}}.`,
			displayOptions: { show: { [DEFINITION_FROM]: [FROM_JSON] } },
		}),
	];
}

/** Hides the form's definition fields while a JSON Definition is chosen. */
export const hiddenForJson = { hide: { [DEFINITION_FROM]: [FROM_JSON] } };

/** Reconcile's own fields, shown before the definition. `scopeHint` (a sentence) says what else bounds the scope. */
export function reconcileFields(scopeHint: string): INodeProperties[] {
	return [
		{
			displayName: `All input items together are the desired set: one connection per item. Plan (the default) only reads; Apply writes the plan. Connections outside the scope are never read or changed. ${scopeHint}`,
			name: 'reconcileNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Scope: Name Prefix',
			name: 'scopePrefix',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. prod-orders-',
			description: 'Only connections whose name starts with this are read, compared, changed or removed; a desired connection outside it is an error',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			default: 'plan',
			options: [
				{ name: 'Plan', value: 'plan', description: 'Read only: one item per connection with its action and differences, and the plan fingerprint' },
				{ name: 'Apply', value: 'apply', description: 'Write the plan: create, update and (with Remove Extras) delete' },
			],
		},
		{
			displayName: 'Remove Extras',
			name: 'removeExtras',
			type: 'boolean',
			default: false,
			description: 'Whether connections in the scope that no item names are deleted. Off: they are reported as "keep".',
		},
		{
			displayName: 'Max Deletions',
			name: 'maxDeletions',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			description: 'An apply that would delete more connections than this stops before writing anything',
			displayOptions: { show: { removeExtras: [true] } },
		},
		{
			displayName: 'Expected Plan Fingerprint',
			name: 'expectedPlanFingerprint',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $("Plan").first().json.planFingerprint }}',
			description:
				'The planFingerprint of the plan a person approved. The apply then writes only what that plan listed; if AWS or the desired set changed so that any write differs, it stops before writing anything.',
			displayOptions: { show: { mode: ['apply'] } },
		},
		{
			displayName: 'Rewrite Secrets',
			name: 'rewriteSecrets',
			type: 'boolean',
			default: false,
			description:
				'Whether every connection whose definition carries a secret is written on each apply (rotation). AWS never returns secrets, so otherwise a connection that differs only in a secret is "unchanged".',
		},
	];
}

/**
 * The form's definition fields, hidden while a JSON Definition is chosen (the choice is shown only
 * where an operation lists it, so elsewhere they show as they always have).
 */
export function hiddenWhileJson<Field extends INodeProperties>(fields: readonly Field[]): Field[] {
	return fields.map((field) => ({ ...field, displayOptions: { ...field.displayOptions, hide: { ...field.displayOptions?.hide, ...hiddenForJson.hide } } }));
}
