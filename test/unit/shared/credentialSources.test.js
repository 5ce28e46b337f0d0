const { mockClient } = require('aws-sdk-client-mock');
const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');
const {
	HOST_SOURCES,
	hostSourceFor,
	isHostAccessAllowed,
	refreshing,
	REFRESH_BEFORE_EXPIRY_MS,
} = require('../../../nodes/shared/transport/credentialSources');
const { toAwsSettings, resolveCredentials } = require('../../../nodes/shared/transport/awsClient');

const GATE = 'N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED';
const keys = { AWS_ACCESS_KEY_ID: 'AKIAHOST', AWS_SECRET_ACCESS_KEY: 'host-secret' };
const irsa = { AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/irsa', AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/token' };
const podIdentity = { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' };
const ecs = { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/abc' };

describe('which of the host\'s sources is used (n8n\'s order)', () => {
	test.each([
		['keys in the environment beat everything', { ...keys, ...irsa, ...podIdentity, ...ecs }, 'environment keys'],
		['IRSA beats the container endpoints', { ...irsa, ...podIdentity, ...ecs }, 'web identity token (EKS IRSA)'],
		['Pod Identity beats ECS', { ...podIdentity, ...ecs }, 'EKS Pod Identity'],
		['ECS', ecs, 'ECS task role'],
		['nothing set: the EC2 instance profile', {}, 'EC2 instance profile (IMDSv2)'],
		['half a pair does not count', { AWS_ACCESS_KEY_ID: 'AKIAHOST', AWS_ROLE_ARN: irsa.AWS_ROLE_ARN, ...ecs }, 'ECS task role'],
		['blank values do not count', { AWS_ACCESS_KEY_ID: ' ', AWS_SECRET_ACCESS_KEY: ' ' }, 'EC2 instance profile (IMDSv2)'],
	])('%s', (_title, env, expected) => {
		expect(hostSourceFor(env).name).toBe(expected);
	});

	test('every source but the last is selected by variables it names', () => {
		for (const source of HOST_SOURCES.slice(0, -1)) expect(source.variables.length).toBeGreaterThan(0);
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
		expect(() => toAwsSettings({ region: 'eu-west-1', authentication: 'host' }, {})).toThrow(
			/^AWS Credential: .*N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true/,
		);
		expect(toAwsSettings({ region: 'eu-west-1', authentication: 'host' }, { [GATE]: 'true' })).toEqual({
			region: 'eu-west-1',
			hostCredentials: true,
		});
	});

	test('access keys need no permission, and a credential saved before the choice existed means access keys', () => {
		const settings = toAwsSettings({ region: 'eu-west-1', accessKeyId: 'AKIA1', secretAccessKey: 's' }, {});
		expect(settings).toEqual({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIA1', secretAccessKey: 's' } });
	});

	test('the host\'s credentials ignore access keys left in the credential from before the switch', () => {
		const settings = toAwsSettings({ region: 'eu-west-1', authentication: 'host', accessKeyId: 'AKIA1', secretAccessKey: 's' }, { [GATE]: 'true' });
		expect(settings.credentials).toBeUndefined();
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
