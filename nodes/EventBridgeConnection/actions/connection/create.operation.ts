import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import { NO_SECRETS_NOTE, toolDescriptionField } from '../../../shared/toolMode';
import { definitionFields, nameField } from '../../common/definition';
import { stateSummary } from '../../common/output';
import { createConnection } from '../../common/writes';
import type { EventBridgeService } from '../../transport';
import { definitionFrom, optionsField, readCreateRequest, settle } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	`Create a new Amazon EventBridge connection (the authorization API destinations use). Needs a name not yet used (1-64 characters: letters, digits, . - _) and the settings this tool asks for. ${NO_SECRETS_NOTE} Returns { name, connectionArn, state, action: "created" }; state AUTHORIZED or AUTHORIZING is normal.`;

export const description = [toolDescriptionField(TOOL_DESCRIPTION), ...definitionFrom, nameField, ...definitionFields, optionsField] as const;
// A JSON Definition's Name is a key too: two items on one connection never run at once either way.
export const keys: OperationKeys<typeof description> = ['name', 'definitionJson'];

/** Creates the connection; AWS stores its secrets in Secrets Manager and then authorizes it. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const { bag, request, name } = await readCreateRequest(this, itemIndex, description);
	const eventBridge = await service();
	const created = await createConnection(eventBridge, request);
	return stateSummary(name, await settle(this, itemIndex, bag, name, eventBridge, created), { action: 'created', changed: true });
}
