import type { Connection } from '@aws-sdk/client-glue';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toNodeApiError } from '../../../shared/errors';
import type { ServiceProvider } from '../../../shared/router';
import { propertyDefaults, secretPropertyKeys } from '../../common/definition';
import { carriesSecrets, definitionDifferences } from '../../common/output';
import type { GlueService } from '../../transport';
import { readNamedDefinition } from './shared';

export const description = [];

/**
 * Creates the connection when it is missing; otherwise updates it only when the definition differs
 * from what AWS has. Secrets are never compared (AWS does not return them): with the option
 * "Update When Secrets Are Given" a definition that carries a secret is always written.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const { bag, name, input, tags, catalogId: CatalogId } = await readNamedDefinition(this, itemIndex);
	const options = (bag.options ?? {}) as IDataObject;
	const dryRun = options.dryRun === true;
	const { client, sdk } = await service();

	let current: Connection | undefined;
	try {
		({ Connection: current } = await client.send(new sdk.GetConnectionCommand({ Name: name, CatalogId, HidePassword: true })));
	} catch (error) {
		if ((error as Error).name !== 'EntityNotFoundException') throw toNodeApiError(this.getNode(), error, itemIndex);
	}
	const result = { name, connectionType: input.ConnectionType, dryRun };
	if (!current) {
		if (!dryRun) await client.send(new sdk.CreateConnectionCommand({ CatalogId, ConnectionInput: input, Tags: tags }));
		return { ...result, action: dryRun ? 'wouldCreate' : 'created', changed: true, differences: [] };
	}
	const type = String(input.ConnectionType);
	const secretKeys = secretPropertyKeys(type);
	const differences = definitionDifferences(input, current, secretKeys, propertyDefaults(type));
	const secretsForced = options.updateWhenSecretsGiven === true && carriesSecrets(input, secretKeys);
	if (!differences.length && !secretsForced) {
		return { ...result, action: 'unchanged', changed: false, differences };
	}
	if (!dryRun) await client.send(new sdk.UpdateConnectionCommand({ Name: name, CatalogId, ConnectionInput: input }));
	return {
		...result,
		action: dryRun ? 'wouldUpdate' : 'updated',
		changed: true,
		differences: differences.length ? differences : ['(secrets)'],
	};
}
