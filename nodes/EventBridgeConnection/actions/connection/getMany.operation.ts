import type { ListConnectionsRequest } from '@aws-sdk/client-eventbridge';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalSettings, returnAllAndLimit } from '../../../shared/descriptions';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { EVENTBRIDGE_CONNECTION_STATES } from '../../../shared/sdkEnums.generated';
import { checkLength, checkOneOf, checkPattern, compact, str } from '../../../shared/validation';
import { NAME_PATTERN } from '../../common/definition';
import { connectionOutput } from '../../common/output';
import type { ParameterBag } from '../../authorizationTypes/values';
import type { EventBridgeService } from '../../transport';

/** ListConnections returns at most 100 per page. */
const PAGE_SIZE = 100;
const pagingFields = returnAllAndLimit({ operation: ['getMany'] }, 1000);
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
	{ operation: ['getMany'] },
);

export const description: INodeProperties[] = [...pagingFields, filtersField];

/** Pure: the ListConnections request (without paging) for the form's filters. */
export function listConnectionsRequest(bag: ParameterBag): ListConnectionsRequest {
	const filters = (bag.filters ?? {}) as ParameterBag;
	const prefix = str(filters.namePrefix);
	const state = str(filters.connectionState);
	if (prefix) checkPattern(checkLength(prefix, 'Name Prefix', 1, 64), 'Name Prefix', new RegExp(NAME_PATTERN), 'letters, digits, dots, dashes or underscores');
	return compact({
		NamePrefix: prefix || undefined,
		ConnectionState: state ? checkOneOf(state, 'Connection State', EVENTBRIDGE_CONNECTION_STATES) : undefined,
	});
}

/** ListConnections has no paginator in the SDK: follow NextToken until the limit is reached. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject[]> {
	const bag = readParameters(this, itemIndex, [...pagingFields, filtersField]);
	const request = listConnectionsRequest(bag);
	const limit = bag.returnAll === true ? Infinity : Math.max(1, Number(bag.limit ?? 50));
	const { client, sdk } = await service();
	const results: IDataObject[] = [];
	let NextToken: string | undefined;
	do {
		const page = await client.send(
			new sdk.ListConnectionsCommand({ ...request, Limit: Math.min(PAGE_SIZE, limit - results.length), NextToken }),
		);
		results.push(...(page.Connections ?? []).slice(0, limit - results.length).map(connectionOutput));
		NextToken = page.NextToken;
	} while (NextToken && results.length < limit);
	return results;
}
