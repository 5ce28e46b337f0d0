import type { CreateConnectionRequest, CreateConnectionResponse, DeauthorizeConnectionResponse, DescribeConnectionResponse } from '@aws-sdk/client-eventbridge';

import { writeSafely } from '../../shared/retriedWrite';
import type { EventBridgeService } from '../transport';
import { definitionDifferences } from './output';

/**
 * EventBridge's writes, each safe to retry (see shared/retriedWrite.ts): the echo of a lost earlier
 * attempt is checked by reading the connection back and comparing it as Create or Update does.
 */

/** DescribeConnection, or undefined when there is no such connection. */
export async function describeConnection({ client, sdk }: EventBridgeService, name: string): Promise<DescribeConnectionResponse | undefined> {
	return await client.send(new sdk.DescribeConnectionCommand({ Name: name })).catch(async (error: Error) =>
		error.name === 'ResourceNotFoundException' ? undefined : await Promise.reject(error),
	);
}

export async function createConnection(service: EventBridgeService, request: CreateConnectionRequest): Promise<Partial<CreateConnectionResponse>> {
	const { client, sdk } = service;
	return await writeSafely<Partial<CreateConnectionResponse>>(async () => await client.send(new sdk.CreateConnectionCommand(request)), {
		echoes: ['ResourceAlreadyExistsException'],
		readBack: async () => {
			const current = await describeConnection(service, String(request.Name));
			return current && !definitionDifferences(request, current).length ? current : undefined;
		},
	});
}

export async function deleteConnection(service: EventBridgeService, name: string): Promise<void> {
	const { client, sdk } = service;
	await writeSafely(
		async () => {
			await client.send(new sdk.DeleteConnectionCommand({ Name: name }));
			return true;
		},
		{
			echoes: ['ResourceNotFoundException'],
			readBack: async () => ((await describeConnection(service, name)) ? undefined : true),
		},
	);
}

/** UpdateConnection with a whole definition: writing it twice leaves the same connection, so a retry is safe as it is. */
export async function updateConnection({ client, sdk }: EventBridgeService, request: CreateConnectionRequest): Promise<void> {
	await client.send(new sdk.UpdateConnectionCommand(request));
}

/** The states a connection is in once a deauthorization has taken effect. */
const DEAUTHORIZED_STATES = ['DEAUTHORIZING', 'DEAUTHORIZED'];

/**
 * DeauthorizeConnection. A retried attempt after a lost one meets the connection still
 * DEAUTHORIZING: AWS answers ConcurrentModificationException. The connection's state decides.
 */
export async function deauthorizeConnection(service: EventBridgeService, name: string): Promise<Partial<DeauthorizeConnectionResponse>> {
	const { client, sdk } = service;
	return await writeSafely<Partial<DeauthorizeConnectionResponse>>(async () => await client.send(new sdk.DeauthorizeConnectionCommand({ Name: name })), {
		echoes: ['ConcurrentModificationException'],
		readBack: async () => {
			const current = await describeConnection(service, name);
			return current && DEAUTHORIZED_STATES.includes(String(current.ConnectionState)) ? current : undefined;
		},
	});
}
