const { mockClient } = require('aws-sdk-client-mock');
const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');
const {
	HOST_SOURCES,
	applicableSources,
	hostCredentialProvider,
	isHostAccessAllowed,
	refreshing,
	sdkSources,
	REFRESH_BEFORE_EXPIRY_MS,
} = require('../../../nodes/shared/transport/credentialSources');
const { toAwsSettings, resolveCredentials } = require('../../../nodes/shared/transport/awsClient');

const GATE = 'N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED';
const SDK_SOURCES = 'N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES';
const ALL = ['environment', 'roleForServiceAccount', 'podIdentity', 'containerMetadata', 'instanceMetadata'];
const keys = { AWS_ACCESS_KEY_ID: 'AKIAHOST', AWS_SECRET_ACCESS_KEY: 'host-secret' };
const irsa = { AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/irsa', AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/token' };
const podIdentity = { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' };
const ecs = { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/abc' };
const ROLE_ARN = 'arn:aws:iam::123456789012:role/provisioner';

describe('which of the host\'s sources are tried (n8n\'s order)', () => {
	test('n8n\'s names, in n8n\'s order', () => {
		expect(HOST_SOURCES.map((source) => source.id)).toEqual(ALL);
	});

	test.each([
		['everything set: all, keys first', { ...keys, ...irsa, ...podIdentity, ...ecs }, ALL],
		['IRSA before the container endpoints', { ...irsa, ...podIdentity, ...ecs }, ALL.slice(1)],
		['Pod Identity before ECS', { ...podIdentity, ...ecs }, ALL.slice(2)],
		['nothing set: the EC2 instance profile only', {}, ['instanceMetadata']],
		['half a pair does not count', { AWS_ACCESS_KEY_ID: 'AKIAHOST', AWS_ROLE_ARN: irsa.AWS_ROLE_ARN, ...ecs }, ['containerMetadata', 'instanceMetadata']],
		['blank values do not count', { AWS_ACCESS_KEY_ID: ' ', AWS_SECRET_ACCESS_KEY: ' ' }, ['instanceMetadata']],
	])('%s', (_title, env, expected) => {
		expect(applicableSources(env).map((source) => source.id)).toEqual(expected);
	});

	test('every source but the last is selected by variables it names', () => {
		for (const source of HOST_SOURCES.slice(0, -1)) expect(source.variables.length).toBeGreaterThan(0);
	});
});

describe('N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES, parsed as n8n parses it', () => {
	test.each([
		[undefined, ALL],
		['', ALL],
		['all', ALL],
		['  all ', ALL],
		['none', []],
		['environment', ['environment']],
		['environment,instanceMetadata', ['environment', 'instanceMetadata']],
		[' environment , podIdentity ', ['environment', 'podIdentity']],
		['environment,', ['environment']],
		// An unknown name makes n8n's configuration keep its default, `all`.
		['enviroment', ALL],
		['environment,imds', ALL],
		['ALL', ALL],
		['None', ALL],
	])('%p reads through the SDK: %p', (value, expected) => {
		expect([...sdkSources({ [SDK_SOURCES]: value })].sort()).toEqual([...expected].sort());
	});
});

describe('resolving the host\'s credentials (no network: environment keys, a missing token file, IMDS disabled)', () => {
	const resolve = (env) => hostCredentialProvider({ region: 'eu-west-1' }, () => env)();

	test.each(['all', 'none', 'environment', 'instanceMetadata'])('with %p, environment keys are used, trimmed (n8n reads them itself either way)', async (value) => {
		const env = { AWS_ACCESS_KEY_ID: ' AKIAHOST\n', AWS_SECRET_ACCESS_KEY: 'host-secret\n', AWS_SESSION_TOKEN: 'tok\n', AWS_EC2_METADATA_DISABLED: 'true' };
		expect(await resolve({ ...env, [SDK_SOURCES]: value })).toEqual({ accessKeyId: 'AKIAHOST', secretAccessKey: 'host-secret', sessionToken: 'tok' });
	});

	test.each([
		['all', 'by the AWS SDK', 'by the AWS SDK'],
		['none', `directly, per ${SDK_SOURCES}`, `directly, per ${SDK_SOURCES}`],
		['instanceMetadata', `directly, per ${SDK_SOURCES}`, 'by the AWS SDK'],
	])('with %p, a failing source is passed over; when none gives keys, the error names each, how it was read and why', async (value, irsaHow, imdsHow) => {
		const env = { ...irsa, AWS_WEB_IDENTITY_TOKEN_FILE: '/nonexistent/irsa-token', AWS_EC2_METADATA_DISABLED: 'true', [SDK_SOURCES]: value };
		const error = await resolve(env).catch((caught) => caught);
		expect(error.name).toBe('HostCredentialsUnavailable');
		expect(error.message).toContain(`web identity token (EKS IRSA) (selected by AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE; read ${irsaHow}): `);
		expect(error.message).toContain(`EC2 instance profile (IMDSv2) (no variable needed; read ${imdsHow}): `);
		expect(error.message.indexOf('EKS IRSA')).toBeLessThan(error.message.indexOf('EC2 instance profile'));
	});
});

describe('the administrator\'s variable', () => {
	test.each([['true', true], ['TRUE', true], [' true ', true], ['false', false], ['1', false], ['', false], [undefined, false]])(
		'%p allows host credentials: %p',
		(value, allowed) => {
			expect(isHostAccessAllowed({ [GATE]: value })).toBe(allowed);
		},
	);

	test('host credentials without it are a problem of the credential that names the variable', () => {
		expect(() => toAwsSettings({ region: 'eu-west-1', authentication: 'host', roleArn: ROLE_ARN }, {})).toThrow(
			/^AWS Credential: .*N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true/,
		);
		expect(toAwsSettings({ region: 'eu-west-1', authentication: 'host', roleArn: ROLE_ARN }, { [GATE]: 'true' })).toEqual({
			region: 'eu-west-1',
			hostCredentials: true,
			assumeRole: { roleArn: ROLE_ARN, sessionName: 'n8n-aws-connections' },
		});
	});

	test('access keys need no permission, and a credential saved before the choice existed means access keys', () => {
		const settings = toAwsSettings({ region: 'eu-west-1', accessKeyId: 'AKIA1', secretAccessKey: 's' }, {});
		expect(settings).toEqual({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIA1', secretAccessKey: 's' } });
	});

	test('the host\'s credentials ignore access keys left in the credential from before the switch', () => {
		const settings = toAwsSettings({ region: 'eu-west-1', authentication: 'host', accessKeyId: 'AKIA1', secretAccessKey: 's', roleArn: ROLE_ARN }, { [GATE]: 'true' });
		expect(settings.credentials).toBeUndefined();
	});
});

describe('the host\'s credentials only assume a role (as n8n\'s own)', () => {
	const allowed = { [GATE]: 'true' };

	test.each([
		['no Role ARN', {}],
		['a blank Role ARN', { roleArn: '  ' }],
		['Assume Role off, as saved before this version', { assumeRole: false }],
	])('%s: refused as a problem of the credential, naming the field', (_title, extra) => {
		expect(() => toAwsSettings({ region: 'eu-west-1', authentication: 'host', ...extra }, allowed)).toThrow(
			/^AWS Credential: "Credentials of the n8n Host" need a Role ARN/,
		);
	});

	test('the Role ARN counts whatever the (hidden) Assume Role switch says; one that is not an ARN is refused', () => {
		for (const assumeRole of [true, false, undefined]) {
			expect(toAwsSettings({ region: 'eu-west-1', authentication: 'host', assumeRole, roleArn: ROLE_ARN, externalId: 'x' }, allowed).assumeRole).toEqual({
				roleArn: ROLE_ARN,
				externalId: 'x',
				sessionName: 'n8n-aws-connections',
			});
		}
		expect(() => toAwsSettings({ region: 'eu-west-1', authentication: 'host', roleArn: 'provisioner' }, allowed)).toThrow(/Role ARN "provisioner" is not an IAM role ARN/);
	});

	test('the gate is checked first: without it, a missing Role ARN is not what the message is about', () => {
		expect(() => toAwsSettings({ region: 'eu-west-1', authentication: 'host' }, {})).toThrow(/N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true/);
	});
});

describe('refreshing', () => {
	const fetcher = (expiresInMs) => {
		const fetch = jest.fn(async () => ({
			accessKeyId: `AKIA${fetch.mock.calls.length}`,
			secretAccessKey: 's',
			expiration: expiresInMs === undefined ? undefined : new Date(Date.now() + expiresInMs),
		}));
		return fetch;
	};

	test('keeps credentials without an expiration', async () => {
		const fetch = fetcher(undefined);
		const provider = refreshing(fetch);
		await provider();
		await provider();
		await provider();
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	test('keeps credentials while they are far from expiry', async () => {
		const fetch = fetcher(REFRESH_BEFORE_EXPIRY_MS * 10);
		const provider = refreshing(fetch);
		const first = await provider();
		expect(await provider()).toBe(first);
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	test('fetches again when they expire within the refresh window', async () => {
		const fetch = fetcher(REFRESH_BEFORE_EXPIRY_MS / 2);
		const provider = refreshing(fetch);
		const first = await provider();
		const second = await provider();
		expect(fetch).toHaveBeenCalledTimes(2);
		expect(second.accessKeyId).not.toBe(first.accessKeyId);
	});

	test('concurrent callers share one fetch; a failed fetch is retried by the next caller', async () => {
		let fail = true;
		const fetch = jest.fn(async () => {
			if (fail) throw new Error('endpoint down');
			return { accessKeyId: 'AKIA', secretAccessKey: 's' };
		});
		const provider = refreshing(fetch);
		await expect(Promise.all([provider(), provider()])).rejects.toThrow('endpoint down');
		expect(fetch).toHaveBeenCalledTimes(1);
		fail = false;
		await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AKIA' });
		expect(fetch).toHaveBeenCalledTimes(2);
	});
});

describe('an assumed role is a provider that renews its session', () => {
	const role = { region: 'eu-west-1', accessKeyId: 'AKIABASE', secretAccessKey: 'base', assumeRole: true, roleArn: 'arn:aws:iam::123456789012:role/r', externalId: 'ext' };
	let sts;
	beforeEach(() => (sts = mockClient(STSClient)));
	afterEach(() => sts.restore());

	const answerExpiringIn = (ms) =>
		sts.on(AssumeRoleCommand).callsFake(async () => ({
			Credentials: { AccessKeyId: 'ASIAROLE', SecretAccessKey: 'role-secret', SessionToken: 'tok', Expiration: new Date(Date.now() + ms) },
		}));

	test('nothing is called until credentials are needed; then one AssumeRole with the external ID', async () => {
		answerExpiringIn(3600_000);
		const provider = resolveCredentials(toAwsSettings(role, {}));
		expect(sts.calls()).toHaveLength(0);
		expect(await provider()).toMatchObject({ accessKeyId: 'ASIAROLE', sessionToken: 'tok', expiration: expect.any(Date) });
		await provider();
		expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
		expect(sts.commandCalls(AssumeRoleCommand)[0].args[0].input).toMatchObject({ RoleArn: role.roleArn, ExternalId: 'ext' });
	});

	test('a session about to expire is assumed again', async () => {
		answerExpiringIn(60_000);
		const provider = resolveCredentials(toAwsSettings(role, {}));
		await provider();
		await provider();
		await provider();
		expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(3);
	});
});
