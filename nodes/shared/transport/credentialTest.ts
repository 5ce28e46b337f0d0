import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { describeAwsError } from '../errors';
import { CREDENTIAL_MEMBERS } from '../secretModel';
import { clientConfig, loadSts, newClient, resolveCredentials, retrySettings, toAwsSettings } from './awsClient';
import { EDITOR_ATTEMPTS, EDITOR_REQUEST_TIMEOUT, EDITOR_RETRY_TIME } from './retry';

/**
 * The AWS Connection Secret credential signs in nowhere by itself: its test says which values it
 * holds (never the values), and fails when it holds none.
 */
export async function testConnectionSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const held = Object.entries(CREDENTIAL_MEMBERS)
		.filter(([key]) => typeof credential.data?.[key] === 'string' && credential.data[key] !== '')
		.map(([, label]) => label);
	if (!held.length) return { status: 'Error', message: 'Fill at least one of Password, API Key or Client Secret' };
	return { status: 'OK', message: `Holds: ${held.join(', ')}` };
}

/** Calls STS GetCallerIdentity with the credential as entered (custom endpoint and role included). */
export async function testAwsCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const settings = toAwsSettings(credential.data ?? {});
		const { STSClient, GetCallerIdentityCommand } = await loadSts();
		// The editor's Test button should answer at once: a wrong endpoint is not worth 20 attempts or
		// five minutes, for the role's AssumeRole neither.
		const limits = { maxAttempts: EDITOR_ATTEMPTS, maxRetryTimeMs: EDITOR_RETRY_TIME * 1000, requestTimeoutMs: EDITOR_REQUEST_TIMEOUT * 1000 };
		const sts = newClient(STSClient, clientConfig(settings, 'sts', resolveCredentials(settings, limits), await retrySettings(limits)));
		try {
			const identity = await sts.send(new GetCallerIdentityCommand({}));
			return { status: 'OK', message: `Authenticated as ${identity.Arn ?? 'an unnamed principal'}` };
		} finally {
			sts.destroy();
		}
	} catch (error) {
		return { status: 'Error', message: describeAwsError(error).message };
	}
}

/** The credential tests both nodes name in `testedBy`. */
export const credentialTest = { awsConnectionsApiTest: testAwsCredential, awsConnectionSecretTest: testConnectionSecret };
