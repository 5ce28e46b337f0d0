import type { DescribeConnectionResponse } from '@aws-sdk/client-eventbridge';

import { type BoundKind, declaredMember, type ExportedDefinition, exportedDefinition, withDeclaredPlaceholders } from '../../shared/export';
import { eventBridgeConnectionView } from './output';

/** Values bound to an account or Region that are not ARNs (ARNs are found by their shape). */
export const BOUND_PATHS: Record<string, BoundKind> = { KmsKeyIdentifier: 'kmsKey' };

type Described = DescribeConnectionResponse & { KmsKeyIdentifier?: string };

/**
 * Pure: a described EventBridge connection as a CreateConnection request that Create and
 * Reconcile accept: no read-only members (ConnectionArn, ConnectionState, StateReason, SecretArn
 * of the secret EventBridge made, CreationTime, LastModifiedTime, LastAuthorizedTime, the
 * ResourceAssociationArn of a private endpoint): the connection's one view (eventBridgeConnectionView,
 * the definition schema's members only). AWS returns no secret at all: every secret the
 * secret declaration places in what AWS did return (the password of Basic parameters, an API key's
 * value, a client secret, the value of a row marked secret) is `{"$secret": "required"}`.
 */
export function eventBridgeConnectionAsDefinition(connection: Described): ExportedDefinition {
	const definition = withDeclaredPlaceholders('eventBridge', eventBridgeConnectionView(connection));
	return exportedDefinition(definition, BOUND_PATHS);
}

/** The credential member the secret declaration gives an EventBridge secret (for Secret References). */
export const eventBridgeSecretMember = (path: string) => declaredMember('eventBridge', path);
