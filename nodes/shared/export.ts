/**
 * Export: connections as definitions that Create and Reconcile accept as they are (AWS's request
 * shape, contract 2 in the team's contracts), for copying a fleet to another account or Region.
 * What each node keeps of AWS's answer lives in its own common/export.ts; this module holds what
 * both share: the secret placeholder, the values bound to an account or Region, and Replace Values.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { declarationAt, type SecretNode, withSecretsFilled } from './secretModel';
import { checkSecretId, fail, str } from './validation';

/** Where AWS returned no secret: the definition must get a reference before Create or Reconcile takes it. */
export const SECRET_REQUIRED = Object.freeze({ $secret: 'required' });
export const secretRequired = () => ({ $secret: 'required' as const });

/** What a value bound to an account or Region is, for the list on each exported item. */
export type BoundKind =
	| 'accountId'
	| 'arn'
	| 'availabilityZone'
	| 'kmsKey'
	| 'resourceConfiguration'
	| 'role'
	| 'secret'
	| 'securityGroup'
	| 'subnet';

export interface BoundValue {
	/** Where it sits in the definition, e.g. PhysicalConnectionRequirements.SubnetId. */
	path: string;
	kind: BoundKind;
	value: string;
	/** The value AWS had, when Replace Values changed it. */
	replaced?: string;
}

/** One connection as Export hands it on. */
export interface ExportedDefinition {
	name: string;
	definition: IDataObject;
	boundValues: BoundValue[];
	/** Paths holding the secret placeholder: each needs a reference before the definition is used. */
	secretsToSupply: string[];
}

/** A definition as Export hands it on: named, its bound values and the secrets it still needs listed. */
export function exportedDefinition(definition: IDataObject, boundPaths: Record<string, BoundKind>): ExportedDefinition {
	return { name: String(definition.Name), definition, boundValues: boundValuesOf(definition, boundPaths), secretsToSupply: placeholderPaths(definition) };
}

const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:/;
const ARN_KINDS: Record<string, BoundKind> = {
	iam: 'role',
	kms: 'kmsKey',
	secretsmanager: 'secret',
	'vpc-lattice': 'resourceConfiguration',
};

/** The kind of a value bound to an account or Region, from its path or its shape; undefined when it is not bound. */
export function boundKind(path: string, value: string, byPath: Record<string, BoundKind>): BoundKind | undefined {
	const known = byPath[path.replace(/\[\d+\]$/, '[]')];
	if (known) return known;
	const arn = ARN.exec(value);
	if (arn && (arn[2] || arn[3])) return ARN_KINDS[arn[1]] ?? 'arn';
	return undefined;
}

/** Every string leaf of a definition with its path (list members as `path[i]`), secret markers skipped. */
function stringLeaves(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
	if (typeof value === 'string') out.push([path, value]);
	else if (Array.isArray(value)) value.forEach((member, index) => stringLeaves(member, `${path}[${index}]`, out));
	else if (value && typeof value === 'object' && !('$secret' in value)) {
		for (const [key, member] of Object.entries(value)) stringLeaves(member, path ? `${path}.${key}` : key, out);
	}
	return out;
}

/** Pure: the values of a definition that are bound to an account or Region. */
export function boundValuesOf(definition: IDataObject, byPath: Record<string, BoundKind>): BoundValue[] {
	return stringLeaves(definition, '').flatMap(([path, value]) => {
		const kind = boundKind(path, value, byPath);
		return kind ? [{ path, kind, value }] : [];
	});
}

/** Paths of the secret placeholders in a definition. */
export function placeholderPaths(value: unknown, path = ''): string[] {
	if (Array.isArray(value)) return value.flatMap((member, index) => placeholderPaths(member, `${path}[${index}]`));
	if (!value || typeof value !== 'object') return [];
	if ((value as IDataObject).$secret === 'required') return [path];
	return Object.entries(value).flatMap(([key, member]) => placeholderPaths(member, path ? `${path}.${key}` : key));
}

/** The credential member (password, apiKey, clientSecret) the secret declaration gives the secret at a path, if any. */
export function declaredMember(node: SecretNode, path: string): string | undefined {
	return declarationAt(node, path)?.member;
}

/**
 * Pure: a copy with the placeholder at every declared secret whose holder the definition has:
 * AWS returns the holder (a type's auth parameters, a row marked IsValueSecret), never the secret.
 * Declarations whose last member is a pattern (a map of any keys) are left to the caller.
 */
export function withDeclaredPlaceholders(node: SecretNode, definition: IDataObject): IDataObject {
	return withSecretsFilled(node, definition, secretRequired);
}

export interface Replacement {
	from: string;
	to: string;
}

const REPLACE_FIELD = 'Replace Values';

/** Pure: the Replace Values rows, validated (a row without From is refused; rows with nothing set are skipped). */
export function readReplacements(value: unknown): Replacement[] {
	const rows = (value as { pairs?: unknown } | undefined)?.pairs;
	if (rows === undefined || rows === null || rows === '') return [];
	if (!Array.isArray(rows)) return fail(REPLACE_FIELD, 'must be a list of From / To rows');
	return rows.flatMap((row: unknown, index) => {
		const { from, to } = (row ?? {}) as { from?: unknown; to?: unknown };
		const [source, target] = [str(from), str(to)];
		if (!source && !target) return [];
		if (!source) fail(REPLACE_FIELD, `row ${index + 1} has a To but no From`);
		return [{ from: source, to: target }];
	});
}

function setAt(target: IDataObject, path: string, value: unknown) {
	const steps = path.split(/\.|\[(\d+)\]/).filter((step) => step !== undefined && step !== '');
	let node = target as Record<string, unknown>;
	for (const step of steps.slice(0, -1)) node = node[step] as Record<string, unknown>;
	node[steps[steps.length - 1]] = value;
}

/**
 * Pure: the export with Replace Values applied to its bound values only (names, descriptions, URLs
 * and other values are left alone). Each row replaces every occurrence of From, in row order, so an
 * account ID or a Region inside an ARN is rewritten as well as a whole subnet or key ID.
 */
export function withReplacements(exported: ExportedDefinition, replacements: Replacement[]): ExportedDefinition {
	if (!replacements.length) return exported;
	const definition = structuredClone(exported.definition);
	const boundValues = exported.boundValues.map((bound) => {
		const value = replacements.reduce((text, { from, to }) => text.split(from).join(to), bound.value);
		if (value === bound.value) return bound;
		setAt(definition, bound.path, value);
		return { ...bound, value, replaced: bound.value };
	});
	return { ...exported, definition, boundValues };
}

export const SECRETS_AS_PLACEHOLDERS = 'placeholder';
export const SECRETS_FROM_SECRETS_MANAGER = 'secretsManager';
export const SECRETS_FROM_CREDENTIAL = 'credential';

/** Where the target of a copy takes the secrets AWS never returns (Export's Secret References option). */
export interface SecretReferencesChoice {
	source: string;
	/** Secrets Manager: the secret of connection N is `${prefix}N`. */
	prefix?: string;
}

/** Pure: the Secret References choice, validated (the secret name a prefix makes is checked per connection). */
export function readSecretReferences(bag: Record<string, unknown>): SecretReferencesChoice {
	const source = str(bag.secretReferences) || SECRETS_AS_PLACEHOLDERS;
	if (![SECRETS_AS_PLACEHOLDERS, SECRETS_FROM_SECRETS_MANAGER, SECRETS_FROM_CREDENTIAL].includes(source)) {
		fail('Secret References', 'must be Placeholders, AWS Secrets Manager or AWS Connection Secret Credential');
	}
	return { source, prefix: str(bag.referencedNamePrefix) };
}

function valueAt(root: unknown, path: string): unknown {
	return path
		.split(/\.|\[(\d+)\]/)
		.filter((step) => step !== undefined && step !== '')
		.reduce<unknown>((node, step) => (node as Record<string, unknown> | undefined)?.[step], root);
}

/**
 * Pure: the export with each placeholder turned into the reference the choice says, so a copy
 * reads every secret in the target at run time. Secrets Manager: the connection's own secret
 * `${prefix}${name}`, JSON key the credential member the secret declaration gives the field
 * (password, apiKey, clientSecret) or, for a key/value row, the row's key. Credential: the member.
 * A placeholder that has no member (a row, with the credential) stays, and stays listed.
 */
export function withSecretReferences(
	exported: ExportedDefinition,
	choice: SecretReferencesChoice,
	memberOf: (path: string, definition: IDataObject) => string | undefined,
): ExportedDefinition {
	if (choice.source === SECRETS_AS_PLACEHOLDERS || !exported.secretsToSupply.length) return exported;
	const definition = structuredClone(exported.definition);
	const secretId = choice.source === SECRETS_FROM_SECRETS_MANAGER ? checkSecretId(`${choice.prefix ?? ''}${exported.name}`, 'Secret Name Prefix') : '';
	const left = exported.secretsToSupply.filter((path) => {
		const member = memberOf(path, definition);
		const rowKey = /\[\d+\]\.Value$/.test(path) ? str((valueAt(definition, path.replace(/\.Value$/, '')) as IDataObject | undefined)?.Key) : '';
		let reference: IDataObject | undefined;
		if (choice.source === SECRETS_FROM_SECRETS_MANAGER) reference = { secretsManager: secretId, jsonKey: rowKey || member || path.split('.').pop() };
		else if (member && !rowKey) reference = { credential: member };
		if (!reference) return true;
		setAt(definition, path, { $secret: reference } as never);
		return false;
	});
	return { ...exported, definition, secretsToSupply: left };
}

/** The output item: the definition for Create and Reconcile, and what a copy must look at. */
export function exportedItem(exported: ExportedDefinition): IDataObject {
	return {
		name: exported.name,
		definition: exported.definition,
		boundValues: exported.boundValues as unknown as IDataObject[],
		secretsToSupply: exported.secretsToSupply,
	};
}

export const OUTPUT_CONNECTIONS = 'connections';
export const OUTPUT_DEFINITIONS = 'definitions';

/** Get Many's Output choice and the Replace Values rows shown with "As Definitions". */
export function exportFields(operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: OUTPUT_CONNECTIONS,
			options: [
				{ name: 'Connections', value: OUTPUT_CONNECTIONS, description: 'Each connection as AWS reports it' },
				{
					name: 'As Definitions',
					value: OUTPUT_DEFINITIONS,
					description:
						'Each connection as a definition Create and Reconcile accept (AWS request shape, no read-only fields, no secrets), with its account- and Region-bound values listed',
				},
			],
			displayOptions: { show: { operation: [operation] } },
		},
		{
			displayName: 'Secret References',
			name: 'secretReferences',
			type: 'options',
			default: SECRETS_AS_PLACEHOLDERS,
			description: 'AWS never returns secrets: what each definition holds where the connection has one',
			options: [
				{
					name: 'Placeholders',
					value: SECRETS_AS_PLACEHOLDERS,
					description: '{"$secret": "required"}, listed in secretsToSupply: give each a reference before Create or Reconcile takes it',
				},
				{
					name: 'AWS Secrets Manager, One Secret per Connection',
					value: SECRETS_FROM_SECRETS_MANAGER,
					description: 'A reference to the secret named Secret Name Prefix + the connection name, read in the target at run time',
				},
				{
					name: 'AWS Connection Secret Credential',
					value: SECRETS_FROM_CREDENTIAL,
					description: "A reference to the target node's AWS Connection Secret credential (password, apiKey or clientSecret)",
				},
			],
			displayOptions: { show: { operation: [operation], output: [OUTPUT_DEFINITIONS] } },
		},
		{
			displayName: 'Secret Name Prefix',
			name: 'referencedNamePrefix',
			type: 'string',
			default: '',
			placeholder: 'e.g. connections/',
			description:
				'The secret of connection "orders" is this followed by "orders"; a JSON secret with one key per value: password, apiKey, clientSecret, or the key of an HTTP parameter',
			displayOptions: { show: { operation: [operation], output: [OUTPUT_DEFINITIONS], secretReferences: [SECRETS_FROM_SECRETS_MANAGER] } },
		},
		{
			displayName: REPLACE_FIELD,
			name: 'replaceValues',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Replacement',
			default: {},
			description:
				'Rewrites the values bound to an account or Region (subnet, security groups, Availability Zone, KMS keys, secret, role and other ARNs) for the target. Each row replaces every occurrence of From inside those values, e.g. an account ID or a Region inside ARNs.',
			displayOptions: { show: { operation: [operation], output: [OUTPUT_DEFINITIONS] } },
			options: [
				{
					displayName: 'Replacement',
					name: 'pairs',
					values: [
						{ displayName: 'From', name: 'from', type: 'string', default: '', placeholder: 'e.g. 111111111111' },
						{ displayName: 'To', name: 'to', type: 'string', default: '', placeholder: 'e.g. 222222222222' },
					],
				},
			],
		},
	];
}
