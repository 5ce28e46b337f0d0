/**
 * Where the AWS keys come from when the credential says "Credentials of the n8n Host", and the
 * providers the SDK clients get instead of fixed keys, so temporary credentials are renewed before
 * they expire (a long wait for a connection's state must not fail on an expired session).
 *
 * Each host source is resolved by its own provider from `@aws-sdk/credential-providers` (as n8n's
 * own AWS credentials do), picked by the variables the platform injects, in n8n's documented order.
 * The provider module is bundled into dist/vendor and loaded only when a host source is used.
 */

/** The variable n8n's own AWS credentials use for the same permission (default off). */
export const HOST_ACCESS_VARIABLE = 'N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED';

/** A fresh set is fetched when the current one expires within this window (the SDK uses 5 minutes too). */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

const DEFAULT_SESSION_NAME = 'n8n-aws-connections';

/** The shape every SDK v3 client accepts as `credentials` (or returns from a provider). */
export interface AwsCredentialIdentity {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
	expiration?: Date;
}

export type CredentialProvider = () => Promise<AwsCredentialIdentity>;

export type Environment = Record<string, string | undefined>;

/**
 * The n8n process's environment. Only this option reads it: the host's credentials exist only
 * there (self-hosted n8n; n8n Cloud never sets the administrator's variable, so it stays off).
 */
export function hostEnvironment(): Environment {
	try {
		// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- see the comment above
		return process.env;
	} catch {
		return {};
	}
}

export const isHostAccessAllowed = (env: Environment) => env[HOST_ACCESS_VARIABLE]?.trim().toLowerCase() === 'true';

/** What a host source needs to build its provider: the credential's region and custom endpoint. */
export interface HostContext {
	region: string;
	endpoint?: string;
}

type Providers = typeof import('@aws-sdk/credential-providers');

/** One source of the host's credentials: how it is recognised and which SDK provider reads it. */
export interface HostSource {
	name: string;
	/** The variables that select it, named in error messages. */
	variables: string[];
	applies(env: Environment): boolean;
	provider(sdk: Providers, context: HostContext, env: Environment): CredentialProvider;
}

const LOCAL_ENDPOINT_OPTIONS = { timeout: 1000, maxRetries: 3 };
const present = (env: Environment, ...names: string[]) => names.every((name) => Boolean(env[name]?.trim()));

/**
 * n8n's order: keys in the environment win over everything (a stray AWS_ACCESS_KEY_ID in a
 * container is the usual cause of "the wrong identity"), then the sources EKS and ECS inject, then
 * EC2's instance metadata, which needs no variable and is therefore last.
 */
export const HOST_SOURCES: readonly HostSource[] = [
	{
		name: 'environment keys',
		variables: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
		applies: (env) => present(env, 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'),
		provider: (sdk) => sdk.fromEnv(),
	},
	{
		name: 'web identity token (EKS IRSA)',
		variables: ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'],
		applies: (env) => present(env, 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'),
		// The token file is read again on every refresh: Kubernetes rotates it.
		provider: (sdk, { region, endpoint }, env) =>
			sdk.fromTokenFile({
				roleSessionName: env.AWS_ROLE_SESSION_NAME?.trim() || DEFAULT_SESSION_NAME,
				clientConfig: endpoint ? { region, endpoint } : { region },
			}),
	},
	{
		name: 'EKS Pod Identity',
		variables: ['AWS_CONTAINER_CREDENTIALS_FULL_URI'],
		applies: (env) => present(env, 'AWS_CONTAINER_CREDENTIALS_FULL_URI'),
		// Reads AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE) on each fetch; accepts https, the EKS and ECS
		// link-local hosts and loopback only.
		provider: (sdk) => sdk.fromHttp(LOCAL_ENDPOINT_OPTIONS),
	},
	{
		name: 'ECS task role',
		variables: ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'],
		applies: (env) => present(env, 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'),
		provider: (sdk) => sdk.fromContainerMetadata(LOCAL_ENDPOINT_OPTIONS),
	},
	{
		name: 'EC2 instance profile (IMDSv2)',
		variables: [],
		applies: () => true,
		provider: (sdk) => sdk.fromInstanceMetadata(LOCAL_ENDPOINT_OPTIONS),
	},
];

export function hostSourceFor(env: Environment): HostSource {
	return HOST_SOURCES.find((source) => source.applies(env)) ?? HOST_SOURCES[HOST_SOURCES.length - 1];
}

/** The host's credentials could not be read; says which source was tried and why. */
export class HostCredentialsError extends Error {
	constructor(source: HostSource, cause: unknown) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		const selectedBy = source.variables.length
			? `selected by ${source.variables.join(' and ')}`
			: 'no AWS_* credential variable is set on the n8n host';
		super(`The n8n host's credentials could not be read from its ${source.name} (${selectedBy}): ${reason}`);
		this.name = 'HostCredentialsUnavailable';
	}
}

/** The SDK's provider module, loaded on first use only. */
export const loadCredentialProviders = async () => await import('@aws-sdk/credential-providers');

/**
 * Memoizes a provider: the same credentials until they are about to expire, then one new fetch
 * (concurrent callers share it). Credentials without an expiration are kept.
 */
export function refreshing(fetch: CredentialProvider, now: () => number = Date.now): CredentialProvider {
	let current: AwsCredentialIdentity | undefined;
	let pending: Promise<AwsCredentialIdentity> | undefined;
	const usable = (credentials: AwsCredentialIdentity) =>
		!credentials.expiration || credentials.expiration.getTime() - now() > REFRESH_BEFORE_EXPIRY_MS;
	return async () => {
		if (current && usable(current)) return current;
		pending ??= fetch()
			.then((credentials) => (current = credentials))
			.finally(() => (pending = undefined));
		return await pending;
	};
}

/**
 * The host's credentials as a refreshing provider. The source is chosen when credentials are
 * fetched, from the environment as it is then.
 */
export function hostCredentialProvider(context: HostContext, env: () => Environment = hostEnvironment): CredentialProvider {
	return refreshing(async () => {
		const variables = env();
		const source = hostSourceFor(variables);
		const sdk = await loadCredentialProviders();
		// The router turns this into the node's error; here it only gains the source's name.
		return await source
			.provider(sdk, context, variables)()
			.catch((error: unknown) => Promise.reject(new HostCredentialsError(source, error)));
	});
}
