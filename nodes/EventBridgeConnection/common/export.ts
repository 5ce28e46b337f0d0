import type { ConnectionHttpParameters, DescribeConnectionResponse } from '@aws-sdk/client-eventbridge';
import type { IDataObject } from 'n8n-workflow';

import { type BoundKind, declaredMember, type ExportedDefinition, exportedDefinition, withDeclaredPlaceholders } from '../../shared/export';
import { toJson } from '../../shared/output';
import { withUrlCredentialsMasked } from '../../shared/secretModel';
import { compact } from '../../shared/validation';

/** Values bound to an account or Region that are not ARNs (ARNs are found by their shape). */
const BOUND_PATHS: Record<string, BoundKind> = { KmsKeyIdentifier: 'kmsKey' };

type Described = DescribeConnectionResponse & { KmsKeyIdentifier?: string };

/** Header, query string and body rows as AWS returned them (a row marked secret comes back without its value). */
function httpParameters(parameters: ConnectionHttpParameters | undefined): IDataObject | undefined {
	if (!parameters) return undefined;
	const lists = Object.entries(parameters)
		.filter(([, rows]) => Array.isArray(rows) && rows.length)
		.map(([list, rows]) => [
			list,
			(rows as Array<{ Key?: string; Value?: string; IsValueSecret?: boolean }>).map((row) =>
				compact({ Key: row.Key, Value: row.IsValueSecret ? undefined : row.Value, IsValueSecret: row.IsValueSecret === true }),
			),
		]);
	return lists.length ? Object.fromEntries(lists) : undefined;
}

/** A private endpoint in its request shape: the resource configuration, without the association AWS made. */
function connectivity(parameters: { ResourceParameters?: { ResourceConfigurationArn?: string } } | undefined) {
	const arn = parameters?.ResourceParameters?.ResourceConfigurationArn;
	return arn ? { ResourceParameters: { ResourceConfigurationArn: arn } } : undefined;
}

/**
 * Pure: a described EventBridge connection as a CreateConnection request that Create and
 * Reconcile accept: no read-only members (ConnectionArn, ConnectionState, StateReason, SecretArn
 * of the secret EventBridge made, CreationTime, LastModifiedTime, LastAuthorizedTime, the
 * ResourceAssociationArn of a private endpoint). AWS returns no secret at all: every secret the
 * secret declaration places in what AWS did return (the password of Basic parameters, an API key's
 * value, a client secret, the value of a row marked secret) is `{"$secret": "required"}`.
 */
export function eventBridgeConnectionAsDefinition(connection: Described): ExportedDefinition {
	const auth = connection.AuthParameters ?? {};
	const basic = auth.BasicAuthParameters;
	const apiKey = auth.ApiKeyAuthParameters;
	const oauth = auth.OAuthParameters;
	const authParameters = compact({
		BasicAuthParameters: basic ? { Username: basic.Username } : undefined,
		ApiKeyAuthParameters: apiKey ? { ApiKeyName: apiKey.ApiKeyName } : undefined,
		OAuthParameters: oauth
			? compact({
					ClientParameters: { ClientID: oauth.ClientParameters?.ClientID },
					AuthorizationEndpoint: oauth.AuthorizationEndpoint,
					HttpMethod: oauth.HttpMethod,
					OAuthHttpParameters: httpParameters(oauth.OAuthHttpParameters),
				})
			: undefined,
		InvocationHttpParameters: httpParameters(auth.InvocationHttpParameters),
		ConnectivityParameters: connectivity(auth.ConnectivityParameters),
	});
	const definition = withDeclaredPlaceholders('eventBridge', toJson(
		compact({
			Name: connection.Name,
			Description: connection.Description || undefined,
			AuthorizationType: connection.AuthorizationType,
			AuthParameters: Object.keys(authParameters).length ? authParameters : undefined,
			InvocationConnectivityParameters: connectivity(connection.InvocationConnectivityParameters),
			KmsKeyIdentifier: connection.KmsKeyIdentifier || undefined,
		}),
	) as IDataObject);
	// A connection made elsewhere may carry a password in its endpoint's URL: the copy shows it masked.
	return exportedDefinition(withUrlCredentialsMasked(definition), BOUND_PATHS);
}

/** The credential member the secret declaration gives an EventBridge secret (for Secret References). */
export const eventBridgeSecretMember = (path: string) => declaredMember('eventBridge', path);
