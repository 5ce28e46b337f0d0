import type { CreateConnectionRequest } from '@aws-sdk/client-eventbridge';

import { DEFINITION_FIELD, type ParsedDefinition, parseDefinition, type Schema, withValuesAt } from '../../shared/definitionJson';
import { isSecretAt } from '../../shared/secretModel';
import { MAX_HTTP_PARAMETERS } from '../authorizationTypes/values';
import { checkEventBridgeRequest } from './check';

/**
 * An EventBridge JSON Definition (CONTRACTS.md, contract 2): a CreateConnection request as the AWS
 * API takes it. Parsed by shared/definitionJson.ts (the shape), then checked by common/check.ts, the
 * checker the form's request passes too.
 */
const parameter: Schema = { object: { Key: 'string', Value: 'string', IsValueSecret: 'boolean' } };
const list: Schema = { list: parameter, max: MAX_HTTP_PARAMETERS };
const httpParameters: Schema = { object: { HeaderParameters: list, QueryStringParameters: list, BodyParameters: list } };
const connectivity: Schema = { object: { ResourceParameters: { object: { ResourceConfigurationArn: 'string' }, required: ['ResourceConfigurationArn'] } } };

export const EVENTBRIDGE_DEFINITION_SCHEMA = {
	object: {
		Name: 'string',
		Description: 'string',
		AuthorizationType: 'string',
		AuthParameters: {
			object: {
				BasicAuthParameters: { object: { Username: 'string', Password: 'string' }, required: ['Username', 'Password'] },
				ApiKeyAuthParameters: { object: { ApiKeyName: 'string', ApiKeyValue: 'string' }, required: ['ApiKeyName', 'ApiKeyValue'] },
				OAuthParameters: {
					object: {
						ClientParameters: { object: { ClientID: 'string', ClientSecret: 'string' }, required: ['ClientID', 'ClientSecret'] },
						AuthorizationEndpoint: 'string',
						HttpMethod: 'string',
						OAuthHttpParameters: httpParameters,
					},
					required: ['ClientParameters', 'AuthorizationEndpoint', 'HttpMethod'],
				},
				InvocationHttpParameters: httpParameters,
				ConnectivityParameters: connectivity,
			},
		},
		InvocationConnectivityParameters: connectivity,
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
