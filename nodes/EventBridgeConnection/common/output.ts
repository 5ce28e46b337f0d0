import type {
	CreateConnectionRequest,
	DescribeConnectionResponse,
} from '@aws-sdk/client-eventbridge';
import type { IDataObject } from 'n8n-workflow';

import { requestShapeOf } from '../../shared/definitionJson';
import { toJson } from '../../shared/output';
import { withoutSecrets, withUrlCredentialsMasked } from '../../shared/secretModel';
import { compact } from '../../shared/validation';
import type { AuthParametersView } from '../authorizationTypes/types';
import { comparableHttpParameters } from '../authorizationTypes/values';
import { EVENTBRIDGE_DEFINITION_SCHEMA } from './definitionJson';

type AuthParameters = AuthParametersView;

/** Auth parameters without any secret (as the secret model declares them), HTTP parameter lists in one order. */
export function stripSecrets(auth: AuthParameters | undefined): AuthParameters | undefined {
	if (!auth) return undefined;
	// A connection made elsewhere may carry a password in its endpoint's URL: masked as a secret is.
	const stripped = withUrlCredentialsMasked(withoutSecrets('eventBridge', { AuthParameters: auth }).AuthParameters);
	const oauth = stripped.OAuthParameters;
	return compact({
		...stripped,
		OAuthParameters: oauth && compact({ ...oauth, OAuthHttpParameters: comparableHttpParameters(oauth.OAuthHttpParameters) }),
		InvocationHttpParameters: comparableHttpParameters(stripped.InvocationHttpParameters),
	});
}

/**
 * The one view of a connection on the way out: its CreateConnection request shape as AWS (or our
 * output) gives it, without secrets (the secret model's), without AWS's bookkeeping (ARN, state,
 * times, the secret and association AWS made), passwords inside URLs masked. Export's definition,
 * a tool's compact answer and a plan's state start from it.
 */
export function eventBridgeConnectionView(connection: DescribeConnectionResponse | IDataObject): IDataObject {
	// Rows in AWS's order (a plan's comparison sorts them: stripSecrets).
	const view = withUrlCredentialsMasked(withoutSecrets('eventBridge', toJson(connection)));
	return (requestShapeOf(view, EVENTBRIDGE_DEFINITION_SCHEMA) ?? {}) as IDataObject;
}

/** A described or listed connection for the next node: AWS's shape, ISO times, no secrets, no $metadata. */
export function connectionOutput(connection: DescribeConnectionResponse): IDataObject {
	return toJson({ ...connection, AuthParameters: stripSecrets(connection.AuthParameters) }) as IDataObject;
}

/** What a write operation reports: the connection's ARN, state and times, and what was done. */
export function stateSummary(
	name: string,
	response: Partial<DescribeConnectionResponse>,
	result: { action: string; changed: boolean },
): IDataObject {
	// Member by member (not compact + toJson, two walks over a copy): this runs for every item.
	const summary: IDataObject = { name };
	const { ConnectionArn, ConnectionState, StateReason, CreationTime, LastModifiedTime, LastAuthorizedTime } = response;
	if (ConnectionArn !== undefined) summary.connectionArn = ConnectionArn;
	if (ConnectionState !== undefined) summary.state = ConnectionState;
	if (StateReason) summary.stateReason = StateReason;
	if (CreationTime !== undefined) summary.creationTime = toJson(CreationTime) as string;
	if (LastModifiedTime !== undefined) summary.lastModifiedTime = toJson(LastModifiedTime) as string;
	if (LastAuthorizedTime !== undefined) summary.lastAuthorizedTime = toJson(LastAuthorizedTime) as string;
	summary.action = result.action;
	summary.changed = result.changed;
	return summary;
}

/** Leaf paths of a plain-object tree; lists (HTTP parameters) are compared whole. */
function leaves(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		for (const [key, member] of Object.entries(value)) leaves(member, path ? `${path}.${key}` : key, out);
	} else if (value !== undefined && value !== null && value !== '') {
		out.set(path, JSON.stringify(value));
	}
	return out;
}

/**
 * Create or Update's and a plan's comparison: the paths where the connection's one view differs
 * between the wanted definition and what DescribeConnection reports (no secret: AWS never returns
 * them; no association ARN AWS adds to a private endpoint). A KMS key is compared only when given.
 */
export function definitionDifferences(desired: CreateConnectionRequest, current: DescribeConnectionResponse): string[] {
	const compareKms = Boolean(desired.KmsKeyIdentifier);
	const view = (connection: Partial<CreateConnectionRequest> | DescribeConnectionResponse) =>
		leaves({ ...comparedView(connection), KmsKeyIdentifier: compareKms ? connection.KmsKeyIdentifier : undefined }, '', new Map());
	const [wanted, actual] = [view(desired), view(current)];
	return [...new Set([...wanted.keys(), ...actual.keys()])].filter((path) => wanted.get(path) !== actual.get(path)).sort();
}

/** What a plan and Create or Update compare of a definition or a described connection: its one view without the name, HTTP parameter rows in one order. */
export function comparedView(connection: Partial<CreateConnectionRequest> | DescribeConnectionResponse): Record<string, unknown> {
	const view = eventBridgeConnectionView(connection as DescribeConnectionResponse);
	// IsValueSecret always set and rows sorted: the same rows in another order are no change.
	return compact({ ...view, Name: undefined, AuthParameters: stripSecrets(view.AuthParameters as AuthParametersView | undefined) });
}
