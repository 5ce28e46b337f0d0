import type { AuthenticationConfiguration, Connection } from '@aws-sdk/client-glue';
import type { IDataObject } from 'n8n-workflow';

import { type BoundKind, declaredMember, type ExportedDefinition, exportedDefinition, secretRequired } from '../../shared/export';
import { glueManagedAuthPaths, glueSecretsToSupply, withoutSecrets, withUrlCredentialsMasked } from '../../shared/secretModel';
import { compact } from '../../shared/validation';
import { glueConnectionView } from './output';

/** Values bound to an account or Region that are not ARNs (ARNs are found by their shape). */
export const BOUND_PATHS: Record<string, BoundKind> = {
	'PhysicalConnectionRequirements.SubnetId': 'subnet',
	'PhysicalConnectionRequirements.SecurityGroupIdList[]': 'securityGroup',
	'PhysicalConnectionRequirements.AvailabilityZone': 'availabilityZone',
	'ConnectionProperties.SECRET_ID': 'secret',
};

/**
 * A secret AWS made and manages for a service ("service-linked" secrets are named `<service>!…`,
 * which a user's secret name cannot be): Glue stores inline credentials in one. It belongs to the
 * source connection, so it is not exported; the credentials it holds become placeholders.
 */
export function isServiceManagedSecret(arn: string | undefined): boolean {
	return !!arn && /:secret:[^:]*!/.test(arn);
}

const nonEmpty = <T extends object>(value: T | undefined): T | undefined => (value && Object.keys(value).length ? value : undefined);

/** Sets a member at a dotted path of a plain object, making the objects on the way. */
function setPath(target: IDataObject, path: string, value: unknown) {
	const steps = path.split('.');
	let holder = target;
	for (const step of steps.slice(0, -1)) holder = (holder[step] ??= {}) as IDataObject;
	holder[steps[steps.length - 1]] = value as IDataObject;
}

/** AuthenticationConfiguration as the view has it; credentials AWS keeps in its own secret become placeholders (the secret model says which). */
function authenticationInput(view: IDataObject, auth: AuthenticationConfiguration | undefined): IDataObject | undefined {
	const input = view.AuthenticationConfiguration as IDataObject | undefined;
	if (!input || !isServiceManagedSecret(auth?.SecretArn)) return input;
	// The secret AWS made belongs to the source connection.
	delete input.SecretArn;
	const oauth = auth?.OAuth2Properties;
	if (auth?.AuthenticationType === 'OAUTH2' && !input.OAuth2Properties) return input;
	const userManagedClient = !!oauth?.OAuth2ClientApplication?.UserManagedClientApplicationClientId;
	for (const path of glueManagedAuthPaths(auth?.AuthenticationType, oauth?.OAuth2GrantType, userManagedClient)) setPath(input, path.replace(/^AuthenticationConfiguration\./, ''), secretRequired());
	return input;
}

/**
 * Pure: a Glue connection as a ConnectionInput that Create and Reconcile accept: the connection's
 * one view (glueConnectionView: no read-only member AWS keeps), no server-managed ENCRYPTED_* keys, no secret AWS made; every secret is `{"$secret": "required"}`.
 * `secretKeys` are the ConnectionProperties keys that hold secrets for this connection's type
 * (glueSecretPropertyKeys of the secret model, a described type's SECRET properties included);
 * `tags`, when asked for, become the definition's Tags, which Create gives a new connection.
 */
export function glueConnectionAsDefinition(connection: Connection, secretKeys: string[], tags?: Record<string, string>): ExportedDefinition {
	const returned = connection.ConnectionProperties ?? {};
	// Without every declared secret and AWS's own ENCRYPTED_* copies (the secret declaration says which).
	const properties: Record<string, unknown> = {
		...withoutSecrets('glue', { ConnectionProperties: returned }, { describedSecretKeys: secretKeys }).ConnectionProperties,
	};
	for (const key of glueSecretsToSupply(returned, secretKeys)) properties[key] = secretRequired();
	// The one view of the connection (its request shape, no bookkeeping), its secrets as placeholders.
	const view = glueConnectionView(connection);
	const definition = compact({
		...view,
		ConnectionProperties: properties,
		AuthenticationConfiguration: authenticationInput(view, connection.AuthenticationConfiguration),
		// Create's own parameter, next to the ConnectionInput in a JSON Definition.
		Tags: nonEmpty(tags),
	}) as IDataObject;
	// A connection made elsewhere may hold a password in a URL property: the copy shows it masked
	// (and Create refuses the copy until the URL is fixed).
	return exportedDefinition(withUrlCredentialsMasked(definition), BOUND_PATHS);
}

/** A Glue connection's ARN, which GetTags asks for and GetConnections does not return. */
export function glueConnectionArn(region: string, account: string, name: string): string {
	const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
	return `arn:${partition}:glue:${region}:${account}:connection/${name}`;
}

/** The credential member the secret declaration gives a Glue secret (for Secret References). */
export const glueSecretMember = (path: string) => declaredMember('glue', path);
