import type { CreateConnectionRequest } from '@aws-sdk/client-eventbridge';

import { DEFINITION_FIELD, type ParsedDefinition, parseDefinition, type Schema } from '../../shared/definitionJson';
import { EVENTBRIDGE_AUTHORIZATION_TYPES } from '../../shared/sdkEnums.generated';
import { isSecretAt } from '../../shared/secretModel';
import { checkLength, checkOneOf, fail } from '../../shared/validation';
import { connectionName } from './definition';
import { httpsEndpoint, kmsKeyIdentifier, MAX_HTTP_PARAMETERS, resourceConfigurationArn } from '../authorizationTypes/values';

/**
 * An EventBridge JSON Definition (CONTRACTS.md, contract 2): a CreateConnection request as the AWS
 * API takes it. Parsed by shared/definitionJson.ts, then checked as the form's mapping checks it.
 */
const parameter: Schema = { object: { Key: 'string', Value: 'string', IsValueSecret: 'boolean' } };
const list: Schema = { list: parameter, max: MAX_HTTP_PARAMETERS };
const httpParameters: Schema = { object: { HeaderParameters: list, QueryStringParameters: list, BodyParameters: list } };
const connectivity: Schema = { object: { ResourceParameters: { object: { ResourceConfigurationArn: 'string' }, required: ['ResourceConfigurationArn'] } } };

/** Which member of AuthParameters each authorization type needs. */
const AUTH_MEMBER = { BASIC: 'BasicAuthParameters', API_KEY: 'ApiKeyAuthParameters', OAUTH_CLIENT_CREDENTIALS: 'OAuthParameters' } as const;

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

const at = (path: string) => `${DEFINITION_FIELD} › ${path}`;

/** Pure: an EventBridge JSON Definition, validated (an InputProblem names the path). */
export function eventBridgeDefinition(value: unknown, literalSecrets = true): EventBridgeDefinition {
	const parsed = parseDefinition(value, { schema: EVENTBRIDGE_DEFINITION_SCHEMA, isSecretPath: (path, definition) => isSecretAt('eventBridge', definition, path), literalSecrets });
	const request = parsed.definition as unknown as CreateConnectionRequest;
	const name = connectionName(request.Name, at('Name'));
	const type = checkOneOf(String(request.AuthorizationType), at('AuthorizationType'), EVENTBRIDGE_AUTHORIZATION_TYPES);
	if (request.Description !== undefined) checkLength(request.Description, at('Description'), 0, 512);
	const auth = request.AuthParameters ?? {};
	const wanted = AUTH_MEMBER[type];
	if (!auth[wanted]) fail(at(`AuthParameters.${wanted}`), `is required for AuthorizationType ${type}`);
	for (const other of Object.values(AUTH_MEMBER)) {
		if (other !== wanted && auth[other]) fail(at(`AuthParameters.${other}`), `does not belong to AuthorizationType ${type}`);
	}
	if (auth.OAuthParameters) {
		httpsEndpoint(auth.OAuthParameters.AuthorizationEndpoint, at('AuthParameters.OAuthParameters.AuthorizationEndpoint'));
		checkOneOf(String(auth.OAuthParameters.HttpMethod), at('AuthParameters.OAuthParameters.HttpMethod'), ['GET', 'POST', 'PUT']);
	}
	const arn = request.InvocationConnectivityParameters?.ResourceParameters?.ResourceConfigurationArn;
	if (arn) resourceConfigurationArn(arn, at('InvocationConnectivityParameters.ResourceParameters.ResourceConfigurationArn'));
	if (request.KmsKeyIdentifier) kmsKeyIdentifier(request.KmsKeyIdentifier, at('KmsKeyIdentifier'));
	return { name, request: { ...request, Name: name }, parsed };
}
