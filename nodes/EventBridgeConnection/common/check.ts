import type { CreateConnectionRequest, UpdateConnectionRequest } from '@aws-sdk/client-eventbridge';

import { EVENTBRIDGE_AUTHORIZATION_TYPES } from '../../shared/sdkEnums.generated';
import { checkLength, checkOneOf, checkPattern, fail, required } from '../../shared/validation';
import { authorizationTypes } from '../authorizationTypes';
import type { Label } from '../authorizationTypes/types';
import { checkHttpParameters, kmsKeyIdentifier, resourceConfigurationArn } from '../authorizationTypes/values';

/**
 * The one request checker of the EventBridge node: every rule about a CreateConnection (or
 * UpdateConnection) request, whatever built it (the form, a JSON Definition, a Reconcile item, a
 * tool call). `at` names a request path as the user knows it: the form's field label, or the JSON
 * path of the definition. Each authorization type checks its own AuthParameters section.
 */
export const NAME_PATTERN = '^[\\.\\-_A-Za-z0-9]+$';
export const NAME_REGEX = new RegExp(NAME_PATTERN);
export const NAME_HINT = '1 to 64 letters, digits, dots, dashes or underscores';

/** A connection name as the API model accepts it. */
export function connectionName(value: unknown, field = 'Name'): string {
	const name = checkLength(required(value, field), field, 1, 64);
	return checkPattern(name, field, NAME_REGEX, NAME_HINT);
}

/** Pure: throws an InputProblem (named through `at`) for the first rule the request breaks. `create`: a whole CreateConnection request. */
export function checkEventBridgeRequest(request: CreateConnectionRequest | UpdateConnectionRequest, at: Label, create = true): void {
	connectionName(request.Name, at('Name'));
	if (request.Description !== undefined) checkLength(request.Description, at('Description'), 0, 512);
	const auth = request.AuthParameters ?? {};
	if (request.AuthorizationType !== undefined || create) {
		const type = authorizationTypes[checkOneOf(String(request.AuthorizationType ?? ''), at('AuthorizationType'), EVENTBRIDGE_AUTHORIZATION_TYPES)];
		type.checkRequest(auth, at, create);
		for (const other of Object.values(authorizationTypes)) {
			if (other !== type && auth[other.section]) fail(at(`AuthParameters.${other.section}`), `does not belong to AuthorizationType ${type.value}`);
		}
	}
	checkHttpParameters(auth.InvocationHttpParameters, at, 'AuthParameters.InvocationHttpParameters');
	const privateEndpoint = 'AuthParameters.ConnectivityParameters.ResourceParameters.ResourceConfigurationArn';
	if (auth.ConnectivityParameters) resourceConfigurationArn(auth.ConnectivityParameters.ResourceParameters?.ResourceConfigurationArn ?? fail(at(privateEndpoint), 'is required'), at(privateEndpoint));
	const target = 'InvocationConnectivityParameters.ResourceParameters.ResourceConfigurationArn';
	if (request.InvocationConnectivityParameters) resourceConfigurationArn(request.InvocationConnectivityParameters.ResourceParameters?.ResourceConfigurationArn ?? fail(at(target), 'is required'), at(target));
	if (request.KmsKeyIdentifier) kmsKeyIdentifier(request.KmsKeyIdentifier, at('KmsKeyIdentifier'));
}
