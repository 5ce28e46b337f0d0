/**
 * Pure checks used by the mapping functions. They throw an InputProblem naming the field; the
 * router turns it into a NodeOperationError naming the item, before anything is sent to AWS.
 * Messages never echo a value: the field may hold a secret.
 */
export class InputProblem extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
	) {
		super(`${field}: ${problem}`);
		this.name = 'InputProblem';
	}
}

/**
 * A problem of a whole set of items or of a run, not of one field (two items naming one
 * connection, an apply that would delete too much): `itemIndex` is the item it shows on.
 */
export class SetProblem extends Error {
	itemIndex = 0;
	constructor(message: string) {
		super(message);
		this.name = 'SetProblem';
	}
}

export const fail = (field: string, problem: string): never => {
	throw new InputProblem(field, problem);
};

/** Trimmed string, or '' for anything that is not a string or number. */
export function str(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return '';
}

/** A number, or numeric text from an expression; NaN for anything else (true, an object, a list). */
export function numberFrom(value: unknown): number {
	if (typeof value === 'number') return value;
	return typeof value === 'string' && value.trim() ? Number(value) : Number.NaN;
}

export function required(value: unknown, field: string): string {
	const result = str(value);
	if (!result) fail(field, 'is required');
	return result;
}

export function checkLength(value: string, field: string, min: number, max: number): string {
	if (!value && min > 0) fail(field, 'is required');
	if (value.length < min || value.length > max) {
		fail(field, `must be ${min === max ? min : `${min} to ${max}`} characters long (it has ${value.length})`);
	}
	return value;
}

export function checkPattern(value: string, field: string, pattern: RegExp, expected: string): string {
	if (!pattern.test(value)) fail(field, `must be ${expected}`);
	return value;
}

export function checkMaxItems<T>(list: T[], field: string, max: number): T[] {
	if (list.length > max) fail(field, `accepts at most ${max} entries (it has ${list.length})`);
	return list;
}

export function checkOneOf<T extends string>(value: string, field: string, allowed: readonly T[]): T {
	if (!(allowed as readonly string[]).includes(value)) {
		fail(field, `must be one of ${allowed.join(', ')}`);
	}
	return value as T;
}

export function checkPort(value: unknown, field: string): string {
	const port = Number(str(value));
	if (!Number.isInteger(port) || port < 1 || port > 65535) fail(field, 'must be a port number from 1 to 65535');
	return String(port);
}

export function checkUrl(value: string, field: string, protocols: readonly string[]): string {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		fail(field, 'must be a valid URL');
	}
	if (url && !protocols.includes(url.protocol.replace(/:$/, ''))) {
		fail(field, `must be a ${protocols.join(' or ')} URL`);
	}
	return value;
}

/** ARN of the given service (and resource prefix), e.g. checkArn(v, f, 'kms', 'key/'). */
export function checkArn(value: string, field: string, service: string, resourcePrefix = ''): string {
	const pattern = new RegExp(
		`^arn:aws[a-z-]*:${service}:[a-z0-9-]*:(\\d{12})?:${resourcePrefix.replace(/[/]/g, '\\/')}.+$`,
	);
	return checkPattern(value, field, pattern, `an ARN of the form arn:aws:${service}:REGION:ACCOUNT:${resourcePrefix}…`);
}

/** A Secrets Manager secret name or ARN (what Glue's SECRET_ID holds, what GetSecretValue reads). */
export function checkSecretId(value: string, field: string): string {
	checkLength(value, field, 1, 2048);
	return checkPattern(value, field, /^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[\w/+=.@-]+$/, 'a Secrets Manager secret name or ARN');
}

/** Drops keys whose value is undefined, so SDK inputs stay minimal and comparable. */
export function compact<T extends object>(value: T): T {
	// A loop, not entries/filter/fromEntries: this runs for every item.
	const defined: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const member = (value as Record<string, unknown>)[key];
		if (member === undefined) continue;
		// As Object.fromEntries would: a key "__proto__" stays a member.
		if (key === '__proto__') Object.defineProperty(defined, key, { value: member, enumerable: true, writable: true, configurable: true });
		else defined[key] = member;
	}
	return defined as T;
}

/* eslint-disable-next-line no-control-regex */
const KEY_PATTERN = /^[^\x00-\x1F\x7F]+$/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A text map's keys: present, one line, not a reserved object key; at most `max` entries. */
export function checkMap(map: Record<string, string> | undefined, field: string, max?: number) {
	if (!map) return;
	const keys = Object.keys(map);
	if (max !== undefined) checkMaxItems(keys, field, max);
	for (const key of keys) {
		if (!key.trim() || RESERVED_KEYS.has(key)) fail(field, 'has a key that cannot be used (empty, __proto__, constructor or prototype)');
		checkPattern(key, field, KEY_PATTERN, 'keys without control characters or line breaks');
	}
}
