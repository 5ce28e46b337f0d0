const { toAwsSettings, clientConfig, createAwsClient, awsAccess, endpointFor } = require('../../../nodes/shared/transport/awsClient');

const base = { region: 'eu-west-1', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'very-secret-key' };

describe('toAwsSettings', () => {
	test('maps keys, trims, and keeps an optional session token', () => {
		const settings = toAwsSettings({ ...base, region: ' eu-west-1 ', sessionToken: 'tok123' });
		expect(settings).toEqual({
			region: 'eu-west-1',
			credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'very-secret-key', sessionToken: 'tok123' },
		});
	});

	test.each(['', 'Europe', 'eu_west_1', 'us-east'])('refuses region %p', (region) => {
		expect(() => toAwsSettings({ ...base, region })).toThrow(/Region/);
	});

	test('needs both keys, and never echoes the secret', () => {
		expect(() => toAwsSettings({ ...base, accessKeyId: '' })).toThrow(/Access Key ID and a Secret Access Key/);
		try {
			toAwsSettings({ ...base, accessKeyId: '' });
		} catch (error) {
			expect(error.message).not.toContain('very-secret-key');
		}
	});

	test('accepts an http(s) custom endpoint without a trailing slash, refuses other schemes', () => {
		expect(toAwsSettings({ ...base, endpoint: 'http://127.0.0.1:5000/' }).endpoint).toBe('http://127.0.0.1:5000');
		expect(() => toAwsSettings({ ...base, endpoint: 'ftp://host' })).toThrow(/http or https/);
		expect(() => toAwsSettings({ ...base, endpoint: 'not a url' })).toThrow(/not a valid URL/);
	});

	test('per-service endpoints count only while their switch is on, and each falls back to the Custom Endpoint', () => {
		const data = {
			...base,
			endpoint: 'http://127.0.0.1:5000/',
			glueEndpoint: 'https://glue.example.internal/',
			stsEndpoint: 'http://127.0.0.1:6000',
			secretsManagerEndpoint: '',
		};
		const off = toAwsSettings(data);
		expect(['glue', 'eventbridge', 'sts', 'secretsmanager'].map((service) => endpointFor(off, service))).toEqual(Array(4).fill('http://127.0.0.1:5000'));
		const on = toAwsSettings({ ...data, serviceEndpoints: true });
		expect(['glue', 'eventbridge', 'sts', 'secretsmanager'].map((service) => endpointFor(on, service))).toEqual([
			'https://glue.example.internal',
			'http://127.0.0.1:5000',
			'http://127.0.0.1:6000',
			'http://127.0.0.1:5000',
		]);
		// Without a Custom Endpoint, a service without its own goes to AWS.
		const alone = toAwsSettings({ ...base, serviceEndpoints: true, eventBridgeEndpoint: 'http://127.0.0.1:7000' });
		expect([endpointFor(alone, 'eventbridge'), endpointFor(alone, 'glue')]).toEqual(['http://127.0.0.1:7000', undefined]);
	});

	test('a per-service endpoint that is not an http(s) URL is refused, naming its field', () => {
		expect(() => toAwsSettings({ ...base, serviceEndpoints: true, stsEndpoint: 'sts.local' })).toThrow(/STS Endpoint "sts.local" is not a valid URL/);
		expect(() => toAwsSettings({ ...base, serviceEndpoints: true, secretsManagerEndpoint: 'file:///etc' })).toThrow(/Secrets Manager Endpoint must use http or https/);
	});

	test('reads assume-role settings only when enabled, with a default session name', () => {
		const roleArn = 'arn:aws:iam::123456789012:role/provisioner';
		expect(toAwsSettings({ ...base, roleArn }).assumeRole).toBeUndefined();
		expect(toAwsSettings({ ...base, assumeRole: true, roleArn, externalId: 'ext' }).assumeRole).toEqual({
			roleArn,
			externalId: 'ext',
			sessionName: 'n8n-aws-connections',
		});
		expect(() => toAwsSettings({ ...base, assumeRole: true, roleArn: 'arn:aws:s3:::bucket' })).toThrow(/Role ARN/);
	});
});

describe('clients', () => {
	test('clientConfig sets region, endpoint, adaptive retries (20 attempts) and 20 s per attempt unless told otherwise', () => {
		const settings = toAwsSettings({ ...base, endpoint: 'http://127.0.0.1:1234' });
		expect(clientConfig(settings, 'glue', settings.credentials)).toEqual({
			region: 'eu-west-1',
			endpoint: 'http://127.0.0.1:1234',
			credentials: settings.credentials,
			maxAttempts: 20,
			retryMode: 'adaptive',
			// Without throwOnRequestTimeout the SDK only logs a warning when the time is up.
			requestHandler: { connectionTimeout: 20000, requestTimeout: 20000, throwOnRequestTimeout: true },
		});
		const told = clientConfig(settings, 'glue', settings.credentials, { maxAttempts: 4, requestTimeoutMs: 3000 });
		expect(told.maxAttempts).toBe(4);
		expect(told.requestHandler).toEqual({ connectionTimeout: 3000, requestTimeout: 3000, throwOnRequestTimeout: true });
	});

	test('createAwsClient gives every service client our adaptive strategy, the attempts and the attempt timeout asked for', async () => {
		const { GlueClient } = require('@aws-sdk/client-glue');
		const { SecretsManagerClient } = require('@aws-sdk/client-secrets-manager');
		const { STSClient } = require('@aws-sdk/client-sts');
		for (const [service, Client] of [['glue', GlueClient], ['secretsmanager', SecretsManagerClient], ['sts', STSClient]]) {
			const client = await createAwsClient(awsAccess(base), service, Client, { maxAttempts: 7, maxRetryTimeMs: 60000, requestTimeoutMs: 4000 });
			expect(await client.config.maxAttempts()).toBe(7);
			expect((await client.config.retryStrategy()).mode).toBe('adaptive');
			// The SDK's own HTTP handler, built from our settings.
			expect(await client.config.requestHandler.configProvider).toMatchObject({ connectionTimeout: 4000, requestTimeout: 4000, throwOnRequestTimeout: true });
			client.destroy();
		}
	});

	test('createAwsClient builds the given client class with that configuration', async () => {
		const { GlueClient } = require('@aws-sdk/client-glue');
		const client = await createAwsClient(awsAccess({ ...base, endpoint: 'http://127.0.0.1:1234' }), 'glue', GlueClient);
		expect(client).toBeInstanceOf(GlueClient);
		expect(await client.config.region()).toBe('eu-west-1');
		const endpoint = await client.config.endpoint();
		expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe('http://127.0.0.1:1234');
		expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'AKIAEXAMPLE' });
		client.destroy();
	});

	test('each client gets its own service\'s endpoint', async () => {
		const { SecretsManagerClient } = require('@aws-sdk/client-secrets-manager');
		const { STSClient } = require('@aws-sdk/client-sts');
		const access = awsAccess({ ...base, endpoint: 'http://127.0.0.1:1234', serviceEndpoints: true, secretsManagerEndpoint: 'http://127.0.0.1:2345' });
		const endpointOf = async (client) => {
			const { hostname, port } = await client.config.endpoint();
			client.destroy();
			return `${hostname}:${port}`;
		};
		expect(await endpointOf(await createAwsClient(access, 'secretsmanager', SecretsManagerClient))).toBe('127.0.0.1:2345');
		expect(await endpointOf(await createAwsClient(access, 'sts', STSClient))).toBe('127.0.0.1:1234');
	});
});
