import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import { carriesSecrets } from '../../../shared/secretModel';
import { NO_SECRETS_NOTE, toolDescriptionField } from '../../../shared/toolMode';
import { definitionFields, nameField } from '../../common/definition';
import { definitionDifferences, stateSummary } from '../../common/output';
import { createConnection, describeConnection } from '../../common/writes';
import type { EventBridgeService } from '../../transport';
import { definitionFrom, options, optionsField, readCreateRequest, settle } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	`Create an Amazon EventBridge connection, or update it only where it differs. Needs the connection name (1-64 characters: letters, digits, . - _). ${NO_SECRETS_NOTE} Returns { name, connectionArn, state, action: "created" | "updated" | "unchanged" (with Dry Run "wouldCreate" | "wouldUpdate"), differences }.`;

export const description = [toolDescriptionField(TOOL_DESCRIPTION), ...definitionFrom, nameField, ...definitionFields, optionsField] as const;
// A JSON Definition's Name is a key too: two items on one connection never run at once either way.
export const keys: OperationKeys<typeof description> = ['name', 'definitionJson'];

/**
 * Creates the connection when DescribeConnection says it does not exist; otherwise updates it only
 * when its non-secret settings differ. AWS never returns secrets, so a changed secret alone is
 * written only with the option "Update When Secrets Are Given" (every type has a secret, so with
 * the option on an existing connection is always updated: use it for rotation flows).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const { bag, request, name } = await readCreateRequest(this, itemIndex, description);
	const dryRun = options(bag).dryRun === true;
	const eventBridge = await service();
	const { client, sdk } = eventBridge;

	const current = await describeConnection(eventBridge, name);
	if (!current) {
		if (dryRun) return { name, action: 'wouldCreate', changed: true, dryRun, differences: [] };
		const created = await createConnection(eventBridge, request);
		const state = await settle(this, itemIndex, bag, name, eventBridge, created);
		return { ...stateSummary(name, state, { action: 'created', changed: true }), dryRun, differences: [] };
	}

	const differences = definitionDifferences(request, current);
	const secretsForced = options(bag).updateWhenSecretsGiven === true && carriesSecrets('eventBridge', request);
	if (!differences.length && !secretsForced) {
		return { ...stateSummary(name, current, { action: 'unchanged', changed: false }), dryRun, differences };
	}
	const reported = differences.length ? differences : ['(secrets)'];
	if (dryRun) return { ...stateSummary(name, current, { action: 'wouldUpdate', changed: true }), dryRun, differences: reported };
	// The whole definition is sent (secrets included): that also switches the type when it changed.
	const updated = await client.send(new sdk.UpdateConnectionCommand(request));
	const state = await settle(this, itemIndex, bag, name, eventBridge, updated);
	return { ...stateSummary(name, state, { action: 'updated', changed: true }), dryRun, differences: reported };
}
