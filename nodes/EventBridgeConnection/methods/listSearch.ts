import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchListing } from '../../shared/methods/listSearch';
import { eventBridgeService } from '../transport';

/** Connections for the resource locator: ListConnections filters by name prefix itself. */
export async function searchConnections(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchListing(eventBridgeService(this), filter, async ({ client, sdk }) => {
		const prefix = (filter ?? '').trim();
		const page = await client.send(new sdk.ListConnectionsCommand({ NamePrefix: prefix || undefined, Limit: 100, NextToken: paginationToken || undefined }));
		return { entries: (page.Connections ?? []).map(({ Name = '' }) => ({ name: Name, value: Name })), nextToken: page.NextToken };
	});
}
