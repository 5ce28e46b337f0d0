import type { CreateConnectionRequest, CreateConnectionResponse, DescribeConnectionResponse } from '@aws-sdk/client-eventbridge';

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
