// AWS EventBridge Connection in a real n8n against the project's emulator (moto with
// emulator/plugins): every operation runs here, Deauthorize and waiting for the state to settle
// included. The emulator lets a test script the states DescribeConnection reports
// (aws.scriptConnectionStates), refuses a duplicate name, and honours ListConnections' filters and paging.
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
	'e2e-state-key-value-7c2v',
	'e2e-reauth-key-value-1n4b',
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
				'Get Many (Return All, Name Prefix e2e-) returns the three connections, Limit 2 returns two',
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
	{
		title: 'EventBridge: wait for scripted states, failed connectivity, deauthorize, re-authorize, list filters and paging',
		workflowId: 'e2eEventBridgeStates',
		async setup({ aws }) {
			await aws.scriptConnectionStates('e2e-states', [{ State: 'AUTHORIZING' }, { State: 'AUTHORIZING' }, { State: 'AUTHORIZED' }]);
			await aws.scriptConnectionStates('e2e-failing', [{ State: 'AUTHORIZING' }, { State: 'FAILED_CONNECTIVITY', StateReason: 'Timeout connecting to the e2e endpoint' }]);
			// More than one ListConnections page (100): Get Many must follow NextToken.
			for (let i = 0; i < 103; i++) {
				await aws.createEventBridgeConnection({
					Name: `e2e-page-${String(i).padStart(3, '0')}`,
					AuthorizationType: 'API_KEY',
					AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'e2e-item-key-value-3p0q' } },
				});
			}
		},
		checks: [
			[
				'Create with Wait polls AUTHORIZING, AUTHORIZING to AUTHORIZED and reports the settled state',
				({ items }) => {
					const [created] = items('Create And Wait');
					assert.equal(created.action, 'created');
					assert.equal(created.state, 'AUTHORIZED');
					assert.match(created.lastAuthorizedTime ?? '', /^\d{4}-\d\d-\d\dT/);
				},
			],
			[
				'a connection that ends in FAILED_CONNECTIVITY is an error item carrying the state and the reason',
				({ raw }) => {
					const [failed] = raw('Create Failing');
					assert.equal(failed.json.error, 'Connection "e2e-failing" is in state FAILED_CONNECTIVITY: Timeout connecting to the e2e endpoint');
					assert.deepEqual(failed.pairedItem, { item: 0 });
				},
			],
			[
				'Deauthorize waits through DEAUTHORIZING to DEAUTHORIZED; Get Many filtered by that state finds it',
				({ items }) => {
					const [deauthorized] = items('Deauthorize');
					assert.equal(deauthorized.action, 'deauthorized');
					assert.equal(deauthorized.state, 'DEAUTHORIZED');
					assert.deepEqual(items('Get Many Deauthorized').map((c) => c.Name), ['e2e-states']);
				},
			],
			[
				'Update with a new API key re-authorizes the connection; AWS holds the key name, never the value',
				async ({ items, aws }) => {
					const [updated] = items('Update Reauthorize');
					assert.equal(updated.state, 'AUTHORIZED');
					const described = await aws.eventBridgeConnection('e2e-states');
					assert.equal(described.ConnectionState, 'AUTHORIZED');
					assert.deepEqual(described.AuthParameters.ApiKeyAuthParameters, { ApiKeyName: 'x-api-key' });
				},
			],
			[
				'Get Many with a name prefix and Return All follows NextToken across pages: 103 connections, each once',
				({ items }) => {
					const names = items('Get Many Prefix').map((c) => c.Name);
					assert.equal(names.length, 103);
					assert.equal(new Set(names).size, 103);
					assert.ok(names.every((name) => name.startsWith('e2e-page-')));
				},
			],
			[
				'Get Many with Limit 101 stops at 101, past the first 100-connection page',
				({ items }) => assert.equal(items('Get Many Limit').length, 101),
			],
			['no secret appears in any node output or in what n8n printed', (ctx) => assertNoSecrets(ctx)],
		],
	},
];
