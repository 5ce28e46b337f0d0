/**
 * Values as the EventBridge API model accepts them (auth header values, https endpoints, key/value
 * parameter lists, KMS keys): read by the authorization types and by the definition that sits above
 * them (common/), never the other way round.
 */
import type { ConnectionHttpParameters } from '@aws-sdk/client-eventbridge';
import type { INodeProperties } from 'n8n-workflow';

import { keyValueCollection, toEntries } from '../../shared/keyValue';
import { SECRET_ROW_HINT } from '../../shared/secrets';
import { checkArn, checkLength, checkMaxItems, checkPattern, compact, fail, str } from '../../shared/validation';
import type { Schema } from '../../shared/definitionJson';
import type { Label } from './types';

/** The node's parameters of one item, as read by readParameters(). */
export type ParameterBag = Record<string, unknown>;

// Patterns and lengths from the EventBridge API model (AuthHeaderParameters, HeaderKey, ...); the
// model itself rules out control characters, hence the control-character ranges.
/* eslint-disable no-control-regex */
const AUTH_HEADER = /^[ \t]*[^\x00-\x1F:\x7F]+([ \t]+[^\x00-\x1F:\x7F]+)*[ \t]*$/;
const HEADER_KEY = /^[!#$%&'*+\-.^_`|~0-9a-zA-Z]+$/;
const HEADER_VALUE = /^[ \t]*[\x20-\x7E]+([ \t]+[\x20-\x7E]+)*[ \t]*$/;
const QUERY_KEY = /^[^\x00-\x1F\x7F]+$/;
const QUERY_VALUE = /^[^\x00-\x09\x0B\x0C\x0E-\x1F\x7F]+$/;
/* eslint-enable no-control-regex */
const HTTPS_ENDPOINT = /^((%[0-9A-Fa-f]{2}|[-()_.!~*';/?:@&=+$,A-Za-z0-9])+)([).!';/?:,])?$/;
const RESOURCE_CONFIGURATION_ARN = /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:resourceconfiguration\/rcfg-[0-9a-z]{17}$/;
const KMS_KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const KMS_ALIAS = /^alias\/[a-zA-Z0-9/_-]+$/;

export const MAX_HTTP_PARAMETERS = 100;

/** A ConnectionHttpParameters in a JSON Definition, and a private endpoint's resource configuration. */
const HTTP_LIST: Schema = { list: { object: { Key: 'string', Value: 'string', IsValueSecret: 'boolean' } }, max: MAX_HTTP_PARAMETERS };
export const HTTP_PARAMETERS_SCHEMA: Schema = { object: { HeaderParameters: HTTP_LIST, QueryStringParameters: HTTP_LIST, BodyParameters: HTTP_LIST } };
export const CONNECTIVITY_SCHEMA: Schema = { object: { ResourceParameters: { object: { ResourceConfigurationArn: 'string' }, required: ['ResourceConfigurationArn'] } } };

/**
 * A value AWS sends in an HTTP header (username, password, API key, client ID and secret): 1 to 512
 * characters, no control characters or colons. Secrets are taken as typed (spaces may matter);
 * other values are trimmed. Returns undefined when the field is empty.
 */
export function authValue(value: unknown, field: string, secret = false): string | undefined {
	const text = secret && typeof value === 'string' ? value : str(value);
	if (!text.trim()) return undefined;
	checkLength(text, field, 1, 512);
	return checkPattern(text, field, AUTH_HEADER, 'text without control characters or colons');
}

/** A field's text as the form maps it (no rules: the request checker has them): secrets as typed, other text trimmed; undefined when empty. */
export function fieldText(value: unknown, secret = false): string | undefined {
	const text = secret && typeof value === 'string' ? value : str(value);
	return text.trim() ? text : undefined;
}

export function requiredAuthValue(value: unknown, field: string, secret = false): string {
	return authValue(value, field, secret) ?? fail(field, 'is required');
}

/** An https URL as the API model accepts it (at most 2048 characters). */
export function httpsEndpoint(value: unknown, field: string): string | undefined {
	const text = str(value);
	if (!text) return undefined;
	checkLength(text, field, 1, 2048);
	if (!/^https:\/\/[^/\s]+/i.test(text)) fail(field, 'must be an https URL');
	return checkPattern(text, field, HTTPS_ENDPOINT, 'a URL without spaces or other unsafe characters');
}

/** A VPC Lattice resource configuration (a private endpoint), as in arn:aws:vpc-lattice:REGION:ACCOUNT:resourceconfiguration/rcfg-…. */
export function resourceConfigurationArn(value: unknown, field: string): string | undefined {
	const text = str(value);
	if (!text) return undefined;
	checkLength(text, field, 1, 2048);
	return checkPattern(
		text,
		field,
		RESOURCE_CONFIGURATION_ARN,
		'a VPC Lattice resource configuration ARN (arn:aws:vpc-lattice:REGION:ACCOUNT:resourceconfiguration/rcfg-…)',
	);
}

/** A customer managed KMS key: key ARN, key ID, alias ARN or alias name, as EventBridge accepts them. */
export function kmsKeyIdentifier(value: unknown, field: string): string | undefined {
	const text = str(value);
	if (!text) return undefined;
	checkLength(text, field, 1, 2048);
	if (text.startsWith('arn:')) {
		return text.includes(':alias/') ? checkArn(text, field, 'kms', 'alias/') : checkArn(text, field, 'kms', 'key/');
	}
	if (KMS_KEY_ID.test(text) || KMS_ALIAS.test(text)) return text;
	return fail(field, 'must be a KMS key ARN, key ID, alias ARN or alias name (alias/…)');
}

type HttpList = keyof ConnectionHttpParameters;

const LISTS: Array<{
	suffix: string;
	label: string;
	list: HttpList;
	key?: RegExp;
	value?: RegExp;
}> = [
	{ suffix: 'Headers', label: 'Header Parameters', list: 'HeaderParameters', key: HEADER_KEY, value: HEADER_VALUE },
	{ suffix: 'QueryString', label: 'Query String Parameters', list: 'QueryStringParameters', key: QUERY_KEY, value: QUERY_VALUE },
	{ suffix: 'Body', label: 'Body Parameters', list: 'BodyParameters' },
];

/** The three key/value lists (header, query string, body) of a ConnectionHttpParameters. */
export function httpParameterFields(prefix: string, purpose: string): INodeProperties[] {
	return LISTS.map(({ suffix, label }) =>
		keyValueCollection({
			name: `${prefix}${suffix}`,
			displayName: `${purpose} ${label}`,
			description: `At most ${MAX_HTTP_PARAMETERS} entries. Values marked secret are stored by AWS in Secrets Manager and never returned. ${SECRET_ROW_HINT}`,
			withSecretFlag: true,
		}),
	);
}

/** Pure: the lists the user filled (checkHttpParameters holds the API model's rules); undefined when all are empty. */
export function toHttpParameters(bag: ParameterBag, prefix: string, purpose: string): ConnectionHttpParameters | undefined {
	const result: ConnectionHttpParameters = {};
	for (const { suffix, label, list } of LISTS) {
		const entries = toEntries(bag[`${prefix}${suffix}`], `${purpose} ${label}`).map((entry) => ({
			Key: entry.key,
			Value: entry.value,
			IsValueSecret: entry.isValueSecret === true,
		}));
		if (entries.length) result[list] = entries;
	}
	return Object.keys(result).length ? result : undefined;
}

/** The form's labels of a ConnectionHttpParameters' lists, e.g. "Invocation Header Parameters". */
export function httpParameterLabels(path: string, purpose: string): Record<string, string> {
	return Object.fromEntries(LISTS.map(({ label, list }) => [`${path}.${list}`, `${purpose} ${label}`]));
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The request's rules for a ConnectionHttpParameters at `path`, whoever built it (the form's rows or a JSON Definition). */
export function checkHttpParameters(parameters: ConnectionHttpParameters | undefined, at: Label, path: string) {
	for (const { list, key, value } of LISTS) {
		const entries = parameters?.[list];
		if (!entries) continue;
		checkMaxItems(entries, at(`${path}.${list}`), MAX_HTTP_PARAMETERS);
		const seen = new Set<string>();
		entries.forEach((entry, index) => {
			const field = at(`${path}.${list}[${index}]`);
			const name = String(entry.Key ?? '');
			if (!name || RESERVED_KEYS.has(name)) fail(field, `entry ${index + 1} has a key that cannot be used (empty, __proto__, constructor or prototype)`);
			if (seen.has(name)) fail(field, `key "${name}" appears more than once`);
			seen.add(name);
			checkLength(name, field, 1, 512);
			if (key) checkPattern(name, field, key, 'keys made of allowed characters only');
			if (value) {
				checkLength(String(entry.Value ?? ''), field, 1, 512);
				checkPattern(String(entry.Value ?? ''), field, value, 'values of printable characters');
			}
		});
	}
}

/** The lists (their secret values already removed) in one form for comparing: sorted by key, IsValueSecret always set. */
export function comparableHttpParameters(parameters: ConnectionHttpParameters | undefined): ConnectionHttpParameters | undefined {
	if (!parameters) return undefined;
	const result: ConnectionHttpParameters = {};
	for (const { list } of LISTS) {
		const entries = parameters[list];
		if (!entries?.length) continue;
		result[list] = entries
			.map((entry) => ({ ...entry, IsValueSecret: entry.IsValueSecret === true }))
			.sort((a, b) => String(a.Key).localeCompare(String(b.Key)));
	}
	return Object.keys(result).length ? result : undefined;
}

/** `{ [member]: parameters }` with only the members that are set, or {} when none is (Update sends only what is set). */
export function onlySet<T extends object>(member: string, parameters: T): Record<string, T> {
	const set = compact(parameters);
	return Object.keys(set).length ? { [member]: set } : {};
}

