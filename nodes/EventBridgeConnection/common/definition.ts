import type { CreateConnectionRequest, UpdateConnectionRequest } from '@aws-sdk/client-eventbridge';
import type { INodeProperties } from 'n8n-workflow';

import { newConnectionNameField, optionalSettings } from '../../shared/descriptions';
import { hiddenWhileJson } from '../../shared/reconcileFields';
import { secretSourceField } from '../../shared/secrets';
import { checkLength, checkPattern, compact, required, str } from '../../shared/validation';
import { authorizationFields, authorizationTypeFor, authorizationUpdateFields } from '../authorizationTypes';
import {
	httpParameterFields,
	kmsKeyIdentifier,
	type ParameterBag,
	resourceConfigurationArn,
	toHttpParameters,
} from '../authorizationTypes/values';

export const NAME_PATTERN = '^[\\.\\-_A-Za-z0-9]+$';
export const NAME_REGEX = new RegExp(NAME_PATTERN);
const NAME_HINT = '1 to 64 letters, digits, dots, dashes or underscores';
const KMS_KEY = 'KMS Key';
const PRIVATE_TARGET = 'Private Endpoint (Resource Configuration ARN)';

/** A connection name as the API model accepts it. */
export function connectionName(value: unknown, field = 'Name'): string {
	const name = checkLength(required(value, field), field, 1, 64);
	return checkPattern(name, field, NAME_REGEX, NAME_HINT);
}

export const nameField = hiddenWhileJson([newConnectionNameField('e.g. orders-api', `The name of the connection: ${NAME_HINT}`)])[0];

/** Settings every authorization type has; on Update, only the ones added here are sent. */
export const additionalFields = hiddenWhileJson([
	optionalSettings('Field', [
	{ displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 2 } },
	...httpParameterFields('invocation', 'Invocation'),
	{
		displayName: KMS_KEY,
		name: 'kmsKeyIdentifier',
		type: 'string',
		default: '',
		placeholder: 'e.g. arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
		description: 'A customer managed KMS key (ARN, key ID or alias) to encrypt the connection; by default an AWS owned key',
	},
	{
		displayName: PRIVATE_TARGET,
		name: 'resourceConfigurationArn',
		type: 'string',
		default: '',
		placeholder: 'e.g. arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0',
		description: 'For an API destination in a private network: the VPC Lattice resource configuration that reaches it',
	},
]),
])[0];

const secretSource = secretSourceField({});

/** The definition Create and Create or Update show, in form order. */
export const definitionFields: INodeProperties[] = [secretSource, ...hiddenWhileJson(authorizationFields), additionalFields];

/** The definition Update shows: the same, nothing required, the authorization only when a type is picked. */
export const updateDefinitionFields: INodeProperties[] = [secretSource, ...authorizationUpdateFields, additionalFields];

/** Pure: the parts every type shares (description, invocation settings, KMS key). */
function commonParts(bag: ParameterBag) {
	const extra = (bag.additionalFields ?? {}) as ParameterBag;
	const description = extra.description === undefined ? undefined : checkLength(str(extra.description), 'Description', 0, 512);
	const arn = resourceConfigurationArn(extra.resourceConfigurationArn, PRIVATE_TARGET);
	return {
		description,
		invocation: toHttpParameters(extra, 'invocation', 'Invocation'),
		connectivity: arn ? { ResourceParameters: { ResourceConfigurationArn: arn } } : undefined,
		kmsKey: kmsKeyIdentifier(extra.kmsKeyIdentifier, KMS_KEY),
	};
}

/** Pure: the CreateConnection input for one item's parameters. */
export function buildCreateRequest(bag: ParameterBag): CreateConnectionRequest {
	const name = connectionName(bag.name);
	const type = authorizationTypeFor(bag.authorizationType);
	const { description, invocation, connectivity, kmsKey } = commonParts(bag);
	return compact({
		Name: name,
		Description: description || undefined,
		AuthorizationType: type.value,
		AuthParameters: compact({ ...type.toCreate(bag), InvocationHttpParameters: invocation }),
		InvocationConnectivityParameters: connectivity,
		KmsKeyIdentifier: kmsKey,
	});
}

/** Pure: the UpdateConnection input, with only what the user set (an empty description clears it). */
export function buildUpdateRequest(bag: ParameterBag, name: string): UpdateConnectionRequest {
	const typeValue = str(bag.authorizationType);
	const type = typeValue ? authorizationTypeFor(typeValue) : undefined;
	const { description, invocation, connectivity, kmsKey } = commonParts(bag);
	const auth = compact({ ...type?.toUpdate(bag), InvocationHttpParameters: invocation });
	return compact({
		Name: name,
		Description: description,
		AuthorizationType: type?.value,
		AuthParameters: Object.keys(auth).length ? auth : undefined,
		InvocationConnectivityParameters: connectivity,
		KmsKeyIdentifier: kmsKey,
	});
}
