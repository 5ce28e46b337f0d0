import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ServiceProvider } from '../../../shared/router';
import type { OperationKeys } from '../../../shared/form';
import { carriesSecrets } from '../../../shared/secretModel';
import { NO_SECRETS_NOTE, toolDescriptionField } from '../../../shared/toolMode';
import { definitionFields, savedConnectionFields } from '../../common/definition';
import { createConnection, differencesFrom, readConnection, secretContext, updateConnection } from '../../common/writes';
import type { GlueService } from '../../transport';
import { checkDescribedType, definitionFrom, nameField, optionsField, readNamedDefinition } from './shared';

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	`Create an AWS Glue connection, or update it only where it differs from the settings this tool asks for. Needs the connection name (1-255 characters). ${NO_SECRETS_NOTE} Returns { name, connectionType, action: "created" | "updated" | "unchanged" (with Dry Run "wouldCreate" | "wouldUpdate"), differences: the changed fields }.`;

export const description = [toolDescriptionField(TOOL_DESCRIPTION), ...definitionFrom, nameField, ...definitionFields, ...savedConnectionFields, optionsField] as const;
// A JSON Definition's Name is a key too: two items on one connection never run at once either way.
export const keys: OperationKeys<typeof description> = ['name', 'definitionJson'];

/**
 * Creates the connection when it is missing; otherwise updates it only when the definition differs
 * from what AWS has. Secrets are never compared (AWS does not return them): with the option
 * "Update When Secrets Are Given" a definition that carries a secret is always written.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const { bag, name, input, tags, catalogId: CatalogId, markedSecretKeys } = await readNamedDefinition(this, itemIndex, description);
	const options = (bag.options ?? {}) as IDataObject;
	const dryRun = options.dryRun === true;
	const glue = await service();
	await checkDescribedType(glue, input);
	const current = await readConnection(glue, name, CatalogId);
	const result = { name, connectionType: input.ConnectionType, dryRun };
	if (!current) {
		if (!dryRun) await createConnection(glue, { input, tags, catalogId: CatalogId });
		return { ...result, action: dryRun ? 'wouldCreate' : 'created', changed: true, differences: [] };
	}
	// AWS never returns secrets: a described type's SECRET properties are not compared either.
	const described = await secretContext(glue, String(input.ConnectionType), bag);
	const context = { describedSecretKeys: [...(described.describedSecretKeys ?? []), ...markedSecretKeys] };
	const differences = differencesFrom(input, current, context);
	const secretsForced = options.updateWhenSecretsGiven === true && carriesSecrets('glue', input, context);
	if (!differences.length && !secretsForced) {
		return { ...result, action: 'unchanged', changed: false, differences };
	}
	if (!dryRun) await updateConnection(glue, name, input, CatalogId);
	return {
		...result,
		action: dryRun ? 'wouldUpdate' : 'updated',
		changed: true,
		differences: differences.length ? differences : ['(secrets)'],
	};
}
