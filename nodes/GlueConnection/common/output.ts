import type { Connection, ConnectionInput } from '@aws-sdk/client-glue';
import type { IDataObject } from 'n8n-workflow';

import { toJson } from '../../shared/output';
import { compact } from '../../shared/validation';

const looksSecret = (key: string) => /PASSWORD|KEYTAB/.test(key);

/**
 * A connection as the next node sees it: AWS's shape, ISO times, no SDK metadata. When secrets are
 * hidden, every secret-looking property is left out too, not only the PASSWORD AWS itself hides.
 */
export function connectionOutput(connection: Connection, hideSecrets: boolean, secretKeys: string[] = []): IDataObject {
	const output = toJson(connection) as IDataObject;
	const properties = output.ConnectionProperties as Record<string, string> | undefined;
	if (hideSecrets && properties) {
		output.ConnectionProperties = Object.fromEntries(
			Object.entries(properties).filter(([key]) => !looksSecret(key) && !secretKeys.includes(key)),
		);
	}
	return output;
}

const sortedList = (list?: string[]) => [...(list ?? [])].sort();
const isServerManaged = (key: string) => key.startsWith('ENCRYPTED_');

/** A property's value, or AWS's value for it when it is absent (booleans compared in any case). */
function effective(map: Record<string, string>, key: string, defaults: Record<string, string>): string | undefined {
	const value = map[key] ?? defaults[key];
	return value !== undefined && key in defaults && /^(true|false)$/i.test(value) ? value.toLowerCase() : value;
}

function mapDifferences(
	path: string,
	desired: Record<string, string> = {},
	current: Record<string, string> = {},
	skip: (key: string) => boolean = () => false,
	defaults: Record<string, string> = {},
) {
	const keys = new Set([...Object.keys(desired), ...Object.keys(current)]);
	return [...keys]
		.filter((key) => !skip(key) && effective(desired, key, defaults) !== effective(current, key, defaults))
		.sort()
		.map((key) => `${path}.${key}`);
}

/**
 * What Create or Update would change: the paths where the desired definition differs from the
 * connection AWS has. Secrets cannot be read back (GetConnection is called with HidePassword), so
 * secret properties, inline credentials and server-managed ENCRYPTED_* keys are never compared. A
 * property absent on one side and equal to AWS's default (`defaults`) on the other is no
 * difference: a connection made by Terraform or the console without JDBC_ENFORCE_SSL equals a form
 * that leaves SSL off, and one the console made with JDBC_ENFORCE_SSL "false" equals it too.
 */
export function definitionDifferences(
	desired: ConnectionInput,
	current: Connection,
	secretKeys: string[],
	defaults: Record<string, string> = {},
): string[] {
	const secret = (key: string) => secretKeys.includes(key) || isServerManaged(key);
	const differences: string[] = [];
	const same = (path: string, a: unknown, b: unknown) => {
		if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) differences.push(path);
	};
	// AWS always reports the type; an emulator may not, and an unknown type is no difference.
	if (current.ConnectionType) same('ConnectionType', desired.ConnectionType, current.ConnectionType);
	same('Description', desired.Description ?? '', current.Description ?? '');
	same('MatchCriteria', sortedList(desired.MatchCriteria), sortedList(current.MatchCriteria));
	differences.push(
		...mapDifferences('ConnectionProperties', desired.ConnectionProperties, current.ConnectionProperties, secret, defaults),
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

/** Whether the definition carries any secret, which a comparison can never see. */
export function carriesSecrets(input: ConnectionInput, secretKeys: string[]): boolean {
	const auth = input.AuthenticationConfiguration;
	return (
		Object.keys(input.ConnectionProperties ?? {}).some((key) => secretKeys.includes(key)) ||
		Boolean(auth?.BasicAuthenticationCredentials?.Password) ||
		Boolean(auth?.CustomAuthenticationCredentials) ||
		Boolean(auth?.OAuth2Properties?.OAuth2Credentials)
	);
}
