import type { CreateConnectionRequest, UpdateConnectionRequest } from '@aws-sdk/client-eventbridge';
import type { INodeProperties } from 'n8n-workflow';

import { newConnectionNameField, optionalSettings } from '../../shared/descriptions';
import { hiddenWhileJson } from '../../shared/reconcileFields';
import { secretSourceField } from '../../shared/secrets';
import { declarationsOf } from '../../shared/secretModel';
import { compact, str } from '../../shared/validation';
import { authorizationFields, authorizationTypeFor, authorizationTypes, authorizationUpdateFields } from '../authorizationTypes';
import { checkEventBridgeRequest, connectionName, NAME_HINT, NAME_PATTERN, NAME_REGEX } from './check';
import {
	httpParameterFields,
	httpParameterLabels,
	fieldText,
	type ParameterBag,
	toHttpParameters,
} from '../authorizationTypes/values';

const KMS_KEY = 'KMS Key';
const PRIVATE_TARGET = 'Private Endpoint (Resource Configuration ARN)';

export { connectionName, NAME_PATTERN, NAME_REGEX };

/** The form's label of each request path that no type module labels (secrets: the secret model's labels). */
const FORM_LABELS: Record<string, string> = {
	Name: 'Name',
	Description: 'Description',
	AuthorizationType: 'Authorization Type',
	KmsKeyIdentifier: KMS_KEY,
	'InvocationConnectivityParameters.ResourceParameters.ResourceConfigurationArn': PRIVATE_TARGET,
	...httpParameterLabels('AuthParameters.InvocationHttpParameters', 'Invocation'),
	...Object.fromEntries(Object.values(authorizationTypes).flatMap((type) => Object.entries(type.labels))),
	...Object.fromEntries(declarationsOf('eventBridge').map((declaration) => [declaration.sdkPath, declaration.label])),
};

/** Messages about the form's request name its fields (a list entry by its list). */
export const formLabel = (path: string) => {
	const list = path.replace(/\[\d+\].*$/, '');
	return FORM_LABELS[path] ?? FORM_LABELS[list] ?? list;
};

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

/** Pure: the parts every type shares (description, invocation settings, KMS key), as the fields say them. */
function commonParts(bag: ParameterBag) {
	const extra = (bag.additionalFields ?? {}) as ParameterBag;
	const arn = fieldText(extra.resourceConfigurationArn);
	return {
		description: extra.description === undefined ? undefined : str(extra.description),
		invocation: toHttpParameters(extra, 'invocation', 'Invocation'),
		connectivity: arn ? { ResourceParameters: { ResourceConfigurationArn: arn } } : undefined,
		kmsKey: fieldText(extra.kmsKeyIdentifier),
	};
}

/** Pure: the CreateConnection input for one item's parameters. */
export function buildCreateRequest(bag: ParameterBag): CreateConnectionRequest {
	const name = str(bag.name);
	const type = authorizationTypeFor(bag.authorizationType);
	const { description, invocation, connectivity, kmsKey } = commonParts(bag);
	const request = compact({
		Name: name,
		Description: description || undefined,
		AuthorizationType: type.value,
		AuthParameters: compact({ ...type.toCreate(bag), InvocationHttpParameters: invocation }),
		InvocationConnectivityParameters: connectivity,
		KmsKeyIdentifier: kmsKey,
	});
	checkEventBridgeRequest(request, formLabel);
	return request;
}

/** Pure: the UpdateConnection input, with only what the user set (an empty description clears it). */
export function buildUpdateRequest(bag: ParameterBag, name: string): UpdateConnectionRequest {
	const typeValue = str(bag.authorizationType);
	const type = typeValue ? authorizationTypeFor(typeValue) : undefined;
	const { description, invocation, connectivity, kmsKey } = commonParts(bag);
	const auth = compact({ ...type?.toUpdate(bag), InvocationHttpParameters: invocation });
	const request = compact({
		Name: name,
		Description: description,
		AuthorizationType: type?.value,
		AuthParameters: Object.keys(auth).length ? auth : undefined,
		InvocationConnectivityParameters: connectivity,
		KmsKeyIdentifier: kmsKey,
	});
	checkEventBridgeRequest(request, formLabel, false);
	return request;
}
