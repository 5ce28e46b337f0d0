import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { resolveSecrets } from '../../../shared/secrets';
import { NO_SECRETS_NOTE, toolDescriptionField } from '../../../shared/toolMode';
import { buildTestConnectionInput, definitionFields } from '../../common/definition';
import type { GlueService } from '../../transport';
import { catalogId, checkDescribedType, optionsField, testConnectionRequest } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	`Ask AWS Glue to connect with connection settings before saving them. Needs the settings this tool asks for. ${NO_SECRETS_NOTE} Returns { connectionType, success: true }, or an error with AWS's reason.`;

export const description = [toolDescriptionField(TOOL_DESCRIPTION), ...definitionFields, optionsField];

/** Asks AWS Glue to connect with a definition that is not saved yet. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, description);
	const input = await resolveSecrets(this, itemIndex, bag, buildTestConnectionInput);
	await checkDescribedType(await service(), input);
	const { client, sdk } = await service();
	await client.send(new sdk.TestConnectionCommand({ CatalogId: catalogId(bag), TestConnectionInput: input }), testConnectionRequest(this));
	return { connectionType: input.ConnectionType, success: true };
}
