import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { eventBridgeService } from '../transport';

/** Connections for the resource locator: ListConnections filters by name prefix itself. */
export async function searchConnections(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { client, sdk } = await eventBridgeService(this);
	try {
		const prefix = (filter ?? '').trim();
		const page = await client.send(
			new sdk.ListConnectionsCommand({ NamePrefix: prefix || undefined, Limit: 100, NextToken: paginationToken || undefined }),
		);
		const results = (page.Connections ?? [])
			.map((connection) => connection.Name ?? '')
			.filter(Boolean)
			.map((name) => ({ name, value: name }));
		return { results, paginationToken: page.NextToken };
	} finally {
		client.destroy();
	}
}
