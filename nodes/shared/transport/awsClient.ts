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
import { adaptiveRetryStrategy, DEFAULT_MAX_ATTEMPTS, maxAttemptsOption } from './retry';

/** What both nodes need to talk to AWS, read from our credential type. */
export interface AwsSettings {
	region: string;
	endpoint?: string;
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
	retryStrategy?: Awaited<ReturnType<typeof adaptiveRetryStrategy>>;
}

/** Attempts per request (see retry.ts), and the strategy that makes them. */
export interface RetrySettings {
	maxAttempts?: number;
	retryStrategy?: AwsClientConfig['retryStrategy'];
}

type ClientClass<Client> = new (config: AwsClientConfig) => Client;

export const CREDENTIAL_TYPE = 'awsConnectionsApi';

/** A credential that can never work; reported as a problem of the credential, before any call. */
export class CredentialProblem extends InputProblem {
	constructor(problem: string) {
		super('AWS Credential', problem);
	}
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

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

	const endpoint = text(data.endpoint);
	if (endpoint) {
		if (!URL.canParse(endpoint)) {
			throw new CredentialProblem(`The credential's Custom Endpoint "${endpoint}" is not a valid URL`);
		}
		const url = new URL(endpoint);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			throw new CredentialProblem(`The credential's Custom Endpoint must use http or https, not ${url.protocol}`);
		}
		settings.endpoint = endpoint.replace(/\/+$/, '');
	}

	if (data.assumeRole === true) {
		const roleArn = text(data.roleArn);
		if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleArn)) {
			throw new CredentialProblem(`The credential's Role ARN "${roleArn}" is not an IAM role ARN`);
		}
		settings.assumeRole = {
			roleArn,
			sessionName: text(data.roleSessionName) || 'n8n-aws-connections',
		};
		const externalId = text(data.externalId);
		if (externalId) settings.assumeRole.externalId = externalId;
	}
	return settings;
}

export function clientConfig(settings: AwsSettings, credentials: AwsCredentials, retry: RetrySettings = {}): AwsClientConfig {
	const config: AwsClientConfig = {
		region: settings.region,
		credentials,
		maxAttempts: retry.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
		retryMode: 'adaptive',
	};
	if (retry.retryStrategy) config.retryStrategy = retry.retryStrategy;
	if (settings.endpoint) config.endpoint = settings.endpoint;
	return config;
}

/** The SDK's STS module, loaded on first use only. */
export const loadSts = async () => await import('@aws-sdk/client-sts');

/**
 * The role's temporary keys, fetched again (one AssumeRole) shortly before they expire, with the
 * base credentials (keys or the host's) as the caller.
 */
function assumedRoleProvider(settings: AwsSettings, role: NonNullable<AwsSettings['assumeRole']>, base: AwsCredentials) {
	return refreshing(async () => {
		const { STSClient, AssumeRoleCommand } = await loadSts();
		const sts = new STSClient(clientConfig(settings, base));
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
 * What the clients sign with: the credential's keys, or a provider (the host's credentials, an
 * assumed role) that nothing calls until the first request, and that renews them before expiry.
 */
export function resolveCredentials(settings: AwsSettings): AwsCredentials {
	const base: AwsCredentials =
		settings.credentials ?? hostCredentialProvider({ region: settings.region, endpoint: settings.endpoint });
	return settings.assumeRole ? assumedRoleProvider(settings, settings.assumeRole, base) : base;
}

/** One client per execution: callers build it once, before their per-item loop. */
export async function createAwsClient<Client>(
	credentialData: ICredentialDataDecryptedObject,
	ClientConstructor: ClientClass<Client>,
	maxAttempts: number = DEFAULT_MAX_ATTEMPTS,
): Promise<Client> {
	const settings = toAwsSettings(credentialData);
	const retry = { maxAttempts, retryStrategy: await adaptiveRetryStrategy(maxAttempts) };
	return new ClientConstructor(clientConfig(settings, resolveCredentials(settings), retry));
}

/** A service's client together with its SDK module (for the command classes). */
export interface AwsService<Client, Sdk> {
	client: Client;
	sdk: Sdk;
}

/** Builds the client of an SDK module the caller has just loaded with a dynamic import. */
export async function awsService<Client, Sdk>(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	sdk: Sdk,
	ClientConstructor: ClientClass<Client>,
): Promise<AwsService<Client, Sdk>> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return { client: await createAwsClient(credentials, ClientConstructor, maxAttemptsOption(ctx)), sdk };
}
