import type { DescribeConnectionResponse } from '@aws-sdk/client-eventbridge';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { toNodeApiError } from '../../../shared/errors';
import { concurrencyOptions, connectionLocator, createOrUpdateOptions, optionalSettings, retryFields, withDisplayOptions } from '../../../shared/descriptions';
import { locatorValue, mappedOncePerName, readParameters } from '../../../shared/parameters';
import { DEFINITION_FROM, DEFINITION_JSON, definitionFromFields, FROM_JSON } from '../../../shared/reconcileFields';
import { readSecretValues, resolveSecrets } from '../../../shared/secrets';
import { isToolMode } from '../../../shared/toolMode';
import { buildCreateRequest, connectionName, NAME_PATTERN } from '../../common/definition';
import { eventBridgeDefinition, resolvedEventBridgeRequest } from '../../common/definitionJson';
import type { ParameterBag } from '../../authorizationTypes/values';
import { StateProblem, waitForSettledState } from '../../common/wait';
import type { EventBridgeService } from '../../transport';

/** Operations that change a connection and so may leave it in a transitional state. */
const WAITING_OPERATIONS = ['create', 'update', 'createOrUpdate', 'deauthorize'];

export const connectionField = connectionLocator({
	searchListMethod: 'searchConnections',
	namePattern: NAME_PATTERN,
	namePatternHint: 'A connection name has 1 to 64 letters, digits, dots, dashes or underscores',
});

// Concurrency applies to every operation; the waiting options only to those that change a connection.
export const optionsField = optionalSettings('Option', [
	...concurrencyOptions(),
	...createOrUpdateOptions(
		'Whether to update an existing connection even when its other settings match, because AWS never returns secrets and a changed password or key cannot be detected. Every authorization type carries a secret, so when on, Create or Update always writes: turn on for secret rotation.',
	),
	...retryFields,
	...withDisplayOptions(
		[
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollInterval',
				type: 'number',
				default: 5,
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				description: 'How often to ask for the state while waiting',
			},
			{
				displayName: 'Wait for the State to Settle',
				name: 'waitForState',
				type: 'boolean',
				default: false,
				description:
					"Whether to wait until the connection is no longer creating, updating, authorizing or deauthorizing. A failed connectivity check or the timeout is an error that carries AWS's reason.",
			},
			{
				displayName: 'Wait Timeout (Seconds)',
				name: 'waitTimeout',
				type: 'number',
				default: 300,
				typeOptions: { minValue: 1 },
				description: 'How long to wait for the state to settle before failing',
			},
		],
		{ show: { '/operation': WAITING_OPERATIONS } },
	),
]);

export const options = (bag: ParameterBag) => (bag.options ?? {}) as ParameterBag;

/**
 * With the option "Wait for the State to Settle", polls DescribeConnection until the state settles;
 * otherwise returns what the write call reported. A failure carries the state and AWS's reason.
 */
export async function settle(
	ctx: IExecuteFunctions,
	itemIndex: number,
	bag: ParameterBag,
	name: string,
	{ client, sdk }: EventBridgeService,
	reported: Partial<DescribeConnectionResponse>,
): Promise<Partial<DescribeConnectionResponse>> {
	const settings = options(bag);
	if (settings.waitForState !== true) return reported;
	try {
		return await waitForSettledState(name, async () => await client.send(new sdk.DescribeConnectionCommand({ Name: name })), {
			timeoutMs: Number(settings.waitTimeout ?? 300) * 1000,
			intervalMs: Number(settings.pollInterval ?? 5) * 1000,
			sleep,
			now: Date.now,
		});
	} catch (error) {
		if (!(error instanceof StateProblem)) throw toNodeApiError(ctx.getNode(), error, itemIndex);
		throw new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex,
			description: `State: ${error.state}. State reason: ${error.stateReason || 'none given by AWS'}.`,
		});
	}
}

/** The name of the connection picked in the resource locator, validated before any call. */
export function locatedName(ctx: IExecuteFunctions, itemIndex: number): string {
	return connectionName(locatorValue(ctx, itemIndex), 'Connection');
}

/** Create and Create or Update: the form's fields, or one JSON Definition (what Export gives). */
export const definitionFrom = definitionFromFields(
	'{"Name": "orders-api", "AuthorizationType": "API_KEY", "AuthParameters": {"ApiKeyAuthParameters": {"ApiKeyName": "x-api-key", "ApiKeyValue": {"$secret": {"credential": "apiKey"}}}}}',
);

/**
 * Create and Create or Update: the item's CreateConnection request with its secrets read, from the
 * form's fields or from a JSON Definition (what Export gives), which Reconcile's parser checks
 * before any call.
 */
export async function readCreateRequest(ctx: IExecuteFunctions, itemIndex: number, fields: readonly INodeProperties[]) {
	const bag = readParameters(ctx, itemIndex, fields);
	if (bag[DEFINITION_FROM] !== FROM_JSON) {
		const request = await mappedOncePerName(
			ctx,
			fields,
			async () => await resolveSecrets(ctx, itemIndex, bag, buildCreateRequest),
			(shared) => ({ ...shared, Name: connectionName(bag.name) }),
		);
		return { bag, request, name: String(request.Name) };
	}
	const definition = eventBridgeDefinition(ctx.getNodeParameter(DEFINITION_JSON, itemIndex), !isToolMode(ctx));
	const { references } = definition.parsed;
	const request = references.length ? resolvedEventBridgeRequest(definition, await readSecretValues(ctx, itemIndex, references)) : definition.request;
	return { bag, request, name: definition.name };
}
