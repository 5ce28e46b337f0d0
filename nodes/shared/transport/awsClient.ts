import type { ICredentialDataDecryptedObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { InputProblem } from '../validation';
import {
	type CredentialProvider,
	type Environment,
	HOST_ACCESS_VARIABLE,
	hostCredentialProvider,
	hostEnvironment,
	isHostAccessAllowed,
	refreshing,
} from './credentialSources';
import {
	adaptiveRetryStrategy,
	DEFAULT_MAX_ATTEMPTS,
	type NodeRetryStrategy,
	DEFAULT_MAX_RETRY_TIME,
	DEFAULT_REQUEST_TIMEOUT,
	maxAttemptsOption,
	maxRetryTimeOption,
	requestTimeoutOption,
} from './retry';

/** The services our clients talk to; each may have its own endpoint in the credential. */
export type AwsServiceName = 'glue' | 'eventbridge' | 'sts' | 'secretsmanager';

/** The credential's field for each service's own endpoint, and the service's name in messages. */
export const SERVICE_ENDPOINT_FIELDS: Record<AwsServiceName, { field: string; label: string }> = {
	glue: { field: 'glueEndpoint', label: 'Glue Endpoint' },
	eventbridge: { field: 'eventBridgeEndpoint', label: 'EventBridge Endpoint' },
	sts: { field: 'stsEndpoint', label: 'STS Endpoint' },
	secretsmanager: { field: 'secretsManagerEndpoint', label: 'Secrets Manager Endpoint' },
};

/** What both nodes need to talk to AWS, read from our credential type. */
export interface AwsSettings {
	region: string;
	/** The Custom Endpoint: every service that has no endpoint of its own. */
	endpoint?: string;
	serviceEndpoints?: Partial<Record<AwsServiceName, string>>;
	/** The credential's access keys; absent when the n8n host's own credentials are used. */
	credentials?: AwsStaticCredentials;
	hostCredentials?: true;
	assumeRole?: { roleArn: string; externalId?: string; sessionName: string };
}

export interface AwsStaticCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

/** Fixed keys, or a provider the SDK calls again when its credentials are about to expire. */
export type AwsCredentials = AwsStaticCredentials | CredentialProvider;

/** The subset of an SDK v3 client's configuration we set; every service client accepts it. */
export interface AwsClientConfig {
	region: string;
	endpoint?: string;
	credentials: AwsCredentials;
	maxAttempts: number;
	retryMode: 'adaptive';
	retryStrategy?: NodeRetryStrategy;
	requestHandler: AttemptTimeouts;
}

/**
 * The SDK's HTTP handler settings that end an attempt AWS does not answer: connecting and the whole
 * attempt each within the Request Timeout. The SDK only warns at requestTimeout unless told to throw;
 * it then reports a TimeoutError, which it retries.
 */
export interface AttemptTimeouts {
	connectionTimeout: number;
	requestTimeout: number;
	throwOnRequestTimeout: true;
}

/** Attempts per request (see retry.ts), the strategy that makes them, and how long each may wait. */
export interface RetrySettings {
	maxAttempts?: number;
	retryStrategy?: AwsClientConfig['retryStrategy'];
	requestTimeoutMs?: number;
}

type ClientClass<Client> = new (config: AwsClientConfig) => Client;

/**
 * Every client of ours is made here: with our retry strategy, the client lets it watch each
 * attempt (what each operation answers, see retry.ts).
 */
export function newClient<Client>(ClientConstructor: ClientClass<Client>, config: AwsClientConfig): Client {
	const client = new ClientConstructor(config);
	config.retryStrategy?.watch(client as unknown as Parameters<NodeRetryStrategy['watch']>[0]);
	return client;
}

export const CREDENTIAL_TYPE = 'awsConnectionsApi';

/** A credential that can never work; reported as a problem of the credential, before any call. */
export class CredentialProblem extends InputProblem {
	constructor(problem: string) {
		super('AWS Credential', problem);
	}
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** An http(s) URL without a trailing slash, or a problem naming the field. */
function endpointUrl(value: unknown, label: string): string | undefined {
	const endpoint = text(value);
	if (!endpoint) return undefined;
	if (!URL.canParse(endpoint)) {
		throw new CredentialProblem(`The credential's ${label} "${endpoint}" is not a valid URL`);
	}
	const { protocol } = new URL(endpoint);
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw new CredentialProblem(`The credential's ${label} must use http or https, not ${protocol}`);
	}
	return endpoint.replace(/\/+$/, '');
}

/** The role to assume: required with the host's credentials (as n8n's own), optional with keys. */
function roleOf(data: ICredentialDataDecryptedObject): AwsSettings['assumeRole'] {
	const roleArn = text(data.roleArn);
	if (data.authentication === 'host' && !roleArn) {
		throw new CredentialProblem(
			'"Credentials of the n8n Host" need a Role ARN: the host\'s own credentials are used only to assume that role (as in n8n\'s own AWS credentials)',
		);
	}
	if (data.authentication !== 'host' && data.assumeRole !== true) return undefined;
	if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleArn)) {
		throw new CredentialProblem(`The credential's Role ARN "${roleArn}" is not an IAM role ARN`);
	}
	const role: NonNullable<AwsSettings['assumeRole']> = { roleArn, sessionName: text(data.roleSessionName) || 'n8n-aws-connections' };
	const externalId = text(data.externalId);
	if (externalId) role.externalId = externalId;
	return role;
}

/** The credential's keys; or, for the host's credentials, the administrator's permission. */
function keysOf(data: ICredentialDataDecryptedObject, env: Environment): Pick<AwsSettings, 'credentials' | 'hostCredentials'> {
	if (data.authentication === 'host') {
		if (!isHostAccessAllowed(env)) {
			throw new CredentialProblem(
				`"Credentials of the n8n Host" are disabled on this n8n: the administrator must set ${HOST_ACCESS_VARIABLE}=true (on the main process and every worker) to allow them`,
			);
		}
		return { hostCredentials: true };
	}
	const accessKeyId = text(data.accessKeyId);
	const secretAccessKey = text(data.secretAccessKey);
	if (!accessKeyId || !secretAccessKey) {
		throw new CredentialProblem("The credential needs both an Access Key ID and a Secret Access Key");
	}
	const credentials: AwsStaticCredentials = { accessKeyId, secretAccessKey };
	const sessionToken = text(data.sessionToken);
	if (sessionToken) credentials.sessionToken = sessionToken;
	return { credentials };
}

/**
 * Turns the decrypted credential into settings, refusing what AWS could never accept and the
 * host's credentials unless the n8n administrator allows them. Pure but for `env`.
 */
export function toAwsSettings(data: ICredentialDataDecryptedObject, env: Environment = hostEnvironment()): AwsSettings {
	const region = text(data.region);
	if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
		throw new CredentialProblem(`The credential's Region "${region}" is not an AWS region code such as eu-west-1`);
	}
	const settings: AwsSettings = { region, ...keysOf(data, env) };

	const endpoint = endpointUrl(data.endpoint, 'Custom Endpoint');
	if (endpoint) settings.endpoint = endpoint;
	// Read only while the switch is on: fields it hides keep their old values.
	if (data.serviceEndpoints === true) {
		for (const [service, { field, label }] of Object.entries(SERVICE_ENDPOINT_FIELDS)) {
			const own = endpointUrl(data[field], label);
			if (own) (settings.serviceEndpoints ??= {})[service as AwsServiceName] = own;
		}
	}

	const role = roleOf(data);
	if (role) settings.assumeRole = role;
	return settings;
}

/** A service's own endpoint, else the Custom Endpoint, else AWS's (undefined). */
export const endpointFor = (settings: AwsSettings, service: AwsServiceName): string | undefined =>
	settings.serviceEndpoints?.[service] ?? settings.endpoint;

export function clientConfig(
	settings: AwsSettings,
	service: AwsServiceName,
	credentials: AwsCredentials,
	retry: RetrySettings = {},
): AwsClientConfig {
	const requestTimeout = retry.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT * 1000;
	const config: AwsClientConfig = {
		region: settings.region,
		credentials,
		maxAttempts: retry.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
		retryMode: 'adaptive',
		requestHandler: { connectionTimeout: requestTimeout, requestTimeout, throwOnRequestTimeout: true },
	};
	if (retry.retryStrategy) config.retryStrategy = retry.retryStrategy;
	const endpoint = endpointFor(settings, service);
	if (endpoint) config.endpoint = endpoint;
	return config;
}

/** The SDK's STS module, loaded on first use only. */
export const loadSts = async () => await import('@aws-sdk/client-sts');

/**
 * The role's temporary keys, fetched again (one AssumeRole) shortly before they expire, with the
 * base credentials (keys or the host's) as the caller.
 */
function assumedRoleProvider(settings: AwsSettings, role: NonNullable<AwsSettings['assumeRole']>, base: AwsCredentials, limits: RetryLimits) {
	return refreshing(async () => {
		const { STSClient, AssumeRoleCommand } = await loadSts();
		// AssumeRole is retried and timed out within the node's own limits, like its other requests.
		const sts = newClient(STSClient, clientConfig(settings, 'sts', base, await retrySettings(limits)));
		const { Credentials } = await sts
			.send(
				new AssumeRoleCommand({ RoleArn: role.roleArn, RoleSessionName: role.sessionName, ExternalId: role.externalId }),
			)
			.finally(() => sts.destroy());
		if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) {
			throw new CredentialProblem(`STS AssumeRole on ${role.roleArn} returned no credentials`);
		}
		return {
			accessKeyId: Credentials.AccessKeyId,
			secretAccessKey: Credentials.SecretAccessKey,
			sessionToken: Credentials.SessionToken,
			expiration: Credentials.Expiration,
		};
	});
}

/**
 * What the clients sign with: the credential's keys, or a provider (an assumed role, on top of
 * the keys or of the host's credentials) that nothing calls until the first request, and that
 * renews them before expiry. The host's own credentials only ever sign AssumeRole.
 */
export function resolveCredentials(settings: AwsSettings, limits: RetryLimits = DEFAULT_RETRY_LIMITS): AwsCredentials {
	const base: AwsCredentials =
		settings.credentials ?? hostCredentialProvider({ region: settings.region, stsEndpoint: endpointFor(settings, 'sts') });
	return settings.assumeRole ? assumedRoleProvider(settings, settings.assumeRole, base, limits) : base;
}

/**
 * One target of a multi-target run (Targets, nodes/shared/targets.ts): its role, assumed with the
 * credential's own identity as the caller (role chaining when the credential itself assumes a
 * role), in the target's Region. As for the credential's role, nothing is asked of STS until the
 * first request, and the keys are renewed before they expire.
 */
export function assumedRoleAccess(access: AwsAccess, role: NonNullable<AwsSettings['assumeRole']>, region: string, limits: RetryLimits = DEFAULT_RETRY_LIMITS): AwsAccess {
	const settings: AwsSettings = { ...access.settings, region, assumeRole: role };
	return { settings, credentials: assumedRoleProvider(settings, role, access.credentials, limits) };
}

/**
 * How often and how long a request may be tried: the node's Max Attempts, Max Retry Time and
 * Request Timeout (each attempt's own wait for an answer).
 */
export interface RetryLimits {
	maxAttempts: number;
	maxRetryTimeMs: number;
	requestTimeoutMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = {
	maxAttempts: DEFAULT_MAX_ATTEMPTS,
	maxRetryTimeMs: DEFAULT_MAX_RETRY_TIME * 1000,
	requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT * 1000,
};

/** The node's limits, read once per execution (the editor's are fixed, see retry.ts). */
export const retryLimitsOf = (ctx: IExecuteFunctions | ILoadOptionsFunctions): RetryLimits => ({
	maxAttempts: maxAttemptsOption(ctx),
	maxRetryTimeMs: maxRetryTimeOption(ctx),
	requestTimeoutMs: requestTimeoutOption(ctx),
});

/** A client's retry settings for these limits, with a strategy of its own. */
export async function retrySettings(limits: RetryLimits): Promise<RetrySettings> {
	const retryStrategy = await adaptiveRetryStrategy(limits.maxAttempts, limits.maxRetryTimeMs);
	return { maxAttempts: limits.maxAttempts, retryStrategy, requestTimeoutMs: limits.requestTimeoutMs };
}

/** The credential's settings and the one provider every client of an execution signs with. */
export interface AwsAccess {
	settings: AwsSettings;
	credentials: AwsCredentials;
}

export function awsAccess(credentialData: ICredentialDataDecryptedObject, limits: RetryLimits = DEFAULT_RETRY_LIMITS): AwsAccess {
	const settings = toAwsSettings(credentialData);
	return { settings, credentials: resolveCredentials(settings, limits) };
}

/**
 * `fetch` asked once per execution (per n8n context object), its answer shared by every caller of
 * that execution. A failure is not kept: the next caller asks again.
 */
function oncePerExecution<Ctx extends object, T>(fetch: (ctx: Ctx) => Promise<T>): (ctx: Ctx) => Promise<T> {
	const answers = new WeakMap<Ctx, Promise<T>>();
	return (ctx) => {
		let answer = answers.get(ctx);
		if (!answer) {
			answer = fetch(ctx);
			answers.set(ctx, answer);
			answer.catch(() => answers.delete(ctx));
		}
		return answer;
	};
}

/**
 * One access per execution, shared by all its clients (Glue or EventBridge, Secrets Manager): the
 * host's credentials and an assumed role are fetched once, not once per client.
 */
export const executionAccess = oncePerExecution(
	async (ctx: IExecuteFunctions | ILoadOptionsFunctions): Promise<AwsAccess> =>
		awsAccess(await ctx.getCredentials(CREDENTIAL_TYPE), retryLimitsOf(ctx)),
);

/** One client per execution and service: callers build it once, before their per-item loop. */
export async function createAwsClient<Client>(
	access: AwsAccess,
	service: AwsServiceName,
	ClientConstructor: ClientClass<Client>,
	limits: RetryLimits = DEFAULT_RETRY_LIMITS,
): Promise<Client> {
	return newClient(ClientConstructor, clientConfig(access.settings, service, access.credentials, await retrySettings(limits)));
}

/** A service's client together with its SDK module (for the command classes). */
export interface AwsService<Client, Sdk> {
	client: Client;
	sdk: Sdk;
}

/** Builds the client of an SDK module the caller has just loaded with a dynamic import. */
export async function awsService<Client, Sdk>(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	service: AwsServiceName,
	sdk: Sdk,
	ClientConstructor: ClientClass<Client>,
	/** Another access than the credential's own (one target of a multi-target run). */
	access?: AwsAccess,
): Promise<AwsService<Client, Sdk>> {
	access ??= await executionAccess(ctx);
	return { client: await createAwsClient(access, service, ClientConstructor, retryLimitsOf(ctx)), sdk };
}

/**
 * The account the credential acts in (STS GetCallerIdentity, which needs no permission), for ARNs
 * AWS does not return. Asked once per execution.
 */
export const callerAccount = oncePerExecution(async (ctx: IExecuteFunctions): Promise<string> => {
	const sdk = await loadSts();
	const { client } = await awsService(ctx, 'sts', sdk, sdk.STSClient);
	const { Account } = await client.send(new sdk.GetCallerIdentityCommand({})).finally(() => client.destroy());
	if (!Account) throw new CredentialProblem('STS GetCallerIdentity returned no account');
	return Account;
});
