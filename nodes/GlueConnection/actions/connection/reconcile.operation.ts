import type { ConnectionInput } from '@aws-sdk/client-glue';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { valueAt, withValuesAt } from '../../../shared/definitionJson';
import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import { DEFINITION_FROM, DEFINITION_JSON, definitionFromFields, FROM_JSON, reconcileFields } from '../../../shared/reconcileFields';
import { type DesiredItem, type ReconcileAdapter, reconcileGuards, runReconcile } from '../../../shared/reconcileRun';
import type { NodeErrorOf, ServiceProvider } from '../../../shared/router';
import { carriesSecrets, describedSecretRowKeys, withoutSecrets } from '../../../shared/secretModel';
import { targetFields } from '../../../shared/targets';
import { allowInToolModeField, toolDescriptionField } from '../../../shared/toolMode';
import { buildWithStandIns, readSecretValues, withSecretValues } from '../../../shared/secrets';
import { buildConnectionInput, buildTags, definitionFields, savedConnectionFields } from '../../common/definition';
import { glueDefinition, resolvedGlueInput } from '../../common/definitionJson';
import { BOUND_PATHS } from '../../common/export';
import { connectionsInScope, type GlueDesired, glueDifferences } from '../../common/reconcile';
import { createConnection, deleteConnection, updateConnection } from '../../common/writes';
import { type GlueService, glueService } from '../../transport';
import { catalogId, checkDescribedType, connectionName, nameField, optionsField } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Plan or apply a desired set of AWS Glue connections under a name prefix. Each input item is one desired connection. Plan only reads and returns one item per connection with its action (create, update, delete, unchanged, keep), its differences and planFingerprint. Apply and Remove Extras work only if the workflow author allowed them for AI tools.';

export const description = [
	toolDescriptionField(TOOL_DESCRIPTION),
	...reconcileFields('The scope is one Data Catalog: the Catalog ID option, by default the account of the credential.'),
	...targetFields({}, true),
	...definitionFromFields('{"Name": "prod-orders-pg", "ConnectionType": "JDBC", "ConnectionProperties": {…}}'),
	nameField,
	...definitionFields,
	...savedConnectionFields,
	optionsField,
	allowInToolModeField('Reconcile with Mode Apply or Remove Extras'),
] as const;
/** The field that names an item's connection (a whole-set run refuses two items with one name instead of ordering them). */
export const keys: OperationKeys<typeof description> = ['name', 'definitionJson'];

/** One item's desired connection: the form's fields or a JSON Definition, secrets not yet read. */
function desiredConnection(ctx: IExecuteFunctions, itemIndex: number, literalSecrets: boolean): DesiredItem<GlueDesired> {
	const from = readParameters(ctx, itemIndex, description.filter((field) => field.name === DEFINITION_FROM))[DEFINITION_FROM];
	if (from === FROM_JSON) {
		const definition = glueDefinition(ctx.getNodeParameter(DEFINITION_JSON, itemIndex), literalSecrets);
		const { references } = definition.parsed;
		const context = { describedSecretKeys: definition.secretKeys };
		const request: GlueDesired = { input: definition.input, tags: definition.tags, describedSecretKeys: definition.secretKeys };
		const referenced = withValuesAt(definition.input as never, references.map((reference) => reference.path), []) as unknown as ConnectionInput;
		return {
			name: definition.name,
			itemIndex,
			request,
			publicView: { ...withoutSecrets('glue', referenced, context), Tags: definition.tags },
			carriesSecrets: references.length > 0 || carriesSecrets('glue', definition.input, context),
			secretTexts: definition.parsed.literalSecrets.map((path) => String(valueAt(definition.input, path))),
			resolve: async () => {
				if (!references.length) return request;
				// Checked again with the secrets' values: an apply never sends what the checker refuses.
				return { ...request, input: resolvedGlueInput(definition, await readSecretValues(ctx, itemIndex, references)) };
			},
		};
	}
	const bag = readParameters(ctx, itemIndex, [nameField, ...definitionFields, ...savedConnectionFields]);
	const name = connectionName(bag.name, 'Name');
	const build = (resolved: typeof bag) => buildConnectionInput(resolved, name);
	const { request: input, references } = buildWithStandIns(bag, build);
	const context = { describedSecretKeys: describedSecretRowKeys(bag) };
	const tags = buildTags(bag);
	const request: GlueDesired = { input, tags, describedSecretKeys: context.describedSecretKeys };
	return {
		name,
		itemIndex,
		request,
		publicView: { ...withoutSecrets('glue', input, context), Tags: tags },
		carriesSecrets: references.length > 0 || carriesSecrets('glue', input, context),
		resolve: async () => {
			if (!references.length) return request;
			const values = await readSecretValues(ctx, itemIndex, references);
			return { ...request, input: build(withSecretValues(bag, references, values)) };
		},
	};
}

const adapter = (ctx: IExecuteFunctions): ReconcileAdapter<GlueService, GlueDesired, import('@aws-sdk/client-glue').Connection> => {
	// Read with the set's other settings (scope comes first), so a bad Catalog ID is the set's error item.
	let catalog: string | undefined;
	return {
		scope: (_, prefix) => {
			catalog = catalogId(readParameters(ctx, 0, [optionsField]));
			return { prefix, key: `glue|${catalog ?? ''}|${prefix}`, output: catalog ? { catalogId: catalog } : {} };
		},
		desired: (_, itemIndex, literalSecrets) => desiredConnection(ctx, itemIndex, literalSecrets),
		readExisting: async (glue, scope) => await connectionsInScope(glue, scope.prefix, catalog),
		differences: async (glue, desired, existing) => await glueDifferences(glue, desired.request, existing.current),
		create: async (glue, _, { input, tags }) => {
			await checkDescribedType(glue, input);
			await createConnection(glue, { input, tags, catalogId: catalog });
		},
		update: async (glue, _, { input }, existing) => {
			await checkDescribedType(glue, input);
			await updateConnection(glue, existing.name, input, catalog);
		},
		delete: async (glue, _, existing) => await deleteConnection(glue, existing.name, catalog),
		targets: {
			service: async (_, access) => await glueService(ctx, access),
			boundPaths: BOUND_PATHS,
			replaceIn: (request, replace) => ({ ...request, input: replace(request.input), tags: request.tags && replace(request.tags) }),
		},
	};
};

/**
 * Reconcile: all input items are the desired set of the scope (a name prefix in one catalog). Plan
 * reads (GetConnections pages, HidePassword) and reports; Apply writes the plan. See shared/reconcile.ts.
 */
export async function executeSet(this: IExecuteFunctions, service: ServiceProvider<GlueService>, nodeError: NodeErrorOf): Promise<INodeExecutionData[]> {
	return await runReconcile(this, adapter(this), service, nodeError, reconcileGuards(this));
}
