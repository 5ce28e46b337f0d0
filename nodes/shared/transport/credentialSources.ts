/**
 * Where the AWS keys come from when the credential says "Credentials of the n8n Host", and the
 * providers the SDK clients get instead of fixed keys, so temporary credentials are renewed before
 * they expire (a long wait for a connection's state must not fail on an expired session).
 *
 * As n8n's own AWS credentials: the host's sources are tried in n8n's order, each read by its own
 * provider from `@aws-sdk/credential-providers` or, where N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES
 * leaves it out, by one direct request. The host's keys only ever call STS AssumeRole (awsClient.ts).
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

/** What a host source needs: the credential's region and the endpoint its STS calls go to. */
export interface HostContext {
	region: string;
	stsEndpoint?: string;
}

type Providers = typeof import('@aws-sdk/credential-providers');

/**
 * The variable with which n8n's administrator picks the sources its AWS credentials resolve
 * through the AWS SDK's providers; every other source is read by a direct request, as n8n's
 * earlier resolver did. It narrows how a source is read, never whether it is used.
 */
export const SDK_SOURCES_VARIABLE = 'N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES';

/** n8n's names of the host's sources, in the order n8n tries them. */
export const HOST_SOURCE_IDS = ['environment', 'roleForServiceAccount', 'podIdentity', 'containerMetadata', 'instanceMetadata'] as const;
export type HostSourceId = (typeof HOST_SOURCE_IDS)[number];

const isSourceId = (name: string): name is HostSourceId => (HOST_SOURCE_IDS as readonly string[]).includes(name);

/**
 * The sources read through the SDK, parsed as n8n parses the variable: `all` or empty for every
 * source, `none` for none, else a comma list (blanks and surrounding spaces ignored). n8n's own
 * configuration refuses a list with an unknown name and keeps its default, `all` (with a warning
 * at start-up); so does this.
 */
export function sdkSources(env: Environment): ReadonlySet<HostSourceId> {
	const raw = (env[SDK_SOURCES_VARIABLE] ?? '').trim();
	if (raw === '' || raw === 'all') return new Set(HOST_SOURCE_IDS);
	if (raw === 'none') return new Set();
	const listed = raw
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	return new Set(listed.every(isSourceId) ? listed : HOST_SOURCE_IDS);
}

/** One source of the host's credentials: how it is recognised and the two ways to read it. */
export interface HostSource {
	id: HostSourceId;
	name: string;
	/** The variables that select it, named in error messages. */
	variables: string[];
	applies(env: Environment): boolean;
	viaSdk(sdk: Providers, context: HostContext, env: Environment): CredentialProvider;
	/** One plain request, no retry (n8n's direct resolver). */
	direct(context: HostContext, env: Environment): Promise<AwsCredentialIdentity>;
}

const LOCAL_ENDPOINT_OPTIONS = { timeout: 1000, maxRetries: 3 };
const DIRECT_TIMEOUT_MS = 2000;
const ECS_CREDENTIALS_HOST = 'http://169.254.170.2';
const EC2_METADATA_HOST = 'http://169.254.169.254';
const present = (env: Environment, ...names: string[]) => names.every((name) => Boolean(env[name]?.trim()));
const trimmed = (value: string | undefined) => value?.trim() || undefined;

/** Node's file reader, loaded only when a token file is read. */
async function readText(file: string): Promise<string> {
	// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- token files exist only on the host (self-hosted n8n)
	const { readFile } = await import('node:fs/promises');
	return (await readFile(file, 'utf8')).trim();
}

async function request(url: string, init: RequestInit = {}): Promise<Response> {
	const answer = await fetch(url, { ...init, signal: AbortSignal.timeout(DIRECT_TIMEOUT_MS) });
	if (!answer.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered HTTP ${answer.status}`);
	return answer;
}

/** The JSON the container endpoints and EC2's metadata service answer with. */
async function keysFromJson(answer: Response): Promise<AwsCredentialIdentity> {
	const body = (await answer.json()) as { AccessKeyId?: string; SecretAccessKey?: string; Token?: string; Expiration?: string };
	return {
		accessKeyId: body.AccessKeyId ?? '',
		secretAccessKey: body.SecretAccessKey ?? '',
		sessionToken: body.Token,
		expiration: body.Expiration ? new Date(body.Expiration) : undefined,
	};
}

/** The regional STS endpoint, or the credential's own. */
const stsUrl = ({ region, stsEndpoint }: HostContext) =>
	stsEndpoint ?? `https://sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;

const webIdentitySessionName = (env: Environment) => trimmed(env.AWS_ROLE_SESSION_NAME) ?? DEFAULT_SESSION_NAME;

/** AssumeRoleWithWebIdentity needs no signature: the token is the proof. Its answer is XML. */
async function directWebIdentity(context: HostContext, env: Environment): Promise<AwsCredentialIdentity> {
	const body = new URLSearchParams({
		Action: 'AssumeRoleWithWebIdentity',
		Version: '2011-06-15',
		RoleArn: env.AWS_ROLE_ARN?.trim() ?? '',
		RoleSessionName: webIdentitySessionName(env),
		WebIdentityToken: await readText(env.AWS_WEB_IDENTITY_TOKEN_FILE?.trim() ?? ''),
	});
	const answer = await request(stsUrl(context), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: body.toString(),
	});
	const xml = await answer.text();
	const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
	const expiration = field('Expiration');
	return {
		accessKeyId: field('AccessKeyId') ?? '',
		secretAccessKey: field('SecretAccessKey') ?? '',
		sessionToken: field('SessionToken'),
		expiration: expiration ? new Date(expiration) : undefined,
	};
}

/** EKS Pod Identity's token: from its file first (Kubernetes rotates it), else the variable. */
async function podIdentityToken(env: Environment): Promise<string | undefined> {
	const file = trimmed(env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE);
	const fromFile = file ? await readText(file).catch(() => '') : '';
	return fromFile || trimmed(env.AWS_CONTAINER_AUTHORIZATION_TOKEN);
}

/** IMDSv2: a session token first; without one (IMDSv1 only), the same requests without it. */
async function directInstanceMetadata(env: Environment): Promise<AwsCredentialIdentity> {
	if (env.AWS_EC2_METADATA_DISABLED?.trim().toLowerCase() === 'true') throw new Error('AWS_EC2_METADATA_DISABLED is true');
	const base = `${(trimmed(env.AWS_EC2_METADATA_SERVICE_ENDPOINT) ?? EC2_METADATA_HOST).replace(/\/+$/, '')}/latest`;
	const headers: Record<string, string> = {};
	const token = await request(`${base}/api/token`, { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' } })
		.then(async (answer) => await answer.text())
		.catch(() => '');
	if (token) headers['x-aws-ec2-metadata-token'] = token;
	const roleName = (await (await request(`${base}/meta-data/iam/security-credentials/`, { headers })).text()).trim().split('\n')[0];
	if (!roleName) throw new Error('the instance has no IAM role');
	return await keysFromJson(await request(`${base}/meta-data/iam/security-credentials/${roleName}`, { headers }));
}

async function environmentKeys(env: Environment): Promise<AwsCredentialIdentity> {
	return {
		accessKeyId: env.AWS_ACCESS_KEY_ID?.trim() ?? '',
		secretAccessKey: env.AWS_SECRET_ACCESS_KEY?.trim() ?? '',
		sessionToken: trimmed(env.AWS_SESSION_TOKEN),
	};
}

/**
 * n8n's order: keys in the environment win over everything (a stray AWS_ACCESS_KEY_ID in a
 * container is the usual cause of "the wrong identity"), then the sources EKS and ECS inject, then
 * EC2's instance metadata, which needs no variable and is therefore last.
 */
export const HOST_SOURCES: readonly HostSource[] = [
	{
		id: 'environment',
		name: 'environment keys',
		variables: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
		applies: (env) => present(env, 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'),
		// Read and trimmed here either way, as n8n does: the SDK's fromEnv keeps a trailing newline
		// (common in injected secrets), and SigV4 signatures then fail.
		viaSdk: (_sdk, _context, env) => async () => await environmentKeys(env),
		direct: async (_context, env) => await environmentKeys(env),
	},
	{
		id: 'roleForServiceAccount',
		name: 'web identity token (EKS IRSA)',
		variables: ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'],
		applies: (env) => present(env, 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'),
		// The token file is read again on every refresh: Kubernetes rotates it.
		viaSdk: (sdk, context, env) =>
			sdk.fromTokenFile({
				roleSessionName: webIdentitySessionName(env),
				clientConfig: context.stsEndpoint ? { region: context.region, endpoint: context.stsEndpoint } : { region: context.region },
			}),
		direct: directWebIdentity,
	},
	{
		id: 'podIdentity',
		name: 'EKS Pod Identity',
		variables: ['AWS_CONTAINER_CREDENTIALS_FULL_URI'],
		applies: (env) => present(env, 'AWS_CONTAINER_CREDENTIALS_FULL_URI'),
		// Reads AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE) on each fetch; accepts https, the EKS and ECS
		// link-local hosts and loopback only.
		viaSdk: (sdk) => sdk.fromHttp(LOCAL_ENDPOINT_OPTIONS),
		direct: async (_context, env) => {
			const token = await podIdentityToken(env);
			const url = env.AWS_CONTAINER_CREDENTIALS_FULL_URI?.trim() ?? '';
			return await keysFromJson(await request(url, { headers: token ? { authorization: token } : {} }));
		},
	},
	{
		id: 'containerMetadata',
		name: 'ECS task role',
		variables: ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'],
		applies: (env) => present(env, 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'),
		viaSdk: (sdk) => sdk.fromContainerMetadata(LOCAL_ENDPOINT_OPTIONS),
		direct: async (_context, env) => {
			const token = trimmed(env.AWS_CONTAINER_AUTHORIZATION_TOKEN);
			const url = `${ECS_CREDENTIALS_HOST}${env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI?.trim() ?? ''}`;
			return await keysFromJson(await request(url, { headers: token ? { authorization: token } : {} }));
		},
	},
	{
		id: 'instanceMetadata',
		name: 'EC2 instance profile (IMDSv2)',
		variables: [],
		applies: () => true,
		viaSdk: (sdk) => sdk.fromInstanceMetadata(LOCAL_ENDPOINT_OPTIONS),
		direct: async (_context, env) => await directInstanceMetadata(env),
	},
];

/** The sources n8n would try on this host, in its order. */
export const applicableSources = (env: Environment) => HOST_SOURCES.filter((source) => source.applies(env));

const describeSource = (source: HostSource, sdk: ReadonlySet<HostSourceId>) => {
	const selectedBy = source.variables.length ? `selected by ${source.variables.join(' and ')}` : 'no variable needed';
	return `${source.name} (${selectedBy}; read ${sdk.has(source.id) ? 'by the AWS SDK' : `directly, per ${SDK_SOURCES_VARIABLE}`})`;
};

/** No source gave the host's credentials; says which were tried, how, and why each failed. */
export class HostCredentialsError extends Error {
	constructor(failures: string[]) {
		super(`The n8n host's credentials could not be read. Tried in n8n's order: ${failures.join('; ')}`);
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
 * The host's credentials as a refreshing provider, as n8n resolves its own: each source that
 * applies, in n8n's order, until one gives keys (a source that fails is passed over, as n8n does).
 * Sources and the SDK_SOURCES choice are read when credentials are fetched, from the environment
 * as it is then.
 */
export function hostCredentialProvider(context: HostContext, env: () => Environment = hostEnvironment): CredentialProvider {
	return refreshing(async () => {
		const variables = env();
		const sdk = sdkSources(variables);
		const failures: string[] = [];
		for (const source of applicableSources(variables)) {
			try {
				const credentials = sdk.has(source.id)
					? await source.viaSdk(await loadCredentialProviders(), context, variables)()
					: await source.direct(context, variables);
				if (credentials.accessKeyId && credentials.secretAccessKey) return credentials;
				failures.push(`${describeSource(source, sdk)}: its answer held no keys`);
			} catch (error) {
				failures.push(`${describeSource(source, sdk)}: ${error instanceof Error ? error.message : String(error)}`);
			}
		}
		// The router turns this into the node's error.
		throw new HostCredentialsError(failures);
	});
}
