import type {
	Connection,
	ConnectionInput,
	CreateConnectionResponse,
	DescribeConnectionTypeResponse,
	RegisterConnectionTypeRequest,
	RegisterConnectionTypeResponse,
} from '@aws-sdk/client-glue';

import { writeSafely } from '../../shared/retriedWrite';
import { describedSecretRowKeys, type SecretContext } from '../../shared/secretModel';
import type { GlueService } from '../transport';
import { FIRST_CLASS_TYPES, propertyDefaults } from './definition';
import { secretProperties } from './describedType';
import { definitionDifferences } from './output';

/**
 * Glue's writes, each safe to retry (see shared/retriedWrite.ts): the echo of a lost earlier
 * attempt is checked by reading the connection back and comparing it as Create or Update does.
 */

/** The connection as GetConnection reports it (secrets hidden), or undefined when there is none. */
export async function readConnection({ client, sdk }: GlueService, name: string, catalogId?: string): Promise<Connection | undefined> {
	return await client.send(new sdk.GetConnectionCommand({ Name: name, CatalogId: catalogId, HidePassword: true })).then(
		({ Connection }) => Connection,
		async (error: Error) => (error.name === 'EntityNotFoundException' ? undefined : await Promise.reject(error)),
	);
}

/**
 * What the secret model cannot know before run time: for a described type, the properties AWS's
 * description marks SECRET (DescribeConnectionType, asked once per execution and type; never for
 * a first-class type or a connection whose type AWS does not report, nor again once it has failed
 * in the execution), and the keys of the item's own Secret Connection Properties rows. When AWS
 * cannot describe the type, the rows and AWS's own HidePassword are the guard.
 */
export async function secretContext(service: GlueService, type: string | undefined, parameters?: Record<string, unknown>): Promise<SecretContext> {
	if (type && FIRST_CLASS_TYPES.includes(type)) return {};
	const description = await service.describeConnectionTypeIfAnswering(type);
	const described = secretProperties(description ?? {}).map((property) => property.Name as string);
	return { describedSecretKeys: [...described, ...(parameters ? describedSecretRowKeys(parameters) : [])] };
}

/** Create or Update's comparison: where the connection AWS has differs from the definition (secrets aside). */
export function differencesFrom(input: ConnectionInput, current: Connection, context: SecretContext): string[] {
	return definitionDifferences(input, current, context, propertyDefaults(String(input.ConnectionType)));
}

/**
 * Whether AWS has the connection with the definition that was sent (its non-secret parts): a
 * described type's SECRET properties are secrets too, which AWS hides (HidePassword).
 */
async function holdsDefinition(service: GlueService, input: ConnectionInput, catalogId?: string): Promise<Connection | undefined> {
	const current = await readConnection(service, String(input.Name), catalogId);
	if (!current) return undefined;
	const context = await secretContext(service, String(input.ConnectionType));
	return differencesFrom(input, current, context).length ? undefined : current;
}

export async function createConnection(
	service: GlueService,
	request: { input: ConnectionInput; tags?: Record<string, string>; catalogId?: string },
): Promise<Partial<CreateConnectionResponse>> {
	const { client, sdk } = service;
	return await writeSafely<Partial<CreateConnectionResponse>>(
		async () => await client.send(new sdk.CreateConnectionCommand({ CatalogId: request.catalogId, ConnectionInput: request.input, Tags: request.tags })),
		{
			echoes: ['AlreadyExistsException'],
			readBack: async () => {
				const current = await holdsDefinition(service, request.input, request.catalogId);
				return current && { CreateConnectionStatus: current.Status };
			},
		},
	);
}

/** UpdateConnection; a rename whose answer was lost leaves the old name missing on the next attempt. */
export async function updateConnection(service: GlueService, name: string, input: ConnectionInput, catalogId?: string): Promise<void> {
	const { client, sdk } = service;
	const renamed = input.Name !== name;
	await writeSafely(
		async () => {
			await client.send(new sdk.UpdateConnectionCommand({ Name: name, CatalogId: catalogId, ConnectionInput: input }));
			return true;
		},
		{
			echoes: renamed ? ['EntityNotFoundException'] : [],
			readBack: async () => ((await holdsDefinition(service, input, catalogId)) ? true : undefined),
		},
	);
}

export async function deleteConnection(service: GlueService, name: string, catalogId?: string): Promise<void> {
	const { client, sdk } = service;
	await writeSafely(
		async () => {
			await client.send(new sdk.DeleteConnectionCommand({ ConnectionName: name, CatalogId: catalogId }));
			return true;
		},
		{
			echoes: ['EntityNotFoundException'],
			readBack: async () => ((await readConnection(service, name, catalogId)) ? undefined : true),
		},
	);
}

/** DescribeConnectionType's answers for a type that does not exist (the emulator and AWS's reference). */
const NO_SUCH_TYPE = ['ValidationException', 'InvalidInputException', 'EntityNotFoundException'];

/** The connection type as AWS describes it now (asked afresh, not from the execution's cache), or undefined when there is none. */
async function readConnectionType({ client, sdk }: GlueService, type: string): Promise<DescribeConnectionTypeResponse | undefined> {
	return await client.send(new sdk.DescribeConnectionTypeCommand({ ConnectionType: type })).then(
		(described) => described,
		async (error: Error) => (NO_SUCH_TYPE.includes(error.name) ? undefined : await Promise.reject(error)),
	);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Whether every member that was sent is there with the same value (AWS may add members of its own). */
function holdsSent(sent: unknown, current: unknown): boolean {
	if (Array.isArray(sent)) return Array.isArray(current) && sent.length === current.length && sent.every((entry, index) => holdsSent(entry, current[index]));
	if (isRecord(sent)) return isRecord(current) && Object.entries(sent).every(([key, value]) => value === undefined || holdsSent(value, current[key]));
	return sent === current;
}

const sorted = (list: readonly string[] = []) => [...list].sort().join(',');

/**
 * Pure: whether a described connection type is the one this RegisterConnectionType request would
 * have made: its name, description and authentication types, a property for each connector property
 * sent, and (when AWS describes it) the REST configuration sent.
 */
export function registeredAsSent(request: RegisterConnectionTypeRequest, current: DescribeConnectionTypeResponse): boolean {
	const properties = request.ConnectionProperties;
	const connectorNames = [properties?.Url, ...(properties?.AdditionalRequestParameters ?? [])].flatMap((property) => (property?.Name ? [property.Name] : []));
	return (
		current.ConnectionType === request.ConnectionType &&
		(current.Description ?? '') === (request.Description ?? '') &&
		sorted(current.Capabilities?.SupportedAuthenticationTypes) === sorted(request.ConnectorAuthenticationConfiguration?.AuthenticationTypes) &&
		connectorNames.every((name) => current.ConnectionProperties?.[name] !== undefined) &&
		(current.RestConfiguration === undefined || holdsSent(request.RestConfiguration, current.RestConfiguration))
	);
}

/**
 * RegisterConnectionType. A retried attempt meets the type its own lost attempt registered: AWS
 * answers a taken name with a ValidationException (AlreadyExistsException is not among the
 * operation's errors; both are handled). AWS's description of the type then decides. The ARN is only
 * in the lost answer: a recovered registration reports none.
 */
export async function registerConnectionType(service: GlueService, request: RegisterConnectionTypeRequest): Promise<Partial<RegisterConnectionTypeResponse>> {
	const { client, sdk } = service;
	return await writeSafely<Partial<RegisterConnectionTypeResponse>>(
		async () => await client.send(new sdk.RegisterConnectionTypeCommand(request)),
		{
			echoes: ['AlreadyExistsException', 'ValidationException'],
			readBack: async () => {
				const current = await readConnectionType(service, String(request.ConnectionType));
				return current && registeredAsSent(request, current) ? {} : undefined;
			},
		},
	);
}

/** DeleteConnectionType; a retried attempt after a lost one is told EntityNotFound. */
export async function deleteConnectionType(service: GlueService, type: string): Promise<void> {
	const { client, sdk } = service;
	await writeSafely(
		async () => {
			await client.send(new sdk.DeleteConnectionTypeCommand({ ConnectionType: type }));
			return true;
		},
		{
			echoes: ['EntityNotFoundException'],
			readBack: async () => ((await readConnectionType(service, type)) ? undefined : true),
		},
	);
}
