// "Credentials of the n8n Host" in a real n8n: the workflow's credential holds no keys, only a Role
// ARN; the n8n process gets the host's keys only through its environment (as on EC2, ECS or EKS),
// only when the administrator's variable allows it, and uses them only to assume that role. moto
// keeps one account per access key, so a connection that shows up in the role's account (and not in
// the host's nor the default one) was created as the role, with keys the host's identity obtained.
const assert = require('node:assert/strict');
const { GlueClient, GetConnectionCommand } = require('@aws-sdk/client-glue');
const { HOST_VARIABLES, roleKeys, startContainerEndpoint } = require('../../support/credentialEndpoints');

const WORKFLOW = 'e2eHostCreds0001';
const HOST_ACCOUNT = '210987654321';
// The Role ARN of the host credential scripts/test-e2e.sh imports.
const ROLE_ACCOUNT = '333344445555';
const ROLE_ARN = `arn:aws:iam::${ROLE_ACCOUNT}:role/n8n-provisioner`;
const GATE = 'N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED';
const CONNECTION = 'e2e-host-network';
const POD_TOKEN = 'e2e-pod-identity-token';
// Whatever the machine running the tests has set must not reach n8n: each case sets all of them.
const hostEnv = (vars) => ({ ...Object.fromEntries(HOST_VARIABLES.map((name) => [name, undefined])), ...vars });

const hostKeys = async (aws) => await roleKeys(aws.endpoint, `arn:aws:iam::${HOST_ACCOUNT}:role/n8n-host`);

/** The connection as the given keys' account sees it, or undefined. */
async function connectionSeenBy(aws, credentials) {
	const glue = new GlueClient({ region: 'us-east-1', endpoint: aws.endpoint, credentials });
	try {
		return (await glue.send(new GetConnectionCommand({ Name: CONNECTION }))).Connection;
	} catch (error) {
		if (error.name === 'EntityNotFoundException') return undefined;
		throw error;
	} finally {
		glue.destroy();
	}
}

const createdAsTheHost = [
	[
		'Create reports the connection and Get Many lists it',
		({ items }) => {
			assert.equal(items('Create')[0].action, 'created');
			assert.deepEqual(items('Get Many').map((connection) => connection.Name), [CONNECTION]);
		},
	],
	[
		"the connection is in the role's account, neither in the host's nor in the default one (read with the plain SDK)",
		async ({ aws, shared }) => {
			assert.ok(await connectionSeenBy(aws, await roleKeys(aws.endpoint, ROLE_ARN)), "missing in the role's account");
			assert.equal(await connectionSeenBy(aws, shared.keys), undefined);
			assert.equal(await connectionSeenBy(aws, { accessKeyId: 'testing', secretAccessKey: 'testing' }), undefined);
		},
	],
	[
		"the host's secret key appears nowhere in what n8n printed",
		({ run, shared }) => assert.ok(!`${run.stdout}${run.stderr}`.includes(shared.keys.secretAccessKey)),
	],
];

/** The host's keys from a Pod Identity endpoint on loopback (extra variables on top), one fetch per node. */
const podIdentityCase = (title, extraEnv, requestsCheck) => ({
	title,
	workflowId: WORKFLOW,
	async setup({ aws, shared }) {
		shared.keys = await hostKeys(aws);
		shared.endpoint = await startContainerEndpoint({ keys: shared.keys, token: POD_TOKEN, expiration: () => new Date(Date.now() + 3600_000) });
	},
	env: ({ shared }) =>
		hostEnv({ [GATE]: 'true', ...extraEnv, AWS_CONTAINER_CREDENTIALS_FULL_URI: shared.endpoint.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN: POD_TOKEN }),
	teardown: async ({ shared }) => await shared.endpoint?.stop(),
	checks: [
		...createdAsTheHost,
		[
			requestsCheck,
			({ shared }) => {
				assert.equal(shared.endpoint.requests.length, 2);
				for (const request of shared.endpoint.requests) assert.equal(request.headers.authorization, POD_TOKEN);
			},
		],
	],
});

module.exports = [
	{
		title: "host credentials: environment keys of the n8n process, allowed by the administrator, assume the role",
		workflowId: WORKFLOW,
		async setup({ aws, shared }) {
			shared.keys = await hostKeys(aws);
		},
		env: ({ shared }) =>
			hostEnv({
				[GATE]: 'true',
				AWS_ACCESS_KEY_ID: shared.keys.accessKeyId,
				AWS_SECRET_ACCESS_KEY: shared.keys.secretAccessKey,
				AWS_SESSION_TOKEN: shared.keys.sessionToken,
			}),
		checks: createdAsTheHost,
	},
	podIdentityCase(
		'host credentials: an EKS Pod Identity endpoint on loopback, with its authorization token, assumes the role',
		{},
		'n8n fetched the keys from the endpoint with the token, once per node (each is one execution with one provider)',
	),
	podIdentityCase(
		'host credentials: with N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES=none, the Pod Identity endpoint is read directly (as n8n does) and the role assumed',
		{ N8N_AWS_SYSTEM_CREDENTIALS_SDK_SOURCES: 'none' },
		'one direct request per node, with the token',
	),
	{
		title: "host credentials: refused without the administrator's variable, before any request",
		workflowId: WORKFLOW,
		expectStatus: 'error',
		async setup({ aws, shared }) {
			shared.keys = await hostKeys(aws);
			shared.endpoint = await startContainerEndpoint({ keys: shared.keys, token: POD_TOKEN, expiration: () => new Date(Date.now() + 3600_000) });
		},
		// The keys and the endpoint are there; only the permission is missing.
		env: ({ shared }) =>
			hostEnv({
				AWS_ACCESS_KEY_ID: shared.keys.accessKeyId,
				AWS_SECRET_ACCESS_KEY: shared.keys.secretAccessKey,
				AWS_SESSION_TOKEN: shared.keys.sessionToken,
				AWS_CONTAINER_CREDENTIALS_FULL_URI: shared.endpoint.fullUri,
				AWS_CONTAINER_AUTHORIZATION_TOKEN: POD_TOKEN,
			}),
		teardown: async ({ shared }) => await shared.endpoint?.stop(),
		checks: [
			[
				'Create stops with an error that names the variable',
				({ execution }) => {
					const error = execution.data.resultData.error;
					assert.equal(error?.node?.name ?? execution.data.resultData.lastNodeExecuted, 'Create');
					assert.match(error.message, /^AWS Credential: .*N8N_AWS_SYSTEM_CREDENTIALS_ACCESS_ENABLED=true.*\(item 0\)$/);
				},
			],
			[
				'nothing was created in any account, and the credentials endpoint was never asked',
				async ({ aws, shared }) => {
					assert.equal(await connectionSeenBy(aws, shared.keys), undefined);
					assert.deepEqual(await aws.glueConnections(), []);
					assert.equal(shared.endpoint.requests.length, 0);
				},
			],
		],
	},
];
