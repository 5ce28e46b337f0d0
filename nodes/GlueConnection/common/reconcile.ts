import type { Connection, ConnectionInput } from '@aws-sdk/client-glue';

import type { ExistingConnection } from '../../shared/reconcile';
import type { GlueService } from '../transport';
import { definitionState } from './output';
import { differencesFrom, secretContext } from './writes';

/** Glue's part of Reconcile: reading the scope (paged) and comparing; the writes are common/writes.ts. */
export interface GlueDesired {
	input: ConnectionInput;
	tags?: Record<string, string>;
	/** ConnectionProperties keys this item itself marks secret (Secret Connection Properties rows, {"$secret"} references). */
	describedSecretKeys: string[];
}

const PAGE_SIZE = 100;

/**
 * Every connection of the catalog whose name starts with the prefix, from GetConnections pages
 * (HidePassword: a plan never reads a secret). GetConnections has no name filter, so the prefix
 * is applied to each page as it arrives.
 */
export async function connectionsInScope(glue: GlueService, prefix: string, catalogId?: string): Promise<Array<ExistingConnection<Connection>>> {
	const { client, sdk } = glue;
	const found: Array<ExistingConnection<Connection>> = [];
	for await (const page of sdk.paginateGetConnections({ client, pageSize: PAGE_SIZE }, { CatalogId: catalogId, HidePassword: true })) {
		for (const connection of page.ConnectionList ?? []) {
			const name = connection.Name ?? '';
			if (name.startsWith(prefix)) found.push({ name, current: connection, stateView: definitionState(connection) });
		}
	}
	return found;
}

/**
 * Where AWS's connection differs from the desired definition, secrets aside: the secret model's,
 * a described type's SECRET properties (asked of AWS once per execution and type) and the item's own.
 */
export async function glueDifferences(glue: GlueService, desired: GlueDesired, current: Connection): Promise<string[]> {
	const context = await secretContext(glue, String(desired.input.ConnectionType));
	const describedSecretKeys = [...(context.describedSecretKeys ?? []), ...desired.describedSecretKeys];
	return differencesFrom(desired.input, current, { describedSecretKeys });
}
