import type { ListConnectionsRequest } from '@aws-sdk/client-eventbridge';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runBounded } from '../../../shared/boundedRun';
import { optionalSettings, returnAllAndLimit } from '../../../shared/descriptions';
import { exportedItem, exportFields, OUTPUT_DEFINITIONS, readReplacements, readSecretReferences, withReplacements, withSecretReferences } from '../../../shared/export';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { EVENTBRIDGE_CONNECTION_STATES } from '../../../shared/sdkEnums.generated';
import { exportOverTargets, readTargets, type Target, targetFields } from '../../../shared/targets';
import { checkLength, checkOneOf, checkPattern, compact, str } from '../../../shared/validation';
import { NAME_REGEX } from '../../common/definition';
import { eventBridgeConnectionAsDefinition, eventBridgeSecretMember } from '../../common/export';
import { connectionOutput } from '../../common/output';
import type { ParameterBag } from '../../authorizationTypes/values';
import { describeConnection } from '../../common/writes';
import { toolDescriptionField, toolListFetchLimit, toolListOutput } from '../../../shared/toolMode';
import { type EventBridgeService, eventBridgeService } from '../../transport';
import { optionsField } from './shared';

/** ListConnections returns at most 100 per page. */
const PAGE_SIZE = 100;
const pagingFields = returnAllAndLimit(1000);
const STATE_LABELS: Record<string, string> = { FAILED_CONNECTIVITY: 'Failed Connectivity' };
const titleCase = (value: string) => STATE_LABELS[value] ?? value.charAt(0) + value.slice(1).toLowerCase();

const filtersField = optionalSettings(
	'Filter',
	[
		{
			displayName: 'Connection State',
			name: 'connectionState',
			type: 'options',
			default: 'AUTHORIZED',
			options: EVENTBRIDGE_CONNECTION_STATES.map((value) => ({ name: titleCase(value), value })),
		},
		{
			displayName: 'Name Prefix',
			name: 'namePrefix',
			type: 'string',
			default: '',
			placeholder: 'e.g. orders-',
			description: 'Only connections whose name starts with this',
		},
	],
);

const outputFields = exportFields('getMany');
/** DescribeConnection requests in flight at once while exporting (ListConnections returns summaries only). */
const DESCRIBES_IN_FLIGHT = 10;

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'List Amazon EventBridge connections, at most 25 per call, optionally filtered as this tool asks. Returns { connections: [{ name, type, state }], returned, more }; more is true when further connections exist.';

export const description: INodeProperties[] = [
	toolDescriptionField(TOOL_DESCRIPTION),
	...pagingFields,
	filtersField,
	...outputFields,
	...targetFields({ output: [OUTPUT_DEFINITIONS] }),
	optionsField,
];

/** Pure: the ListConnections request (without paging) for the form's filters. */
export function listConnectionsRequest(bag: ParameterBag): ListConnectionsRequest {
	const filters = (bag.filters ?? {}) as ParameterBag;
	const prefix = str(filters.namePrefix);
	const state = str(filters.connectionState);
	if (prefix) checkPattern(checkLength(prefix, 'Name Prefix', 1, 64), 'Name Prefix', NAME_REGEX, 'letters, digits, dots, dashes or underscores');
	return compact({
		NamePrefix: prefix || undefined,
		ConnectionState: state ? checkOneOf(state, 'Connection State', EVENTBRIDGE_CONNECTION_STATES) : undefined,
	});
}

/**
 * ListConnections has no paginator in the SDK: follow NextToken until the limit is reached. With
 * Output "As Definitions" each listed connection is described (the list holds summaries only),
 * a page at a time with a few requests in flight, and becomes a CreateConnection request.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject[]> {
	const targets = readParameters(this, itemIndex, description).output === OUTPUT_DEFINITIONS ? readTargets(this, itemIndex) : undefined;
	if (!targets) return await list(this, itemIndex, service);
	return await exportOverTargets(this, itemIndex, targets, async (access) => await eventBridgeService(this, access), async (own, target) => await list(this, itemIndex, own, target));
}

/** One account and Region's connections: the credential's, or (Targets) a target's, its Replace Values after the form's. */
async function list(ctx: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>, target?: Target): Promise<IDataObject[]> {
	const bag = readParameters(ctx, itemIndex, description);
	const request = listConnectionsRequest(bag);
	const asDefinitions = bag.output === OUTPUT_DEFINITIONS;
	const replacements = asDefinitions ? [...readReplacements(bag.replaceValues), ...(target?.replacements ?? [])] : [];
	const references = readSecretReferences(bag);
	const wanted = bag.returnAll === true ? Infinity : Math.max(1, Number(bag.limit ?? 50));
	const limit = toolListFetchLimit(ctx, wanted);
	const eventBridge = await service();
	const { client, sdk } = eventBridge;
	const results: IDataObject[] = [];
	let NextToken: string | undefined;
	do {
		const page = await client.send(
			new sdk.ListConnectionsCommand({ ...request, Limit: Math.min(PAGE_SIZE, limit - results.length), NextToken }),
		);
		const listed = (page.Connections ?? []).slice(0, limit - results.length);
		if (!asDefinitions) results.push(...listed.map(connectionOutput));
		else {
			const described = await runBounded({
				count: listed.length,
				limit: DESCRIBES_IN_FLIGHT,
				keysOf: () => [],
				run: async (index) => await describeConnection(eventBridge, String(listed[index].Name)),
			});
			// A connection deleted since it was listed is not exported.
			for (const connection of described) {
				if (connection) results.push(exportedItem(withSecretReferences(withReplacements(eventBridgeConnectionAsDefinition(connection), replacements), references, eventBridgeSecretMember)));
			}
		}
		NextToken = page.NextToken;
	} while (NextToken && results.length < limit);
	return toolListOutput(ctx, results, wanted);
}
