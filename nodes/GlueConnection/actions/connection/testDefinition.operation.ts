import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import { resolveSecrets } from '../../../shared/secrets';
import { buildTestConnectionInput, definitionFields } from '../../common/definition';
import type { GlueService } from '../../transport';
import { catalogId, checkDescribedType, optionsField } from './shared';

export const description = [...definitionFields, optionsField];

/** Asks AWS Glue to connect with a definition that is not saved yet. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const bag = readParameters(this, itemIndex, description);
	const input = await resolveSecrets(this, itemIndex, bag, buildTestConnectionInput);
	await checkDescribedType(await service(), input);
	const { client, sdk } = await service();
	await client.send(new sdk.TestConnectionCommand({ CatalogId: catalogId(bag), TestConnectionInput: input }));
	return { connectionType: input.ConnectionType, success: true };
}
