// AWS EventBridge Connection in a real n8n against moto. moto implements Create, Describe, List,
// Update and Delete; it keeps every connection AUTHORIZED, does not implement Deauthorize (covered
// by the engine tests in test/engine/eventbridge) and overwrites a duplicate name instead of failing.
const assert = require('node:assert/strict');

// Every secret the workflows send; none may show up in any node's output.
const SECRETS = [
	'e2e-basic-password-9f3k',
	'e2e-secret-body-value-71q',
	'e2e-api-key-value-4j8d',
	'e2e-oauth-client-secret-2m5x',
	'e2e-rotated-key-value-8z1c',
	'e2e-upsert-password-6h2w',
	'e2e-item-key-value-3p0q',
];

/** No secret in any node's output, nor in what n8n printed (its log lines and the execution). */
function assertNoSecrets({ execution, run }) {
	const outputs = JSON.stringify(execution.data.resultData.runData);
	const printed = `${run.stdout}\n${run.stderr}`;
	for (const secret of SECRETS) {
		assert.ok(!outputs.includes(secret), `a secret appears in the node outputs: ${secret.slice(0, 6)}…`);
		assert.ok(!printed.includes(secret), `a secret appears in n8n's printed output: ${secret.slice(0, 6)}…`);
	}
}

module.exports = [
	{
		title: 'EventBridge: create (each authorization type), get, get many, update, create or update, delete',
		workflowId: 'e2eEventBridgeLife',
		checks: [
			[
				'Create reports ARN, name, state and ISO times for each authorization type',
				({ items }) => {
					for (const [node, name] of [['Create Basic', 'e2e-basic'], ['Create API Key', 'e2e-apikey'], ['Create OAuth', 'e2e-oauth']]) {
						const [created] = items(node);
						assert.equal(created.name, name, node);
						assert.match(created.connectionArn ?? '', new RegExp(`^arn:aws:events:us-east-1:\\d{12}:connection/${name}/`), node);
						assert.equal(created.action, 'created', node);
						assert.ok(created.state, `${node}: no state`);
					}
				},
			],
			[
				'moto holds each connection with its type and non-secret settings (read with the plain SDK)',
				async ({ aws }) => {
					const apiKey = await aws.eventBridgeConnection('e2e-apikey');
					assert.equal(apiKey.AuthorizationType, 'API_KEY');
					assert.equal(apiKey.AuthParameters.ApiKeyAuthParameters.ApiKeyName, 'x-api-key');
					const oauth = await aws.eventBridgeConnection('e2e-oauth');
					assert.equal(oauth.AuthorizationType, 'OAUTH_CLIENT_CREDENTIALS');
					assert.equal(oauth.AuthParameters.OAuthParameters.AuthorizationEndpoint, 'https://auth.example.com/oauth2/token');
					assert.equal(oauth.AuthParameters.OAuthParameters.HttpMethod, 'POST');
					assert.equal(oauth.AuthParameters.OAuthParameters.ClientParameters.ClientID, 'e2e-client-id');
				},
			],
			[
				'Get (name from an expression) returns the non-secret configuration without secrets',
				({ items }) => {
					const [connection] = items('Get By Expression');
					assert.equal(connection.Name, 'e2e-oauth');
					assert.equal(connection.AuthParameters.OAuthParameters.ClientParameters.ClientID, 'e2e-client-id');
					assert.equal(connection.AuthParameters.OAuthParameters.ClientParameters.ClientSecret, undefined);
					assert.match(connection.CreationTime ?? '', /^\d{4}-\d\d-\d\dT/, 'times are ISO strings');
				},
			],
			[
				'Get Many (Return All) returns the three connections, Limit 2 returns two (moto ignores the name prefix filter: the engine tests check the request)',
				({ items }) => {
					assert.deepEqual(items('Get Many').map((c) => c.Name).sort(), ['e2e-apikey', 'e2e-basic', 'e2e-oauth']);
					assert.equal(items('Get Many Limit').length, 2);
				},
			],
			[
				'Update sends only the description; the authorization stays',
				async ({ items, aws }) => {
					const [updated] = items('Update');
					assert.equal(updated.action, 'updated');
					// Deleted at the end of the run: the description is checked through the update's own output and the list.
					assert.equal(updated.name, 'e2e-basic');
					const listed = items('Get Many').find((c) => c.Name === 'e2e-basic');
					assert.equal(listed.AuthorizationType, 'BASIC');
					assert.equal(await aws.eventBridgeConnection('e2e-basic'), undefined, 'Delete ran after Update');
				},
			],
			[
				'Create or Update with the same settings changes nothing; with a new key and the rotation option it updates',
				({ items }) => {
					const [same] = items('Create or Update Same');
					assert.equal(same.action, 'unchanged', JSON.stringify(same));
					assert.equal(same.changed, false);
					const [rotated] = items('Create or Update Rotate');
					assert.equal(rotated.action, 'updated', JSON.stringify(rotated));
					assert.deepEqual(rotated.differences, ['(secrets)']);
				},
			],
			[
				'Create or Update creates a missing connection',
				async ({ items, aws }) => {
					const [created] = items('Create or Update New');
					assert.equal(created.action, 'created');
					assert.equal((await aws.eventBridgeConnection('e2e-upserted'))?.AuthorizationType, 'BASIC');
				},
			],
			[
				'Delete returns { deleted: true } and the connection is gone',
				async ({ items, aws }) => {
					assert.deepEqual(items('Delete'), [{ name: 'e2e-basic', deleted: true }]);
					assert.equal(await aws.eventBridgeConnection('e2e-basic'), undefined);
				},
			],
			['no secret appears in any node output or in what n8n printed', (ctx) => assertNoSecrets(ctx)],
			[
				'every output item is paired with its input item',
				({ raw }) => {
					for (const node of ['Create Basic', 'Get By Expression', 'Update', 'Delete']) assert.deepEqual(raw(node)[0].pairedItem, { item: 0 }, node);
				},
			],
		],
	},
	{
		title: 'EventBridge: Continue On Fail turns a bad item into an error item; the others are created',
		workflowId: 'e2eEventBridgeItem',
		checks: [
			[
				'three items in, three out, paired in order',
				({ raw }) => assert.deepEqual(raw('Create Each').map((item) => item.pairedItem?.item), [0, 1, 2]),
			],
			[
				'the invalid name is refused before any AWS call, naming field and item',
				({ raw }) => {
					const item = raw('Create Each')[1].json;
					assert.match(item.error, /^Name: .*\(item 1\)$/);
					assert.match(item.description ?? '', /Nothing was sent to AWS/);
				},
			],
			[
				'moto has exactly the two good connections',
				async ({ aws }) => {
					const names = (await aws.eventBridgeConnections()).map((c) => c.Name).sort();
					assert.deepEqual(names, ['e2e-item-1', 'e2e-item-3']);
				},
			],
			['no secret appears in any node output or in what n8n printed', (ctx) => assertNoSecrets(ctx)],
		],
	},
];
