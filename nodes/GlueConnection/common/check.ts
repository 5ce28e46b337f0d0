import type { ConnectionInput } from '@aws-sdk/client-glue';

import { hasUrlCredentials } from '../../shared/secretModel';
import { checkLength, checkMap, checkMaxItems, checkPattern, fail } from '../../shared/validation';
import { findConnectionTypeForm } from '../connectionTypes';
import type { Label } from '../connectionTypes/types';
import { checkAuthenticationRequest } from './authentication';

/**
 * The one request checker of the Glue node: every rule about a ConnectionInput (and its Tags),
 * whatever built it (the form, a JSON Definition, a Reconcile item, a tool call). `at` names a
 * request path as the user knows it: the form's field label, or the JSON path of the definition.
 * Lengths, patterns and enums are the API model's (../shared/aws-models) and the SDK's.
 */
// The model's NameString: one line of printable Unicode.
const NAME_PATTERN = /^[\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}\t]*$/u;
const DESCRIPTION_PATTERN = /^[\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}\r\n\t]*$/u;

export function checkConnectionName(name: string, field = 'Name'): string {
	return checkPattern(checkLength(name, field, 1, 255), field, NAME_PATTERN, 'a single line of text without control characters');
}

/**
 * Pure: throws an InputProblem (named through `at`) for the first rule the request breaks. `saved`
 * is false for Test Definition (a TestConnectionInput: no name, description or network).
 */
export function checkGlueRequest(input: Partial<ConnectionInput>, at: Label, tags?: Record<string, string>, saved = true): void {
	if (saved) checkConnectionName(String(input.Name ?? ''), at('Name'));
	// AWS's own types are codes; a registered one (RegisterConnectionType) is named REST-….
	const type = checkPattern(String(input.ConnectionType ?? ''), at('ConnectionType'), /^([A-Z0-9_]{1,64}|REST-\S{1,250})$/, 'a connection type code such as JDBC or SNOWFLAKE, or a registered REST-… type');
	if (input.Description) checkPattern(checkLength(input.Description, at('Description'), 0, 2048), at('Description'), DESCRIPTION_PATTERN, 'printable text');
	for (const criterion of checkMaxItems(input.MatchCriteria ?? [], at('MatchCriteria'), 10)) checkConnectionName(criterion, at('MatchCriteria'));
	const properties = input.ConnectionProperties ?? {};
	checkMap(properties, at('ConnectionProperties'), 100);
	for (const [key, value] of Object.entries(properties)) {
		if (hasUrlCredentials(value)) fail(at(`ConnectionProperties.${key}`), 'must not contain a password: use the credential fields');
	}
	checkMap(input.SparkProperties, at('SparkProperties'));
	checkMap(input.AthenaProperties, at('AthenaProperties'));
	checkMap(input.PythonProperties, at('PythonProperties'));
	checkMap(tags, at('Tags'), 50);
	const network = input.PhysicalConnectionRequirements;
	if (network?.SubnetId) checkPattern(network.SubnetId, at('PhysicalConnectionRequirements.SubnetId'), /^subnet-[0-9a-f]+$/, 'a subnet ID such as subnet-0123456789abcdef0');
	for (const id of checkMaxItems(network?.SecurityGroupIdList ?? [], at('PhysicalConnectionRequirements.SecurityGroupIdList'), 50)) {
		checkPattern(id, at('PhysicalConnectionRequirements.SecurityGroupIdList'), /^sg-[0-9a-f]+$/, 'security group IDs such as sg-0123456789abcdef0');
	}
	if (network?.AvailabilityZone) {
		checkPattern(network.AvailabilityZone, at('PhysicalConnectionRequirements.AvailabilityZone'), /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/, 'an Availability Zone such as eu-west-1a');
	}
	checkAuthenticationRequest(input, at);
	findConnectionTypeForm(type)?.checkRequest?.(input, at, saved);
}
