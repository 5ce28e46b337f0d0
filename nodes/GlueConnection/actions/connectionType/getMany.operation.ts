import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { toolDescriptionField, toolListFetchLimit, toolListOutput } from '../../../shared/toolMode';
import type { GlueService } from '../../transport';
import { optionsField } from './shared';

// ListConnectionTypes: MaxResults from 1 to 100.
const PAGE_SIZE = 100;
const pagingFields = returnAllAndLimit(1000);

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'List the connection types AWS Glue offers, at most 25 per call. Returns { connectionTypes: [{ name, type, state }], returned, more }.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), ...pagingFields, optionsField];

/** ListConnectionTypes: one item per type (name, vendor, description, categories, capabilities). */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject[]> {
	const bag = readParameters(this, itemIndex, description);
	const wanted = bag.returnAll === true ? Infinity : Math.max(1, Math.floor(Number(bag.limit ?? 50)) || 1);
	const limit = toolListFetchLimit(this, wanted);
	const { client, sdk } = await service();
	const results: IDataObject[] = [];
	for await (const page of sdk.paginateListConnectionTypes({ client, pageSize: Math.min(PAGE_SIZE, limit) }, {})) {
		for (const brief of page.ConnectionTypes ?? []) {
			results.push({ ...brief } as IDataObject);
			if (results.length >= limit) return toolListOutput(this, results, wanted, 'connectionTypes');
		}
	}
	return toolListOutput(this, results, wanted, 'connectionTypes');
}
