import type { ConnectionInput, TestConnectionInput } from '@aws-sdk/client-glue';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { concurrencyOptions, connectionLocator, createOrUpdateOptions, newConnectionNameField, optionalSettings, retryFields } from '../../../shared/descriptions';
import { mappedOncePerName, readParameters } from '../../../shared/parameters';
import { requestTimeoutOption, TEST_CONNECTION_TIMEOUT } from '../../../shared/transport/retry';
import { checkLength, required, str } from '../../../shared/validation';
import { DEFINITION_FROM, DEFINITION_JSON, definitionFromFields, FROM_JSON, hiddenWhileJson } from '../../../shared/reconcileFields';
import { readSecretValues, resolveSecrets } from '../../../shared/secrets';
import { isToolMode } from '../../../shared/toolMode';
import { buildConnectionInput, buildTags, checkConnectionName, FIRST_CLASS_TYPES } from '../../common/definition';
import { glueDefinition, resolvedGlueInput } from '../../common/definitionJson';
import { checkAgainstDescription } from '../../common/describedType';
import type { ParameterBag } from '../../connectionTypes/types';
import type { GlueService } from '../../transport';

/** Create and Create or Update: the form's fields, or one JSON Definition (what Export gives). */
export const definitionFrom = definitionFromFields('{"Name": "sales-postgres", "ConnectionType": "JDBC", "ConnectionProperties": {"JDBC_CONNECTION_URL": "…", "SECRET_ID": "glue/sales"}}');

/** Fields several operations share: each operation file lists the ones it shows. */
export const nameField = hiddenWhileJson([newConnectionNameField('e.g. sales-postgres', 'The name of the connection (1 to 255 characters)')])[0];

export const connectionField = connectionLocator({
	searchListMethod: 'searchConnections',
	namePattern: '^.{1,255}$',
	namePatternHint: 'A connection name has 1 to 255 characters',
});

export const hidePasswordField: INodeProperties = {
	displayName: 'Hide Password',
	name: 'hidePassword',
	type: 'boolean',
	default: true,
	description: 'Whether to leave passwords out of the result. Turn off only when the next step needs them.',
	// An export never reads secrets.
	displayOptions: { hide: { output: ['definitions'] } },
};

export const optionsField = optionalSettings('Option', [
	{
		displayName: 'Catalog ID',
		name: 'catalogId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 123456789012',
		description: 'The Data Catalog to use; by default the account of the credential',
	},
	...concurrencyOptions(),
	...createOrUpdateOptions(
		'Whether to update the connection whenever the definition carries a password or other secret. AWS never returns secrets, so without this a change of only a secret is not detected.',
	),
	...retryFields,
]);

/**
 * Test Connection's request options: AWS connects to the data store while the attempt waits, which
 * can take minutes, so the attempt gets at least TEST_CONNECTION_TIMEOUT whatever the Request Timeout.
 */
export const testConnectionRequest = (ctx: IExecuteFunctions) => ({
	requestTimeout: Math.max(requestTimeoutOption(ctx), TEST_CONNECTION_TIMEOUT * 1000),
});

/** The Catalog ID option, or undefined for the credential's account. */
export function catalogId(bag: ParameterBag): string | undefined {
	const value = str(((bag.options ?? {}) as Record<string, unknown>).catalogId);
	return value ? checkLength(value, 'Catalog ID', 1, 255) : undefined;
}

/** The name of an existing connection (Get, Update, Delete, Test Connection), checked as Create checks it. */
export function connectionName(value: unknown, field = 'Connection'): string {
	return checkConnectionName(required(value, field), field);
}

/** Create and Create or Update: the named definition of one item, validated and mapped, secrets resolved. */
export async function readNamedDefinition(ctx: IExecuteFunctions, itemIndex: number, fields: readonly INodeProperties[]) {
	const bag = readParameters(ctx, itemIndex, fields);
	if (bag[DEFINITION_FROM] === FROM_JSON) return { bag, ...(await readJsonDefinition(ctx, itemIndex)), catalogId: catalogId(bag) };
	const name = connectionName(bag.name, 'Name');
	const definition = await mappedOncePerName(
		ctx,
		fields,
		async () => ({
			input: await resolveSecrets(ctx, itemIndex, bag, (resolved) => buildConnectionInput(resolved, name)),
			tags: buildTags(bag),
			catalogId: catalogId(bag),
			markedSecretKeys: [] as string[],
		}),
		(shared) => ({ ...shared, input: { ...shared.input, Name: name } }),
	);
	return { bag, name, ...definition };
}

/**
 * A JSON Definition (what Export gives): parsed and checked before any call by Reconcile's parser,
 * then its {"$secret": …} references read. `markedSecretKeys`: properties the definition gives as
 * secrets (never compared with AWS's answer).
 */
async function readJsonDefinition(ctx: IExecuteFunctions, itemIndex: number) {
	const definition = glueDefinition(ctx.getNodeParameter(DEFINITION_JSON, itemIndex), !isToolMode(ctx));
	const { references } = definition.parsed;
	const input = references.length ? resolvedGlueInput(definition, await readSecretValues(ctx, itemIndex, references)) : definition.input;
	return { name: definition.name, input, tags: definition.tags, markedSecretKeys: definition.secretKeys };
}

/**
 * A type without a form of its own is checked against AWS's description of it (fetched once per
 * execution and type) before anything is written: required properties, allowed values, the
 * authentication type, Secret ARN and Network (VPC). A Test Definition carries no network settings.
 */
export async function checkDescribedType(service: GlueService, input: ConnectionInput | TestConnectionInput): Promise<void> {
	const type = String(input.ConnectionType);
	if (FIRST_CLASS_TYPES.includes(type)) return;
	const description = await service.describeConnectionType(type);
	if (!description) return;
	const authentication = input.AuthenticationConfiguration;
	checkAgainstDescription(description, {
		connectionProperties: input.ConnectionProperties ?? {},
		authenticationType: authentication?.AuthenticationType,
		hasSecretArn: !!authentication?.SecretArn,
		hasNetwork: 'Name' in input ? input.PhysicalConnectionRequirements !== undefined : true,
	});
}
