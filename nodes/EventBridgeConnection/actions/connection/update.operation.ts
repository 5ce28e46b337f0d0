import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import { resolveSecrets } from '../../../shared/secrets';
import type { ServiceProvider } from '../../../shared/router';
import { fail } from '../../../shared/validation';
import { NO_SECRETS_NOTE, toolDescriptionField } from '../../../shared/toolMode';
import { buildUpdateRequest, updateDefinitionFields } from '../../common/definition';
import { stateSummary } from '../../common/output';
import type { EventBridgeService } from '../../transport';
import { connectionField, locatedName, optionsField, settle } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	`Change an existing Amazon EventBridge connection: only the settings this tool asks for are changed. Needs its exact name. ${NO_SECRETS_NOTE} Returns { name, connectionArn, state, action: "updated" }.`;

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionField, ...updateDefinitionFields, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

/** Sends only the settings the user filled; AWS keeps the others (secrets included). */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const name = locatedName(this, itemIndex);
	const bag = readParameters(this, itemIndex, description);
	const request = await resolveSecrets(this, itemIndex, bag, (resolved) => {
		const built = buildUpdateRequest(resolved, name);
		if (Object.keys(built).length === 1) fail('Update', 'set at least one field to change');
		return built;
	});
	const eventBridge = await service();
	const updated = await eventBridge.client.send(new eventBridge.sdk.UpdateConnectionCommand(request));
	return stateSummary(name, await settle(this, itemIndex, bag, name, eventBridge, updated), { action: 'updated', changed: true });
}
