import type { ConnectionInput } from '@aws-sdk/client-glue';

import { DEFINITION_FIELD, type ParsedDefinition, parseDefinition, type Schema, secretPaths } from '../../shared/definitionJson';
import { glueSecretPropertyKeys, isSecretAt } from '../../shared/secretModel';
import { checkLength, checkMaxItems, checkPattern, fail, InputProblem } from '../../shared/validation';
import { findConnectionTypeForm } from '../connectionTypes';
import { checkConnectionName } from './definition';

/**
 * A Glue JSON Definition (CONTRACTS.md, contract 2): a ConnectionInput as the AWS API takes it,
 * plus `Tags` for a new connection. Parsed by shared/definitionJson.ts, then checked as the form's
 * mapping checks the same values.
 */
const OAUTH2_CREDENTIALS = ['UserManagedClientApplicationClientSecret', 'AccessToken', 'RefreshToken', 'JwtToken'];

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
		AuthenticationConfiguration: {
			object: {
				AuthenticationType: 'string',
				SecretArn: 'string',
				KmsKeyArn: 'string',
				OAuth2Properties: {
					object: {
						OAuth2GrantType: 'string',
						OAuth2ClientApplication: { object: { UserManagedClientApplicationClientId: 'string', AWSManagedClientApplicationReference: 'string' } },
						TokenUrl: 'string',
						TokenUrlParametersMap: 'stringMap',
						AuthorizationCodeProperties: { object: { AuthorizationCode: 'string', RedirectUri: 'string' } },
						OAuth2Credentials: { object: Object.fromEntries(OAUTH2_CREDENTIALS.map((key) => [key, 'string' as Schema])) },
					},
				},
				BasicAuthenticationCredentials: { object: { Username: 'string', Password: 'string' } },
				CustomAuthenticationCredentials: 'stringMap',
			},
		},
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

/** The problem a type's (pure) check raises, if any. */
function typeProblem(check: () => void): InputProblem | undefined {
	try {
		check();
		return undefined;
	} catch (error) {
		return error instanceof InputProblem ? error : new InputProblem(DEFINITION_FIELD, String((error as Error).message));
	}
}

const at = (path: string) => `${DEFINITION_FIELD} › ${path}`;

/** Pure: a Glue JSON Definition, validated (an InputProblem names the path) and mapped. */
export function glueDefinition(value: unknown, literalSecrets = true): GlueDefinition {
	const parsed = parseDefinition(value, { schema: GLUE_DEFINITION_SCHEMA, isSecretPath: (path, definition) => isSecretAt('glue', definition, path), literalSecrets });
	const { Tags, ...definition } = parsed.definition as unknown as ConnectionInput & { Tags?: Record<string, string> };
	const name = checkConnectionName(String(definition.Name).trim(), at('Name'));
	const type = checkPattern(String(definition.ConnectionType), at('ConnectionType'), /^[A-Z0-9_]{1,64}$/, 'a connection type code such as JDBC or SNOWFLAKE');
	if (definition.Description !== undefined) checkLength(definition.Description, at('Description'), 0, 2048);
	checkMaxItems(Object.keys(definition.ConnectionProperties ?? {}), at('ConnectionProperties'), 100);
	checkMaxItems(definition.MatchCriteria ?? [], at('MatchCriteria'), 10);
	checkMaxItems(Object.keys(Tags ?? {}), at('Tags'), 50);
	const network = definition.PhysicalConnectionRequirements;
	if (network?.SubnetId) checkPattern(network.SubnetId, at('PhysicalConnectionRequirements.SubnetId'), /^subnet-[0-9a-f]+$/, 'a subnet ID such as subnet-0123456789abcdef0');
	for (const id of checkMaxItems(network?.SecurityGroupIdList ?? [], at('PhysicalConnectionRequirements.SecurityGroupIdList'), 50)) {
		checkPattern(id, at('PhysicalConnectionRequirements.SecurityGroupIdList'), /^sg-[0-9a-f]+$/, 'security group IDs such as sg-0123456789abcdef0');
	}
	const properties = definition.ConnectionProperties ?? {};
	const problem = typeProblem(() =>
		findConnectionTypeForm(type)?.checkDefinition?.({
			connectionProperties: properties,
			authenticationType: definition.AuthenticationConfiguration?.AuthenticationType,
			hasPhysicalConnectionRequirements: network !== undefined,
			subnetId: network?.SubnetId,
			securityGroupIds: network?.SecurityGroupIdList ?? [],
			availabilityZone: network?.AvailabilityZone,
		}),
	);
	// The form's checks name form fields: say where in the definition the user should look.
	if (problem) fail(DEFINITION_FIELD, `${problem.field}: ${problem.problem}`);
	const marked = secretPaths(parsed)
		.filter((path) => path[0] === 'ConnectionProperties')
		.map((path) => String(path[1]));
	return {
		name,
		input: { ...definition, Name: name, ConnectionType: type as never },
		tags: Tags,
		parsed,
		secretKeys: [...new Set([...glueSecretPropertyKeys(), ...marked])],
	};
}
