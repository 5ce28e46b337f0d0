import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { describeAwsError } from '../errors';
import { clientConfig, loadSts, resolveCredentials, toAwsSettings } from './awsClient';

/** Calls STS GetCallerIdentity with the credential as entered (custom endpoint and role included). */
export async function testAwsCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const settings = toAwsSettings(credential.data ?? {});
		const { STSClient, GetCallerIdentityCommand } = await loadSts();
		const sts = new STSClient(clientConfig(settings, resolveCredentials(settings)));
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
