import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { glueService } from '../transport';

/** Connections for the resource locator, filtered by name (GetConnections has no name filter). */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { client, sdk } = await glueService(this);
	try {
		const page = await client.send(
			new sdk.GetConnectionsCommand({ HidePassword: true, MaxResults: 100, NextToken: paginationToken || undefined }),
		);
		const needle = (filter ?? '').toLowerCase();
		const results = (page.ConnectionList ?? [])
			.map((connection) => connection.Name ?? '')
			.filter((name) => name && name.toLowerCase().includes(needle))
			.sort((a, b) => a.localeCompare(b))
			.map((name) => ({ name, value: name }));
		return { results, paginationToken: page.NextToken };
	} finally {
		client.destroy();
	}
}

/** Connection types for the resource locator (ListConnectionTypes, one page), filtered by name. */
export async function searchConnectionTypes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { client, sdk } = await glueService(this);
	try {
		const page = await client.send(new sdk.ListConnectionTypesCommand({ MaxResults: 100, NextToken: paginationToken || undefined }));
		const needle = (filter ?? '').toLowerCase();
		const results = (page.ConnectionTypes ?? [])
			.filter((brief) => brief.ConnectionType && `${brief.ConnectionType} ${brief.DisplayName ?? ''}`.toLowerCase().includes(needle))
			.map((brief) => ({ name: brief.ConnectionType as string, value: brief.ConnectionType as string, description: brief.Description }))
			.sort((a, b) => a.name.localeCompare(b.name));
		return { results, paginationToken: page.NextToken };
	} finally {
		client.destroy();
	}
}
