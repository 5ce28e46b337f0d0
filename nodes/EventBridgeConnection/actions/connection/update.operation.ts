import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import { readParameters } from '../../../shared/parameters';
import { resolveSecrets } from '../../../shared/secrets';
import type { ServiceProvider } from '../../../shared/router';
import { fail } from '../../../shared/validation';
import { buildUpdateRequest, updateDefinitionFields } from '../../common/definition';
import { stateSummary } from '../../common/output';
import type { EventBridgeService } from '../../transport';
import { connectionField, locatedName, optionsField, settle } from './shared';

export const description = [connectionField, ...updateDefinitionFields, optionsField] as const;
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
