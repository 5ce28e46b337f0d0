/**
 * JSON Definitions (CONTRACTS.md, contract 2): one connection in AWS's own request shape (Glue's
 * ConnectionInput, EventBridge's CreateConnection request), as Export emits it and as Reconcile and
 * Create accept it from a file, a database or another node. Pure: the shape is checked member by
 * member against a schema the node gives, and a problem is an InputProblem naming its path
 * (`Definition (JSON) › ConnectionProperties.PORT`), before any AWS call.
 *
 * A secret value is never required to be a literal. Wherever a text value is expected, an object
 * `{"$secret": …}` may stand instead:
 * - `{"$secret": {"secretsManager": "<name or ARN>", "jsonKey": "<optional>"}}` read at run time;
 * - `{"$secret": {"credential": "password" | "apiKey" | "clientSecret"}}` from the AWS Connection
 *   Secret credential;
 * - `{"$secret": "required"}`, Export's placeholder where AWS returned no secret: refused here.
 * The references come back as SecretReferences (shared/secrets.ts) whose paths point into the
 * definition, where a stand-in holds their place until the values are read.
 */
import { CREDENTIAL_MEMBERS, type CredentialMember, FROM_CREDENTIAL, FROM_SECRETS_MANAGER, type SecretReference } from './secrets';
import { checkSecretId, fail } from './validation';

export const DEFINITION_FIELD = 'Definition (JSON)';
export const SECRET_MARKER = '$secret';
export const REQUIRED_SECRET = 'required';
/** Holds a referenced secret's place in a parsed definition until its value is read. */
export const SECRET_STAND_IN = 'stand.in.value';

/** What a member of the request holds. */
export type Schema =
	| 'string'
	| 'boolean'
	/** A map of text values (ConnectionProperties, Tags ...). */
	| 'stringMap'
	| 'stringList'
	| { list: Schema; max?: number }
	| { object: Record<string, Schema>; required?: readonly string[] };

export interface DefinitionOptions {
	/** The request's top-level members. */
	schema: { object: Record<string, Schema>; required?: readonly string[] };
	/**
	 * Whether a text value at this path is a secret, from the secret declaration; `definition` is
	 * the whole parsed object (a row's IsValueSecret flag sits next to its value).
	 */
	isSecretPath(path: ReadonlyArray<string | number>, definition: Record<string, unknown>): boolean;
	/** Whether a secret may be given as literal text (not in tool mode: a model never holds a secret). */
	literalSecrets: boolean;
}

export interface ParsedDefinition {
	/** The request, each referenced secret replaced by SECRET_STAND_IN. */
	definition: Record<string, unknown>;
	/** The secrets it refers to, each with its path in `definition`. */
	references: SecretReference[];
	/** Paths of secrets given as literal text. */
	literalSecrets: Array<Array<string | number>>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `ConnectionProperties.PASSWORD`, `AuthParameters.InvocationHttpParameters.HeaderParameters[0].Value`. */
export function pathText(path: ReadonlyArray<string | number>): string {
	return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index ? `.${step}` : step)).join('');
}

const at = (path: ReadonlyArray<string | number>) => `${DEFINITION_FIELD} › ${pathText(path) || '(whole definition)'}`;

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

/** The definition as an object: an item's JSON field gives either parsed JSON or its text. */
function asObject(value: unknown): Record<string, unknown> {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			// JSON.parse's message names the position, never more than a character of the text.
			return fail(DEFINITION_FIELD, `is not valid JSON (${(error as Error).message.replace(/"[^"]*"/g, '…')})`);
		}
	}
	if (!isPlainObject(parsed)) return fail(DEFINITION_FIELD, `must be one JSON object, not ${kindOf(parsed)}`);
	return parsed;
}

/** A `$secret` marker as a reference, or an InputProblem naming its path. */
function markerReference(marker: unknown, path: Array<string | number>): SecretReference {
	const field = at(path);
	if (marker === REQUIRED_SECRET) {
		fail(field, 'still holds the placeholder {"$secret": "required"}: give the secret by reference (secretsManager or credential)');
	}
	if (!isPlainObject(marker)) return fail(field, 'has a $secret that is neither "required" nor an object with secretsManager or credential');
	const keys = Object.keys(marker);
	if ('secretsManager' in marker) {
		const extra = keys.filter((key) => key !== 'secretsManager' && key !== 'jsonKey');
		if (extra.length) fail(field, `$secret has unknown members: ${extra.join(', ')}`);
		if (typeof marker.secretsManager !== 'string') fail(field, '$secret.secretsManager must be a secret name or ARN');
		if (marker.jsonKey !== undefined && (typeof marker.jsonKey !== 'string' || !marker.jsonKey.trim())) {
			fail(field, '$secret.jsonKey must be non-empty text');
		}
		const secretId = checkSecretId(String(marker.secretsManager).trim(), `${field} $secret.secretsManager`);
		const jsonKey = typeof marker.jsonKey === 'string' ? marker.jsonKey.trim() : undefined;
		return { field, path, source: FROM_SECRETS_MANAGER, secretId, jsonKey };
	}
	if ('credential' in marker) {
		if (keys.length !== 1) fail(field, `$secret has unknown members: ${keys.filter((key) => key !== 'credential').join(', ')}`);
		const member = marker.credential;
		if (typeof member !== 'string' || !(member in CREDENTIAL_MEMBERS)) {
			fail(field, `$secret.credential must name a field of the credential: ${Object.keys(CREDENTIAL_MEMBERS).join(', ')}`);
		}
		return { field, path, source: FROM_CREDENTIAL, member: member as CredentialMember };
	}
	return fail(field, '$secret must have secretsManager or credential');
}

const isMarker = (value: unknown): value is Record<string, unknown> => isPlainObject(value) && SECRET_MARKER in value;

/**
 * Pure: the definition checked against the schema, its secret references collected and replaced by
 * stand-ins. Unknown members are refused (a misspelt member would otherwise be dropped silently).
 */
export function parseDefinition(value: unknown, options: DefinitionOptions): ParsedDefinition {
	const source = asObject(value);
	const references: SecretReference[] = [];
	const literalPaths: Array<Array<string | number>> = [];

	const text = (given: unknown, path: Array<string | number>): string => {
		if (isMarker(given)) {
			if (Object.keys(given).length !== 1) fail(at(path), `an object with $secret has no other members`);
			references.push(markerReference(given[SECRET_MARKER], path));
			return SECRET_STAND_IN;
		}
		if (typeof given !== 'string') return fail(at(path), `must be text, not ${kindOf(given)}`);
		return given;
	};

	const walk = (given: unknown, schema: Schema, path: Array<string | number>): unknown => {
		if (schema === 'string') return text(given, path);
		if (schema === 'boolean') {
			if (typeof given !== 'boolean') fail(at(path), `must be true or false, not ${kindOf(given)}`);
			return given;
		}
		if (schema === 'stringMap') {
			if (!isPlainObject(given)) return fail(at(path), `must be an object of text values, not ${kindOf(given)}`);
			// A whole map held back by Export (Glue's Custom Credentials in a secret AWS made): never a key named $secret.
			if (isMarker(given)) markerReference(given[SECRET_MARKER], path);
			return Object.fromEntries(
				Object.entries(given).map(([key, member]) => {
					if (FORBIDDEN_KEYS.has(key) || !key.trim()) fail(at([...path, key]), 'is not an allowed key');
					return [key, text(member, [...path, key])];
				}),
			);
		}
		if (schema === 'stringList') {
			if (!Array.isArray(given)) return fail(at(path), `must be a list of text, not ${kindOf(given)}`);
			return given.map((member, index) => {
				if (typeof member !== 'string') fail(at([...path, index]), `must be text, not ${kindOf(member)}`);
				return member as string;
			});
		}
		if ('list' in schema) {
			if (!Array.isArray(given)) return fail(at(path), `must be a list, not ${kindOf(given)}`);
			if (schema.max !== undefined && given.length > schema.max) fail(at(path), `accepts at most ${schema.max} entries (it has ${given.length})`);
			return given.map((member, index) => walk(member, schema.list, [...path, index]));
		}
		if (!isPlainObject(given)) return fail(at(path), `must be an object, not ${kindOf(given)}`);
		const result: Record<string, unknown> = {};
		for (const [key, member] of Object.entries(given)) {
			const memberSchema = Object.hasOwn(schema.object, key) ? schema.object[key] : undefined;
			if (!memberSchema) {
				fail(at([...path, key]), `is not a member of this request (expected ${Object.keys(schema.object).join(', ')})`);
			}
			// null means "not set", as in AWS's own JSON.
			if (member === null || member === undefined) continue;
			result[key] = walk(member, memberSchema as Schema, [...path, key]);
		}
		for (const key of schema.required ?? []) if (!(key in result)) fail(at([...path, key]), 'is required');
		return result;
	};

	const definition = walk(source, options.schema, []) as Record<string, unknown>;
	const referenced = new Set(references.map((reference) => pathText(reference.path)));
	const visit = (node: unknown, path: Array<string | number>) => {
		if (typeof node === 'string') {
			if (!referenced.has(pathText(path)) && node && options.isSecretPath(path, definition)) literalPaths.push(path);
		} else if (node && typeof node === 'object') {
			for (const [key, member] of Object.entries(node)) visit(member, [...path, Array.isArray(node) ? Number(key) : key]);
		}
	};
	visit(definition, []);
	if (!options.literalSecrets && literalPaths.length) {
		fail(at(literalPaths[0]), 'is a secret given as text; in tool mode a secret must be a {"$secret": …} reference');
	}
	return { definition, references, literalSecrets: literalPaths };
}

/** Pure: every secret of the definition, referenced or literal, as paths (for comparison and redaction). */
export function secretPaths(parsed: ParsedDefinition): Array<Array<string | number>> {
	return [...parsed.references.map((reference) => reference.path), ...parsed.literalSecrets];
}

/** Pure: a copy of the definition with the value at each path replaced (deep paths, lists included). */
export function withValuesAt(definition: Record<string, unknown>, paths: ReadonlyArray<ReadonlyArray<string | number>>, values: readonly unknown[]): Record<string, unknown> {
	const copy = structuredClone(definition);
	paths.forEach((path, index) => {
		let target = copy as Record<string | number, unknown>;
		for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
		target[path[path.length - 1]] = values[index];
	});
	return copy;
}

/** The value at a path of a parsed definition. */
export function valueAt(definition: unknown, path: ReadonlyArray<string | number>): unknown {
	return path.reduce<unknown>((node, step) => (node as Record<string | number, unknown> | undefined)?.[step], definition);
}

/**
 * Pure: a connection as its request shape, from AWS's answer (or node output): only the members the
 * schema declares, nothing empty. One view on the way out: Export's definition, a tool's compact
 * answer and a plan's state all start from it; AWS's bookkeeping (times, status, ARNs it made) is
 * no member of a request, so it is not in the view.
 */
export function requestShapeOf(value: unknown, schema: Schema): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (schema === 'string' || schema === 'boolean') return value;
	if (schema === 'stringMap') return isPlainObject(value) && Object.keys(value).length ? value : undefined;
	if (schema === 'stringList' || 'list' in schema) {
		if (!Array.isArray(value) || !value.length) return undefined;
		return schema === 'stringList' ? value : value.map((member) => requestShapeOf(member, schema.list) ?? member);
	}
	if (!isPlainObject(value)) return undefined;
	const shaped: Record<string, unknown> = {};
	for (const [key, member] of Object.entries(schema.object)) {
		const picked = Object.hasOwn(value, key) ? requestShapeOf(value[key], member) : undefined;
		if (picked !== undefined) shaped[key] = picked;
	}
	return Object.keys(shaped).length ? shaped : undefined;
}
