import type { GetConnectionsRequest } from '@aws-sdk/client-glue';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalSettings, returnAllAndLimit } from '../../../shared/descriptions';
import { exportedItem, exportFields, OUTPUT_DEFINITIONS, readReplacements, readSecretReferences, withReplacements, withSecretReferences } from '../../../shared/export';
import { toList } from '../../../shared/keyValue';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { GLUE_CONNECTION_TYPES } from '../../../shared/sdkEnums.generated';
import { glueSecretPropertyKeys } from '../../../shared/secretModel';
import { exportOverTargets, readTargets, type Target, targetFields } from '../../../shared/targets';
import { checkMaxItems, compact, fail, str } from '../../../shared/validation';
import { callerAccount } from '../../../shared/transport/awsClient';
import { glueConnectionArn, glueConnectionAsDefinition, glueSecretMember } from '../../common/export';
import { connectionOutput } from '../../common/output';
import { isToolMode, toolDescriptionField, toolListFetchLimit, toolListOutput } from '../../../shared/toolMode';
import { secretContext } from '../../common/writes';
import { type GlueService, glueService } from '../../transport';
import type { ParameterBag } from '../../connectionTypes/types';
import { catalogId, hidePasswordField, optionsField } from './shared';

const PAGE_SIZE = 100;
const pagingFields = returnAllAndLimit(1000);

const filtersField: INodeProperties = optionalSettings('Filter', [
	{
		displayName: 'Connection Type',
		name: 'connectionType',
		type: 'options',
		default: 'JDBC',
		options: GLUE_CONNECTION_TYPES.map((value) => ({ name: value, value })),
	},
	{
		displayName: 'Match Criteria',
		name: 'matchCriteria',
		type: 'string',
		default: '',
		placeholder: 'e.g. prod',
		description: 'Comma-separated; only connections with all of these criteria are returned',
	},
]);

const outputFields = exportFields('getMany');

const includeTagsField: INodeProperties = {
	displayName: 'Include Tags',
	name: 'includeTags',
	type: 'boolean',
	default: false,
	description:
		"Whether to give each definition the connection's tags, so that Create and Reconcile tag the copies alike. Costs one GetTags request per connection (and one STS GetCallerIdentity, unless Options → Catalog ID names the account).",
	displayOptions: { show: { output: [OUTPUT_DEFINITIONS] } },
};

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'List AWS Glue connections, at most 25 per call, optionally filtered as this tool asks. Returns { connections: [{ name, type, state }], returned, more }; more is true when further connections exist (filter, or get one by its name).';

export const description = [
	toolDescriptionField(TOOL_DESCRIPTION),
	hidePasswordField,
	...pagingFields,
	filtersField,
	...outputFields,
	includeTagsField,
	...targetFields({ output: [OUTPUT_DEFINITIONS] }),
	optionsField,
];

/** Pure: the GetConnections request (without paging) for the form's filters. */
export function getConnectionsRequest(bag: ParameterBag): GetConnectionsRequest {
	const filters = (bag.filters ?? {}) as Record<string, unknown>;
	const matchCriteria = checkMaxItems(toList(filters.matchCriteria), 'Match Criteria', 10);
	const type = str(filters.connectionType);
	const filter = compact({ ConnectionType: (type || undefined) as never, MatchCriteria: matchCriteria.length ? matchCriteria : undefined });
	return compact({
		CatalogId: catalogId(bag),
		HidePassword: bag.hidePassword !== false,
		Filter: Object.keys(filter).length ? filter : undefined,
	});
}

/** Reads a connection's tags (GetTags by its ARN: the catalog's account, else the caller's). */
async function tagReader(ctx: IExecuteFunctions, { client, sdk }: GlueService, catalog: string | undefined) {
	const account = catalog ?? (await callerAccount(ctx));
	const region = await client.config.region();
	return async (name: string | undefined) => {
		if (!name) return undefined;
		const { Tags } = await client.send(new sdk.GetTagsCommand({ ResourceArn: glueConnectionArn(region, account, name) }));
		return Tags;
	};
}

/**
 * Get Many, or with Output "As Definitions" the export: each connection as a ConnectionInput for
 * Create and Reconcile (passwords always hidden, secrets as placeholders), Replace Values applied.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject[]> {
	const targets = readParameters(this, itemIndex, description).output === OUTPUT_DEFINITIONS ? readTargets(this, itemIndex) : undefined;
	if (!targets) return await list(this, itemIndex, service);
	return await exportOverTargets(this, itemIndex, targets, async (access) => await glueService(this, access), async (own, target) => await list(this, itemIndex, own, target));
}

/** One catalog's connections: the credential's, or (Targets) a target's, its Replace Values after the form's. */
async function list(ctx: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>, target?: Target): Promise<IDataObject[]> {
	const bag = readParameters(ctx, itemIndex, description);
	const asDefinitions = bag.output === OUTPUT_DEFINITIONS;
	const replacements = asDefinitions ? [...readReplacements(bag.replaceValues), ...(target?.replacements ?? [])] : [];
	const references = readSecretReferences(bag);
	const request = { ...getConnectionsRequest(bag), ...(asDefinitions || isToolMode(ctx) ? { HidePassword: true } : {}) };
	if (target && request.CatalogId) fail('Catalog ID', "cannot be set with Targets: each target's catalog is its own account's");
	const wanted = bag.returnAll === true ? Infinity : Math.max(1, Number(bag.limit ?? 50));
	const limit = toolListFetchLimit(ctx, wanted);
	const glue = await service();
	const { client, sdk } = glue;
	const hide = request.HidePassword !== false;
	const tagsOf = asDefinitions && bag.includeTags === true ? await tagReader(ctx, glue, target?.account ?? request.CatalogId) : undefined;
	const results: IDataObject[] = [];
	const pages = sdk.paginateGetConnections({ client, pageSize: Math.min(PAGE_SIZE, limit) }, request);
	for await (const page of pages) {
		for (const connection of page.ConnectionList ?? []) {
			const context = hide ? await secretContext(glue, connection.ConnectionType) : {};
			results.push(
				asDefinitions
					? exportedItem(
							withSecretReferences(
								withReplacements(glueConnectionAsDefinition(connection, glueSecretPropertyKeys(context), await tagsOf?.(connection.Name)), replacements),
								references,
								glueSecretMember,
							),
						)
					: connectionOutput(connection, hide, context),
			);
			if (results.length >= limit) return toolListOutput(ctx, results, wanted);
		}
	}
	return toolListOutput(ctx, results, wanted);
}
