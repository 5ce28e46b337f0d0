import type { Connection, ConnectionInput } from '@aws-sdk/client-glue';
import type { IDataObject } from 'n8n-workflow';

import { requestShapeOf } from '../../shared/definitionJson';
import { toJson } from '../../shared/output';
import { GLUE_DEFINITION_SCHEMA } from './definitionJson';
import { redactedForOutput, type SecretContext, secretFreeView, withoutSecrets, withUrlCredentialsMasked } from '../../shared/secretModel';
import { compact } from '../../shared/validation';

/**
 * A connection as the next node sees it: AWS's shape, ISO times, no SDK metadata. When secrets are
 * hidden, every secret the secret model knows (the type's, a described type's SECRET properties in
 * `context`, AWS's ENCRYPTED_* copies, keys that look secret) is left out too, not only the
 * PASSWORD AWS itself hides.
 */
export function connectionOutput(connection: Connection, hideSecrets: boolean, context: SecretContext = {}): IDataObject {
	const output = toJson(connection) as IDataObject;
	return hideSecrets ? redactedForOutput('glue', output, context) : output;
}

const sortedList = (list?: string[]) => [...(list ?? [])].sort();

/** A property's value, or AWS's value for it when it is absent (booleans compared in any case). */
function effective(map: Record<string, string>, key: string, defaults: Record<string, string>): string | undefined {
	const value = map[key] ?? defaults[key];
	return value !== undefined && key in defaults && /^(true|false)$/i.test(value) ? value.toLowerCase() : value;
}

function mapDifferences(
	path: string,
	desired: Record<string, string> = {},
	current: Record<string, string> = {},
	defaults: Record<string, string> = {},
) {
	const keys = new Set([...Object.keys(desired), ...Object.keys(current)]);
	return [...keys]
		.filter((key) => effective(desired, key, defaults) !== effective(current, key, defaults))
		.sort()
		.map((key) => `${path}.${key}`);
}

/**
 * What Create or Update would change: the paths where the desired definition differs from the
 * connection AWS has. Secrets cannot be read back (GetConnection is called with HidePassword), so
 * what the secret model calls secret (the type's secret properties, a described type's SECRET
 * properties given in `context`, inline credentials, AWS's ENCRYPTED_* copies) is never compared. A
 * property absent on one side and equal to AWS's default (`defaults`) on the other is no
 * difference: a connection made by Terraform or the console without JDBC_ENFORCE_SSL equals a form
 * that leaves SSL off, and one the console made with JDBC_ENFORCE_SSL "false" equals it too.
 */
export function definitionDifferences(
	wanted: ConnectionInput,
	have: Connection,
	context: SecretContext = {},
	defaults: Record<string, string> = {},
): string[] {
	const desired = secretFreeView('glue', wanted, context);
	const current = secretFreeView('glue', have, context);
	const differences: string[] = [];
	const same = (path: string, a: unknown, b: unknown) => {
		if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) differences.push(path);
	};
	// AWS always reports the type; an emulator may not, and an unknown type is no difference.
	if (current.ConnectionType) same('ConnectionType', desired.ConnectionType, current.ConnectionType);
	same('Description', desired.Description ?? '', current.Description ?? '');
	same('MatchCriteria', sortedList(desired.MatchCriteria), sortedList(current.MatchCriteria));
	differences.push(
		...mapDifferences('ConnectionProperties', desired.ConnectionProperties, current.ConnectionProperties, defaults),
		...mapDifferences('SparkProperties', desired.SparkProperties, current.SparkProperties),
		...mapDifferences('AthenaProperties', desired.AthenaProperties, current.AthenaProperties),
		...mapDifferences('PythonProperties', desired.PythonProperties, current.PythonProperties),
	);
	const wantedNetwork = desired.PhysicalConnectionRequirements ?? {};
	const network = current.PhysicalConnectionRequirements ?? {};
	same('PhysicalConnectionRequirements.SubnetId', wantedNetwork.SubnetId, network.SubnetId);
	same('PhysicalConnectionRequirements.AvailabilityZone', wantedNetwork.AvailabilityZone, network.AvailabilityZone);
	same('PhysicalConnectionRequirements.SecurityGroupIdList', sortedList(wantedNetwork.SecurityGroupIdList), sortedList(network.SecurityGroupIdList));

	const wantedAuth = desired.AuthenticationConfiguration;
	const auth = current.AuthenticationConfiguration;
	same('AuthenticationConfiguration.AuthenticationType', wantedAuth?.AuthenticationType, auth?.AuthenticationType);
	// AWS stores inline credentials in a secret it creates: only a SecretArn the user chose is compared.
	if (wantedAuth?.SecretArn) same('AuthenticationConfiguration.SecretArn', wantedAuth.SecretArn, auth?.SecretArn);
	same('AuthenticationConfiguration.KmsKeyArn', wantedAuth?.KmsKeyArn, auth?.KmsKeyArn);
	const wantedOAuth = wantedAuth?.OAuth2Properties;
	const oauth = auth?.OAuth2Properties;
	same('AuthenticationConfiguration.OAuth2Properties.OAuth2GrantType', wantedOAuth?.OAuth2GrantType, oauth?.OAuth2GrantType);
	same('AuthenticationConfiguration.OAuth2Properties.TokenUrl', wantedOAuth?.TokenUrl, oauth?.TokenUrl);
	same(
		'AuthenticationConfiguration.OAuth2Properties.OAuth2ClientApplication',
		compact(wantedOAuth?.OAuth2ClientApplication ?? {}),
		compact(oauth?.OAuth2ClientApplication ?? {}),
	);
	differences.push(
		...mapDifferences('AuthenticationConfiguration.OAuth2Properties.TokenUrlParametersMap', wantedOAuth?.TokenUrlParametersMap, oauth?.TokenUrlParametersMap),
	);
	return differences;
}

/** A Glue definition's members (a ConnectionInput; Tags are Create's own parameter, not the connection's). */
const CONNECTION_MEMBERS = Object.fromEntries(Object.entries(GLUE_DEFINITION_SCHEMA.object).filter(([member]) => member !== 'Tags'));

/**
 * The one view of a connection on the way out: its ConnectionInput shape as AWS (or our output)
 * gives it, without AWS's bookkeeping (status, times, who updated it, schema version) and with any
 * password inside a URL masked, without the secrets the secret model declares. Export's
 * definition, a tool's compact answer and a plan's state start from it (a described type's SECRET
 * properties are the caller's to leave out: GetConnection with HidePassword, or output with secrets
 * hidden).
 */
export function glueConnectionView(connection: Connection | IDataObject): IDataObject {
	const shaped = (requestShapeOf(toJson(connection), { object: CONNECTION_MEMBERS }) ?? {}) as IDataObject;
	return withUrlCredentialsMasked(withoutSecrets('glue', shaped));
}

/** What a plan saw of a connection AWS has: the view of GetConnections' answer (HidePassword). */
export const definitionState = (connection: Connection): IDataObject => glueConnectionView(connection);
