import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationKeys } from '../../../shared/form';
import type { ServiceProvider } from '../../../shared/router';
import { toolDescriptionField } from '../../../shared/toolMode';
import type { GlueService } from '../../transport';
import { connectionTypeLocator, locatedType, optionsField } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Read AWS Glue\'s description of one connection type (e.g. SNOWFLAKE): its properties, which are required, and its authentication types.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), connectionTypeLocator('The connection type AWS Glue describes'), optionsField] as const;
export const keys: OperationKeys<typeof description> = ['connectionTypeName'];

/** DescribeConnectionType: the type's properties, authentication, compute environments and network needs. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const type = locatedType(this, itemIndex, description);
	const { client, sdk } = await service();
	const described: IDataObject = { ...(await client.send(new sdk.DescribeConnectionTypeCommand({ ConnectionType: type }))) };
	// The SDK's response metadata (request ID, attempts) is not part of the description.
	delete described.$metadata;
	return described;
}
