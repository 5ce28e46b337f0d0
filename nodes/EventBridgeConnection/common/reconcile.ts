import type { Connection, CreateConnectionRequest, DescribeConnectionResponse } from '@aws-sdk/client-eventbridge';

import { runBounded } from '../../shared/boundedRun';
import type { ExistingConnection } from '../../shared/reconcile';
import type { EventBridgeService } from '../transport';
import { comparedView, definitionDifferences } from './output';
import { describeConnection } from './writes';

/** EventBridge's part of Reconcile: reading the scope and comparing; the writes are common/writes.ts. */
export type EventBridgeCurrent = DescribeConnectionResponse | Connection;

const PAGE_SIZE = 100;

/** What a plan compares and hashes of a connection: its one view (common/output.ts). */
export { comparedView };

/**
 * The connections whose name starts with the prefix (ListConnections pages with NamePrefix). Only
 * those a desired connection names are described (DescribeConnection, with up to `limit` in
 * flight): ListConnections does not give the settings to compare. An extra is known by its list
 * entry (ARN, type, last change).
 */
export async function connectionsInScope(
	eventBridge: EventBridgeService,
	prefix: string,
	desiredNames: ReadonlySet<string>,
	limit: number,
): Promise<Array<ExistingConnection<EventBridgeCurrent>>> {
	const { client, sdk } = eventBridge;
	const listed: Connection[] = [];
	let NextToken: string | undefined;
	do {
		const page = await client.send(new sdk.ListConnectionsCommand({ NamePrefix: prefix, Limit: PAGE_SIZE, NextToken }));
		listed.push(...(page.Connections ?? []).filter((connection) => connection.Name?.startsWith(prefix)));
		NextToken = page.NextToken;
	} while (NextToken);
	const read = await runBounded({
		count: listed.length,
		limit,
		keysOf: () => [],
		run: async (index): Promise<ExistingConnection<EventBridgeCurrent> | undefined> => {
			const entry = listed[index];
			const name = String(entry.Name);
			const { ConnectionArn, AuthorizationType, LastModifiedTime } = entry;
			const extra = { name, current: entry, stateView: { ConnectionArn, AuthorizationType, LastModifiedTime: LastModifiedTime?.toISOString() } };
			if (!desiredNames.has(name)) return extra;
			// Deleted between the list and this read: it is missing, as a create will find.
			const described = await describeConnection(eventBridge, name);
			return described && { name, current: described, stateView: comparedView(described) };
		},
	});
	return read.filter((connection) => connection !== undefined);
}

/** Where AWS's connection differs from the desired definition (secrets aside). */
export function eventBridgeDifferences(desired: CreateConnectionRequest, current: EventBridgeCurrent): string[] {
	return definitionDifferences(desired, current as DescribeConnectionResponse);
}
