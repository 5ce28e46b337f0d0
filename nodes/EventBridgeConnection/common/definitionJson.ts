import type { CreateConnectionRequest } from '@aws-sdk/client-eventbridge';

import { DEFINITION_FIELD, type ParsedDefinition, parseDefinition, type Schema, withValuesAt } from '../../shared/definitionJson';
import { isSecretAt } from '../../shared/secretModel';
import { authorizationTypes } from '../authorizationTypes';
import { CONNECTIVITY_SCHEMA, HTTP_PARAMETERS_SCHEMA } from '../authorizationTypes/values';
import { checkEventBridgeRequest } from './check';

/**
 * An EventBridge JSON Definition (CONTRACTS.md, contract 2): a CreateConnection request as the AWS
 * API takes it. Parsed by shared/definitionJson.ts (the shape), then checked by common/check.ts, the
 * checker the form's request passes too.
 */
export const EVENTBRIDGE_DEFINITION_SCHEMA = {
	object: {
		Name: 'string',
		Description: 'string',
		AuthorizationType: 'string',
		AuthParameters: {
			object: {
				// Each authorization type declares its own section (its module): a new member is added there.
				...Object.fromEntries(Object.values(authorizationTypes).map((type) => [type.section, type.schema])),
				InvocationHttpParameters: HTTP_PARAMETERS_SCHEMA,
				ConnectivityParameters: CONNECTIVITY_SCHEMA,
			},
		},
		InvocationConnectivityParameters: CONNECTIVITY_SCHEMA,
		KmsKeyIdentifier: 'string',
	},
	required: ['Name', 'AuthorizationType', 'AuthParameters'],
} satisfies { object: Record<string, Schema>; required: string[] };

export interface EventBridgeDefinition {
	name: string;
	/** The request, referenced secrets held by stand-ins. */
	request: CreateConnectionRequest;
	parsed: ParsedDefinition;
}

/** Messages about a JSON Definition name the path in it. */
const jsonLabel = (path: string) => `${DEFINITION_FIELD} › ${path}`;

/** Pure: an EventBridge JSON Definition, parsed (an InputProblem names the path) and checked by the node's one request checker. */
export function eventBridgeDefinition(value: unknown, literalSecrets = true): EventBridgeDefinition {
	const parsed = parseDefinition(value, { schema: EVENTBRIDGE_DEFINITION_SCHEMA, isSecretPath: (path, definition) => isSecretAt('eventBridge', definition, path), literalSecrets });
	const request = parsed.definition as unknown as CreateConnectionRequest;
	const name = typeof request.Name === 'string' ? request.Name.trim() : request.Name;
	checkEventBridgeRequest({ ...request, Name: name }, jsonLabel);
	return { name: String(name), request: { ...request, Name: name }, parsed };
}

/** The request with its referenced secrets read, checked again: a value read at run time is part of the request too. */
export function resolvedEventBridgeRequest(definition: EventBridgeDefinition, values: readonly unknown[]): CreateConnectionRequest {
	const request = withValuesAt(definition.request as never, definition.parsed.references.map((reference) => reference.path), values) as unknown as CreateConnectionRequest;
	checkEventBridgeRequest(request, jsonLabel);
	return request;
}
