// What each example in examples/ does to AWS (the emulator), beyond "it ran without errors" (run.js checks
// that for every example). The examples are imported under ids derived from their file names.
const assert = require('node:assert/strict');
const { idFor } = require('../../../scripts/n8n-workflows');
const { DeauthorizeConnectionCommand } = require('@aws-sdk/client-eventbridge');
const { executeWorkflow } = require('../lib/n8n');
const EXAMPLE_SETUPS = require('../lib/exampleSetups');

module.exports = [
	{
		title: 'example glue-jdbc-upkeep: creates the JDBC connection (its URL from host, port, engine and database) with a secret',
		workflowId: idFor('glue-jdbc-upkeep.json'),
		checks: [
			[
				'moto holds sales-postgres with the form’s properties',
				async ({ aws }) => {
					const connection = await aws.glueConnection('sales-postgres');
					assert.ok(connection, 'sales-postgres is missing');
					assert.deepEqual(
						{ ...connection.ConnectionProperties },
						{ JDBC_CONNECTION_URL: 'jdbc:postgresql://sales-db.internal.example.com:5432/sales', SECRET_ID: 'glue/sales-postgres', JDBC_ENFORCE_SSL: 'true' },
					);
				},
			],
			['the IF branch reports the change', ({ items }) => assert.match(items('Report the Change')[0].message, /sales-postgres was created/)],
		],
	},
	{
		title: 'example glue-jdbc-upkeep: the next scheduled run changes nothing',
		workflowId: idFor('glue-jdbc-upkeep.json'),
		async setup() {
			const first = await executeWorkflow(idFor('glue-jdbc-upkeep.json'));
			assert.equal(first.status, 'success', 'the first run failed');
		},
		checks: [
			[
				'Create or Update reports unchanged, and nothing is reported',
				({ items, execution }) => {
					const [result] = items('Sales DB Connection');
					assert.equal(result.action, 'unchanged', JSON.stringify(result));
					assert.equal(execution.data.resultData.runData['Report the Change'], undefined);
				},
			],
		],
	},
	{
		title: 'example glue-bulk-create: one connection per item',
		workflowId: idFor('glue-bulk-create.json'),
		checks: [
			[
				'moto holds the three connections with each engine’s JDBC URL',
				async ({ aws }) => {
					const urls = Object.fromEntries((await aws.glueConnections()).map((c) => [c.Name, c.ConnectionProperties.JDBC_CONNECTION_URL]));
					assert.deepEqual(urls, {
						'orders-mysql': 'jdbc:mysql://orders.internal.example.com:3306/orders',
						'billing-postgres': 'jdbc:postgresql://billing.internal.example.com:5432/billing',
						'stock-sqlserver': 'jdbc:sqlserver://stock.internal.example.com:1433;databaseName=stock',
					});
				},
			],
		],
	},
	{
		title: 'example eventbridge-api-key-rotation: creates, then rotates the key',
		workflowId: idFor('eventbridge-api-key-rotation.json'),
		async setup({ shared }) {
			const first = await executeWorkflow(idFor('eventbridge-api-key-rotation.json'));
			assert.equal(first.status, 'success', 'the first run failed');
			shared.first = first.execution.data.resultData.runData['Rotate the Key'][0].data.main[0][0].json;
		},
		checks: [
			['the first run created the connection', ({ shared }) => assert.equal(shared.first.action, 'created')],
			[
				'the second run updates it (a new key is a secret AWS cannot compare) and it is authorized',
				({ items }) => {
					const [result] = items('Rotate the Key');
					assert.equal(result.action, 'updated', JSON.stringify(result));
					assert.equal(result.state, 'AUTHORIZED');
				},
			],
			[
				'moto holds an API_KEY connection with the x-api-key header',
				async ({ aws }) => {
					const connection = await aws.eventBridgeConnection('partner-webhook');
					assert.equal(connection.AuthParameters.ApiKeyAuthParameters.ApiKeyName, 'x-api-key');
				},
			],
			[
				'the generated key never appears in the node output',
				({ items }) => {
					const [keyItem] = items('New API Key');
					assert.ok(!JSON.stringify(items('Rotate the Key')).includes(keyItem.apiKey));
				},
			],
		],
	},
	{
		title: 'example eventbridge-secrets-manager-rotation: the key comes from Secrets Manager, and follows its rotation',
		workflowId: idFor('eventbridge-secrets-manager-rotation.json'),
		async setup({ aws, shared }) {
			await EXAMPLE_SETUPS['eventbridge-secrets-manager-rotation.json']({ aws });
			const first = await executeWorkflow(idFor('eventbridge-secrets-manager-rotation.json'));
			assert.equal(first.status, 'success', 'the first run failed');
			shared.first = first.execution.data.resultData.runData['Sync the Key'][0].data.main[0][0].json;
			shared.keyAfterFirst = await aws.secretString((await aws.eventBridgeConnection('partner-webhook')).SecretArn);
			// Secrets Manager rotates the secret: the next scheduled run writes the new key.
			await aws.putSecret('partner/webhook-api-key', JSON.stringify({ apiKey: 'example-rotated-key-v2' }));
		},
		checks: [
			['the first run created the connection with the key from Secrets Manager', ({ shared }) => {
				assert.equal(shared.first.action, 'created');
				assert.ok(shared.keyAfterFirst.includes(EXAMPLE_SETUPS.EXAMPLE_API_KEY), 'the connection does not hold the key');
			}],
			[
				'after the rotation, the next run updates the connection to the new key',
				async ({ items, aws }) => {
					assert.equal(items('Sync the Key')[0].action, 'updated');
					const secret = await aws.secretString((await aws.eventBridgeConnection('partner-webhook')).SecretArn);
					assert.ok(secret.includes('example-rotated-key-v2'), 'the connection does not hold the rotated key');
				},
			],
			['neither key is in the output', ({ items, shared }) => {
				const output = JSON.stringify([items('Sync the Key'), shared.first]);
				assert.ok(!output.includes('example-rotated-key'), 'a key appears in the output');
			}],
		],
	},
	{
		title: 'example glue-delete-retired: deletes exactly the connections marked "retired"',
		workflowId: idFor('glue-delete-retired.json'),
		async setup({ aws }) {
			const network = (Name, MatchCriteria) => ({ Name, ConnectionType: 'NETWORK', ConnectionProperties: {}, MatchCriteria, PhysicalConnectionRequirements: { SubnetId: 'subnet-1' } });
			await aws.createGlueConnection(network('staging-old', ['retired']));
			await aws.createGlueConnection(network('test-old', ['test', 'retired']));
			await aws.createGlueConnection(network('sales', ['prod']));
			await aws.createGlueConnection(network('reporting', undefined));
		},
		checks: [
			[
				'Delete Each reports { deleted: true } for the two retired connections',
				({ items }) => {
					assert.deepEqual(
						items('Delete Each').sort((a, b) => a.name.localeCompare(b.name)),
						[{ name: 'staging-old', deleted: true }, { name: 'test-old', deleted: true }],
					);
				},
			],
			[
				'moto keeps only the connections not marked retired',
				async ({ aws }) => assert.deepEqual((await aws.glueConnections()).map((c) => c.Name).sort(), ['reporting', 'sales']),
			],
		],
	},
	{
		title: 'example eventbridge-partner-offboarding: de-authorizes the partner’s authorized connections, nothing else',
		workflowId: idFor('eventbridge-partner-offboarding.json'),
		async setup({ aws }) {
			const apiKey = (Name) => ({ Name, AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'partner-key' } } });
			for (const name of ['partner-acme-orders', 'partner-acme-billing', 'partner-acme-archived', 'partner-globex-orders']) await aws.createEventBridgeConnection(apiKey(name));
			// Already de-authorized: the Connection State filter leaves it out.
			await aws.events.send(new DeauthorizeConnectionCommand({ Name: 'partner-acme-archived' }));
			await aws.eventBridgeConnection('partner-acme-archived');
		},
		checks: [
			[
				'Deauthorize Each waited for DEAUTHORIZED on both authorized acme connections',
				({ items }) => {
					const results = items('Deauthorize Each').map((r) => [r.name, r.action, r.state]).sort();
					assert.deepEqual(results, [
						['partner-acme-billing', 'deauthorized', 'DEAUTHORIZED'],
						['partner-acme-orders', 'deauthorized', 'DEAUTHORIZED'],
					]);
				},
			],
			[
				'moto: the acme connections lost their authorization; the other partner’s stays authorized',
				async ({ aws }) => {
					const orders = await aws.eventBridgeConnection('partner-acme-orders');
					assert.equal(orders.ConnectionState, 'DEAUTHORIZED');
					assert.equal(orders.AuthParameters, undefined);
					assert.equal((await aws.eventBridgeConnection('partner-globex-orders')).ConnectionState, 'AUTHORIZED');
				},
			],
		],
	},
];

