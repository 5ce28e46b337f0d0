import type { INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

/** An editor request is not an execution: its client lives for one call, then its sockets close. */
export async function withEditorClient<Service extends { client: { destroy(): void } }, Result>(
	service: Promise<Service>,
	use: (service: Service) => Promise<Result>,
): Promise<Result> {
	const built = await service;
	try {
		return await use(built);
	} finally {
		built.client.destroy();
	}
}

/** One page of a listing, as a resource locator shows it; `searchText` is what a filter is matched against. */
export interface ListedPage {
	entries: Array<INodeListSearchItems & { searchText?: string }>;
	nextToken?: string;
}

/**
 * A resource locator's search: one page of a listing, its entries filtered by the text typed
 * (ignoring case, anywhere in the name or `searchText`) and sorted by name.
 */
export async function searchListing<Service extends { client: { destroy(): void } }>(
	service: Promise<Service>,
	filter: string | undefined,
	listPage: (service: Service) => Promise<ListedPage>,
): Promise<INodeListSearchResult> {
	return await withEditorClient(service, async (built) => {
		const { entries, nextToken } = await listPage(built);
		const needle = (filter ?? '').trim().toLowerCase();
		const results = entries
			.filter((entry) => entry.name && (entry.searchText ?? entry.name).toLowerCase().includes(needle))
			.map(({ name, value, description }) => (description === undefined ? { name, value } : { name, value, description }))
			.sort((a, b) => a.name.localeCompare(b.name));
		return { results, paginationToken: nextToken };
	});
}
