import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import { toolDescriptionField } from '../../../shared/toolMode';
import { connectionOutput } from '../../common/output';
import type { EventBridgeService } from '../../transport';
import { connectionField, locatedName, optionsField } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Read one Amazon EventBridge connection by its exact name. Returns { name, type (the authorization type), state, stateReason, arn, description }; secrets are never returned. Fails with ResourceNotFoundException when no connection has that name.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionField, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connection'];

/** DescribeConnection, without secrets (AWS keeps them in Secrets Manager, behind SecretArn). */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<EventBridgeService>): Promise<IDataObject> {
	const Name = locatedName(this, itemIndex);
	const eventBridge = await service();
	return connectionOutput(await eventBridge.client.send(new eventBridge.sdk.DescribeConnectionCommand({ Name })));
}
