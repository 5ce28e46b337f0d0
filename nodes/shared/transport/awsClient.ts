import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InputProblem } from '../validation';

/** What both nodes need to talk to AWS, read from our credential type. */
export interface AwsSettings {
	region: string;
	endpoint?: string;
	credentials: AwsStaticCredentials;
	assumeRole?: { roleArn: string; externalId?: string; sessionName: string };
}

export interface AwsStaticCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
}

/** The subset of an SDK v3 client's configuration we set; every service client accepts it. */
export interface AwsClientConfig {
	region: string;
	endpoint?: string;
	credentials: AwsStaticCredentials;
	maxAttempts: number;
	retryMode: 'standard';
}

type ClientClass<Client> = new (config: AwsClientConfig) => Client;

export const CREDENTIAL_TYPE = 'awsConnectionsApi';
const MAX_ATTEMPTS = 3;

/** A credential that can never work; reported as a problem of the credential, before any call. */
export class CredentialProblem extends InputProblem {
	constructor(problem: string) {
		super('AWS Credential', problem);
	}
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Pure: turns the decrypted credential into settings, refusing what AWS could never accept. */
export function toAwsSettings(data: ICredentialDataDecryptedObject): AwsSettings {
	const region = text(data.region);
	if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
		throw new CredentialProblem(`The credential's Region "${region}" is not an AWS region code such as eu-west-1`);
	}
	const accessKeyId = text(data.accessKeyId);
	const secretAccessKey = text(data.secretAccessKey);
	if (!accessKeyId || !secretAccessKey) {
		throw new CredentialProblem("The credential needs both an Access Key ID and a Secret Access Key");
	}
	const settings: AwsSettings = { region, credentials: { accessKeyId, secretAccessKey } };
	const sessionToken = text(data.sessionToken);
	if (sessionToken) settings.credentials.sessionToken = sessionToken;

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

export function clientConfig(settings: AwsSettings, credentials: AwsStaticCredentials): AwsClientConfig {
	const config: AwsClientConfig = {
		region: settings.region,
		credentials,
		maxAttempts: MAX_ATTEMPTS,
		retryMode: 'standard',
	};
	if (settings.endpoint) config.endpoint = settings.endpoint;
	return config;
}

/** The SDK's STS module, loaded on first use only. */
export const loadSts = async () => await import('@aws-sdk/client-sts');

/** Static keys, or the temporary keys of the role to assume. */
export async function resolveCredentials(settings: AwsSettings): Promise<AwsStaticCredentials> {
	if (!settings.assumeRole) return settings.credentials;
	const { STSClient, AssumeRoleCommand } = await loadSts();
	const sts = new STSClient(clientConfig(settings, settings.credentials));
	const { Credentials } = await sts
		.send(
			new AssumeRoleCommand({
				RoleArn: settings.assumeRole.roleArn,
				RoleSessionName: settings.assumeRole.sessionName,
				ExternalId: settings.assumeRole.externalId,
			}),
		)
		.finally(() => sts.destroy());
	if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) {
		throw new CredentialProblem(`STS AssumeRole on ${settings.assumeRole.roleArn} returned no credentials`);
	}
	return {
		accessKeyId: Credentials.AccessKeyId,
		secretAccessKey: Credentials.SecretAccessKey,
		sessionToken: Credentials.SessionToken,
	};
}

/** One client per execution: callers build it once, before their per-item loop. */
export async function createAwsClient<Client>(
	credentialData: ICredentialDataDecryptedObject,
	ClientConstructor: ClientClass<Client>,
): Promise<Client> {
	const settings = toAwsSettings(credentialData);
	return new ClientConstructor(clientConfig(settings, await resolveCredentials(settings)));
}

/** A service's client together with its SDK module (for the command classes). */
export interface AwsService<Client, Sdk> {
	client: Client;
	sdk: Sdk;
}

/** Builds the client of an SDK module the caller has just loaded with a dynamic import. */
export async function awsService<Client, Sdk>(
	ctx: { getCredentials(type: string): Promise<ICredentialDataDecryptedObject> },
	sdk: Sdk,
	ClientConstructor: ClientClass<Client>,
): Promise<AwsService<Client, Sdk>> {
	return { client: await createAwsClient(await ctx.getCredentials(CREDENTIAL_TYPE), ClientConstructor), sdk };
}
