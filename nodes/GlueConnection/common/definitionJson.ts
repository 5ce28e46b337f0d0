import type { ConnectionInput } from '@aws-sdk/client-glue';

import { DEFINITION_FIELD, type ParsedDefinition, parseDefinition, type Schema, secretPaths, withValuesAt } from '../../shared/definitionJson';
import { glueSecretPropertyKeys, isSecretAt } from '../../shared/secretModel';
import { AUTHENTICATION_SCHEMA } from './authentication';
import { checkGlueRequest } from './check';

/**
 * A Glue JSON Definition (CONTRACTS.md, contract 2): a ConnectionInput as the AWS API takes it,
 * plus `Tags` for a new connection. Parsed by shared/definitionJson.ts (the shape), then checked by
 * common/check.ts, the checker the form's request passes too.
 */
export const GLUE_DEFINITION_SCHEMA = {
	object: {
		Name: 'string',
		Description: 'string',
		ConnectionType: 'string',
		MatchCriteria: 'stringList',
		ConnectionProperties: 'stringMap',
		SparkProperties: 'stringMap',
		AthenaProperties: 'stringMap',
		PythonProperties: 'stringMap',
		PhysicalConnectionRequirements: { object: { SubnetId: 'string', SecurityGroupIdList: 'stringList', AvailabilityZone: 'string' } },
		// The authentication module declares its own shape: a new member is added there.
		AuthenticationConfiguration: AUTHENTICATION_SCHEMA,
		ValidateCredentials: 'boolean',
		ValidateForComputeEnvironments: 'stringList',
		Tags: 'stringMap',
	},
	required: ['Name', 'ConnectionType'],
} satisfies { object: Record<string, Schema>; required: string[] };

export interface GlueDefinition {
	name: string;
	/** The ConnectionInput, referenced secrets held by stand-ins. */
	input: ConnectionInput;
	tags?: Record<string, string>;
	parsed: ParsedDefinition;
	/** ConnectionProperties keys that hold secrets here (not compared with AWS's answer). */
	secretKeys: string[];
}

/** Messages about a JSON Definition name the path in it. */
export const jsonLabel = (path: string) => `${DEFINITION_FIELD} › ${path}`;

/** Pure: a Glue JSON Definition, parsed (an InputProblem names the path) and checked by the node's one request checker. */
export function glueDefinition(value: unknown, literalSecrets = true): GlueDefinition {
	const parsed = parseDefinition(value, { schema: GLUE_DEFINITION_SCHEMA, isSecretPath: (path, definition) => isSecretAt('glue', definition, path), literalSecrets });
	const { Tags, ...definition } = parsed.definition as unknown as ConnectionInput & { Tags?: Record<string, string> };
	const name = String(definition.Name).trim();
	const input = { ...definition, Name: name };
	checkGlueRequest(input, jsonLabel, Tags);
	const marked = secretPaths(parsed)
		.filter((path) => path[0] === 'ConnectionProperties')
		.map((path) => String(path[1]));
	return {
		name,
		input,
		tags: Tags,
		parsed,
		secretKeys: [...new Set([...glueSecretPropertyKeys(), ...marked])],
	};
}

/** The request with its referenced secrets read, checked again: a value read at run time is part of the request too. */
export function resolvedGlueInput(definition: GlueDefinition, values: readonly unknown[]): ConnectionInput {
	const input = withValuesAt(definition.input as never, definition.parsed.references.map((reference) => reference.path), values) as unknown as ConnectionInput;
	checkGlueRequest(input, jsonLabel, definition.tags);
	return input;
}
