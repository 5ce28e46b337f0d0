import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchListing } from '../../shared/methods/listSearch';
import { glueService } from '../transport';

/** Connections for the resource locator, filtered by name (GetConnections has no name filter). */
export async function searchConnections(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchListing(glueService(this), filter, async ({ client, sdk }) => {
		const page = await client.send(new sdk.GetConnectionsCommand({ HidePassword: true, MaxResults: 100, NextToken: paginationToken || undefined }));
		return { entries: (page.ConnectionList ?? []).map(({ Name = '' }) => ({ name: Name, value: Name })), nextToken: page.NextToken };
	});
}

/** Connection types for the resource locator (ListConnectionTypes, one page), filtered by name or display name. */
export async function searchConnectionTypes(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchListing(glueService(this), filter, async ({ client, sdk }) => {
		const page = await client.send(new sdk.ListConnectionTypesCommand({ MaxResults: 100, NextToken: paginationToken || undefined }));
		const entries = (page.ConnectionTypes ?? []).map(({ ConnectionType = '', DisplayName = '', Description }) => ({
			name: ConnectionType,
			value: ConnectionType,
			description: Description,
			searchText: `${ConnectionType} ${DisplayName}`,
		}));
		return { entries, nextToken: page.NextToken };
	});
}
