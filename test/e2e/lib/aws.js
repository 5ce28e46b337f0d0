// Independent read-back of moto's state with the plain AWS SDK (never through our nodes).
const { GlueClient, GetConnectionCommand, GetConnectionsCommand, CreateConnectionCommand } = require('@aws-sdk/client-glue');
const {
	EventBridgeClient,
	DescribeConnectionCommand,
	ListConnectionsCommand,
	CreateConnectionCommand: CreateEventBridgeConnectionCommand,
} = require('@aws-sdk/client-eventbridge');
const { scriptConnectionStates } = require('../../support/moto');
const { SecretsManagerClient, CreateSecretCommand, GetSecretValueCommand, PutSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');

const DEFAULT_KEYS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** Keys of a role in another account: moto files the keys AssumeRole gives under the role's account. */
function roleKeysIn(endpoint, account) {
	let keys;
	return async () => {
		if (!keys) {
			const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: DEFAULT_KEYS });
			const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/e2e-read-back`, RoleSessionName: 'e2e' })).finally(() => sts.destroy());
			keys = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
		}
		return keys;
	};
}

function awsClients(endpoint, region = 'us-east-1', credentials = DEFAULT_KEYS) {
	const config = { endpoint, region, credentials };
	const glue = new GlueClient(config);
	const events = new EventBridgeClient(config);
	const secrets = new SecretsManagerClient(config);
	return {
		endpoint,
		/** The same emulator seen from another Region (moto keeps Regions apart), e.g. a copy's target. */
		inRegion: (other) => awsClients(endpoint, other, credentials),
		/** The same emulator seen from another account (and Region): a multi-target run's targets. */
		inAccount: (account, other = region) => awsClients(endpoint, other, roleKeysIn(endpoint, account)),
		glue,
		events,
		/** The Glue connection as AWS returns it (with its password), or undefined when missing. */
		async glueConnection(name) {
			try {
				return (await glue.send(new GetConnectionCommand({ Name: name, HidePassword: false }))).Connection;
			} catch (error) {
				if (error.name === 'EntityNotFoundException') return undefined;
				throw error;
			}
		},
		async glueConnections() {
			return (await glue.send(new GetConnectionsCommand({}))).ConnectionList ?? [];
		},
		async createGlueConnection(input) {
			await glue.send(new CreateConnectionCommand({ ConnectionInput: input }));
		},
		/** The EventBridge connection as DescribeConnection returns it, or undefined when missing. */
		async eventBridgeConnection(name) {
			try {
				return await events.send(new DescribeConnectionCommand({ Name: name }));
			} catch (error) {
				if (error.name === 'ResourceNotFoundException') return undefined;
				throw error;
			}
		},
		async eventBridgeConnections() {
			return (await events.send(new ListConnectionsCommand({}))).Connections ?? [];
		},
		async createEventBridgeConnection(input) {
			return await events.send(new CreateEventBridgeConnectionCommand(input));
		},
		/** Scripts the states the next DescribeConnection calls answer (emulator/plugins/eventbridge_connections.py). */
		async scriptConnectionStates(name, states) {
			await scriptConnectionStates(endpoint, name, states);
		},
		async createSecret(name, secretString) {
			return await secrets.send(new CreateSecretCommand({ Name: name, SecretString: secretString }));
		},
		async putSecret(secretId, secretString) {
			return await secrets.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: secretString }));
		},
		async secretString(secretId) {
			return (await secrets.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
		},
		/** Forgets every resource (moto's reset API). */
		async reset() {
			const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
			if (!response.ok) throw new Error(`moto reset: HTTP ${response.status}`);
		},
	};
}

module.exports = { awsClients };
