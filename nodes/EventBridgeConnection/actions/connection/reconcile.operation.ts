import type { CreateConnectionRequest } from '@aws-sdk/client-eventbridge';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { valueAt, withValuesAt } from '../../../shared/definitionJson';
import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import { DEFINITION_FROM, DEFINITION_JSON, definitionFromFields, FROM_JSON, reconcileFields } from '../../../shared/reconcileFields';
import { type DesiredItem, type ReconcileAdapter, reconcileGuards, runReconcile } from '../../../shared/reconcileRun';
import type { NodeErrorOf, ServiceProvider } from '../../../shared/router';
import { carriesSecrets } from '../../../shared/secretModel';
import { targetFields } from '../../../shared/targets';
import { allowInToolModeField, toolDescriptionField } from '../../../shared/toolMode';
import { buildWithStandIns, readSecretValues, withSecretValues } from '../../../shared/secrets';
import { buildCreateRequest, definitionFields, nameField } from '../../common/definition';
import { eventBridgeDefinition, resolvedEventBridgeRequest } from '../../common/definitionJson';
import { BOUND_PATHS } from '../../common/export';
import { comparedView, connectionsInScope, type EventBridgeCurrent, eventBridgeDifferences } from '../../common/reconcile';
import { createConnection, deleteConnection, updateConnection } from '../../common/writes';
import { type EventBridgeService, eventBridgeService } from '../../transport';
import { optionsField } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Plan or apply a desired set of Amazon EventBridge connections under a name prefix. Each input item is one desired connection. Plan only reads and returns one item per connection with its action (create, update, delete, unchanged, keep), its differences and planFingerprint. Apply and Remove Extras work only if the workflow author allowed them for AI tools.';

export const description = [
	toolDescriptionField(TOOL_DESCRIPTION),
	...reconcileFields('The scope is the account and Region of the credential, or those of each target.'),
	...targetFields({}, true),
	...definitionFromFields('{"Name": "prod-orders-api", "AuthorizationType": "API_KEY", "AuthParameters": {…}}'),
	nameField,
	...definitionFields,
	optionsField,
	allowInToolModeField('Reconcile with Mode Apply or Remove Extras'),
] as const;
/** The field that names an item's connection (a whole-set run refuses two items with one name instead of ordering them). */
export const keys: OperationKeys<typeof description> = ['name', 'definitionJson'];

/** One item's desired connection: the form's fields or a JSON Definition, secrets not yet read. */
function desiredConnection(ctx: IExecuteFunctions, itemIndex: number, literalSecrets: boolean): DesiredItem<CreateConnectionRequest> {
	const from = readParameters(ctx, itemIndex, description.filter((field) => field.name === DEFINITION_FROM))[DEFINITION_FROM];
	if (from === FROM_JSON) {
		const definition = eventBridgeDefinition(ctx.getNodeParameter(DEFINITION_JSON, itemIndex), literalSecrets);
		const { name, request, parsed } = definition;
		const paths = parsed.references.map((reference) => reference.path);
		return {
			name,
			itemIndex,
			request,
			publicView: comparedView(withValuesAt(request as never, paths, []) as Partial<CreateConnectionRequest>),
			carriesSecrets: true,
			secretTexts: parsed.literalSecrets.map((path) => String(valueAt(request, path))),
			// Checked again with the secrets' values: an apply never sends what the checker refuses.
			resolve: async () => (paths.length ? resolvedEventBridgeRequest(definition, await readSecretValues(ctx, itemIndex, parsed.references)) : request),
		};
	}
	const bag = readParameters(ctx, itemIndex, [nameField, ...definitionFields]);
	const { request, references } = buildWithStandIns(bag, buildCreateRequest);
	return {
		name: String(request.Name),
		itemIndex,
		request,
		publicView: comparedView(request),
		carriesSecrets: references.length > 0 || carriesSecrets('eventBridge', request),
		resolve: async () =>
			references.length ? buildCreateRequest(withSecretValues(bag, references, await readSecretValues(ctx, itemIndex, references))) : request,
	};
}

const adapter: ReconcileAdapter<EventBridgeService, CreateConnectionRequest, EventBridgeCurrent> = {
	scope: (_, prefix) => ({ prefix, key: `eventbridge|${prefix}`, output: {} }),
	desired: desiredConnection,
	readExisting: async (eventBridge, scope, desiredNames, limit) => await connectionsInScope(eventBridge, scope.prefix, desiredNames, limit),
	differences: async (_, desired, existing) => eventBridgeDifferences(desired.request, existing.current),
	create: async (eventBridge, _, request) => {
		await createConnection(eventBridge, request);
	},
	update: async (eventBridge, _, request) => await updateConnection(eventBridge, request),
	delete: async (eventBridge, _, existing) => await deleteConnection(eventBridge, existing.name),
	targets: {
		service: async (ctx, access) => await eventBridgeService(ctx, access),
		boundPaths: BOUND_PATHS,
		replaceIn: (request, replace) => replace(request),
	},
};

/**
 * Reconcile: all input items are the desired set of the scope (a name prefix). Plan reads
 * (ListConnections pages, DescribeConnection for desired names) and reports; Apply writes the plan.
 */
export async function executeSet(this: IExecuteFunctions, service: ServiceProvider<EventBridgeService>, nodeError: NodeErrorOf): Promise<INodeExecutionData[]> {
	return await runReconcile(this, adapter, service, nodeError, reconcileGuards(this));
}
