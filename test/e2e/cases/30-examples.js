// What each example in examples/ does to AWS (the emulator), beyond "it ran without errors" (run.js checks
// that for every example). The examples are imported under ids derived from their file names.
const assert = require('node:assert/strict');
const { idFor } = require('../../../scripts/n8n-workflows');
const { DeauthorizeConnectionCommand } = require('@aws-sdk/client-eventbridge');
const { executeWorkflow } = require('../lib/n8n');
const EXAMPLE_SETUPS = require('../lib/exampleSetups');

const { COPY_SECRETS, PARTNER_NETWORK } = EXAMPLE_SETUPS;
const PARTNER_TARGETS = ['111111111111 us-east-1', '111111111111 eu-west-1', '222222222222 us-east-1', '222222222222 eu-west-1'];
const targetKey = ({ account, region }) => `${account} ${region}`;
const byName = (list) => Object.fromEntries(list.map((entry) => [entry.name ?? entry.Name, entry]));
const namesIn = async (aws, prefix) => (await aws.glueConnections()).map((c) => c.Name).filter((name) => name.startsWith(prefix)).sort();
/** Unset members and empty maps left out (AWS answers an empty ConnectionProperties either way). */
const plain = (value) => JSON.parse(JSON.stringify(value, (key, member) => (member && typeof member === 'object' && !Array.isArray(member) && !Object.keys(member).length ? undefined : member)));
/** A Glue connection as its definition compares: what CreateConnection took, not what AWS adds. */
const glueDefinition = ({ Name, Description, ConnectionType, MatchCriteria, ConnectionProperties, PhysicalConnectionRequirements }) =>
	plain({ Name, Description, ConnectionType, MatchCriteria, ConnectionProperties, PhysicalConnectionRequirements });
const eventBridgeDefinition = ({ Name, Description, AuthorizationType, AuthParameters }) => plain({ Name, Description, AuthorizationType, AuthParameters });

module.exports = [
	{
		title: 'example glue-partner-fleet-every-account-and-region: one plan over 2 accounts x 2 Regions waits for approval; approved, every target equals the list with its own values',
		workflowId: idFor('glue-partner-fleet-every-account-and-region.json'),
		expectStatus: 'waiting',
		setup: EXAMPLE_SETUPS['glue-partner-fleet-every-account-and-region.json'],
		checks: [
			[
				'the plan: each target its own counts, one fingerprint over all',
				({ items }) => {
					const plan = items('Plan Every Target');
					const summaries = Object.fromEntries(plan.filter((entry) => !entry.name).map((entry) => [targetKey(entry.target), entry.summary]));
					assert.deepEqual(summaries, {
						'111111111111 us-east-1': { create: 0, update: 0, delete: 0, unchanged: 3, keep: 0 },
						'111111111111 eu-west-1': { create: 1, update: 1, delete: 0, unchanged: 1, keep: 0 },
						'222222222222 us-east-1': { create: 3, update: 0, delete: 0, unchanged: 0, keep: 0 },
						'222222222222 eu-west-1': { create: 0, update: 0, delete: 1, unchanged: 3, keep: 0 },
					});
					assert.equal(new Set(plan.map((entry) => entry.planFingerprint)).size, 1);
					const billing = plan.find((entry) => entry.name === 'partner-billing' && targetKey(entry.target) === '111111111111 eu-west-1');
					assert.deepEqual(billing.differences, ['Description']);
				},
			],
			[
				'the approver gets one message: a line per account and Region, the fingerprint and the resume link',
				({ items }) => {
					const [summary] = items('Summarize the Plan');
					assert.equal(
						summary.summary,
						[
							'111111111111 us-east-1: 0 to create, 0 to update, 0 to delete, 3 unchanged',
							'111111111111 eu-west-1: 1 to create, 1 to update, 0 to delete, 1 unchanged',
							'222222222222 us-east-1: 3 to create, 0 to update, 0 to delete, 0 unchanged',
							'222222222222 eu-west-1: 0 to create, 0 to update, 1 to delete, 3 unchanged',
						].join('\n'),
					);
					assert.match(summary.approveUrl, /\/webhook-waiting\/\d+\?(.+&)?approved=true$/);
				},
			],
			['nothing is written before the approval', async ({ aws }) => {
				assert.deepEqual(await namesIn(aws.inAccount('222222222222', 'us-east-1'), 'partner-'), []);
				assert.deepEqual(await namesIn(aws.inAccount('222222222222', 'eu-west-1'), 'partner-'), ['partner-billing', 'partner-events', 'partner-legacy', 'partner-orders']);
			}],
		],
		resume: {
			url: ({ items }) => items('Summarize the Plan')[0].approveUrl,
			checks: [
				[
					'approved: every target holds exactly the three connections, with its own subnet, security group, Availability Zone and secret ARN; outside the scope untouched',
					async ({ aws }) => {
						for (const where of PARTNER_TARGETS) {
							const [account, region] = where.split(' ');
							const target = aws.inAccount(account, region);
							const connections = (await target.glueConnections()).filter((connection) => connection.Name.startsWith('partner-'));
							assert.deepEqual(connections.map((connection) => connection.Name).sort(), ['partner-billing', 'partner-events', 'partner-orders'], where);
							for (const connection of connections) {
								const database = connection.Name.replace('partner-', '');
								assert.deepEqual(connection.PhysicalConnectionRequirements, PARTNER_NETWORK(account, region), `${where} ${connection.Name}`);
								assert.equal(connection.ConnectionProperties.SECRET_ID, `arn:aws:secretsmanager:${region}:${account}:secret:partner/${database}`);
								assert.equal(connection.Description, `${database} database of the partner integration (managed by n8n)`);
							}
						}
						assert.ok(await aws.inAccount('222222222222', 'eu-west-1').glueConnection('team-other'), 'team-other (outside the scope) is gone');
					},
				],
				[
					'the apply wrote exactly what the plan listed (6 writes), each marked applied',
					({ items }) => {
						const written = items('Apply in Every Target').filter((entry) => entry.name && entry.applied);
						assert.deepEqual(written.map((entry) => `${targetKey(entry.target)} ${entry.action} ${entry.name}`).sort(), [
							'111111111111 eu-west-1 create partner-orders',
							'111111111111 eu-west-1 update partner-billing',
							'222222222222 eu-west-1 delete partner-legacy',
							'222222222222 us-east-1 create partner-billing',
							'222222222222 us-east-1 create partner-events',
							'222222222222 us-east-1 create partner-orders',
						].sort());
					},
				],
			],
		},
	},
	{
		title: 'example glue-keep-equal-with-approval: the plan waits for approval; approved, the apply makes the scope equal to the list',
		workflowId: idFor('glue-keep-equal-with-approval.json'),
		expectStatus: 'waiting',
		setup: EXAMPLE_SETUPS['glue-keep-equal-with-approval.json'],
		checks: [
			[
				'the plan: forecast to create, billing to update, legacy to delete (Remove Extras), orders unchanged; nothing outside the scope',
				({ items }) => {
					const plan = byName(items('Plan'));
					assert.deepEqual(Object.fromEntries(Object.entries(plan).map(([name, entry]) => [name, entry.action])), {
						'team-sales-billing': 'update',
						'team-sales-forecast': 'create',
						'team-sales-legacy': 'delete',
						'team-sales-orders': 'unchanged',
					});
					assert.deepEqual(plan['team-sales-billing'].differences, ['Description']);
				},
			],
			[
				'the approver gets one summary with the plan fingerprint and the resume link',
				({ items }) => {
					const [summary] = items('Summarize the Plan');
					assert.equal(summary.summary, '1 to create, 1 to update, 1 to delete, 1 unchanged');
					assert.match(summary.planFingerprint, /\S{8,}/);
					assert.match(summary.approveUrl, /\/webhook-waiting\/\d+\?(.+&)?approved=true$/);
				},
			],
			['nothing is written before the approval', async ({ aws }) => {
				assert.deepEqual(await namesIn(aws, 'team-sales-'), ['team-sales-billing', 'team-sales-legacy', 'team-sales-orders']);
				assert.equal((await aws.glueConnection('team-sales-billing')).Description, 'billing database (hand-made)');
			}],
		],
		resume: {
			// The approver opens the link the summary carries (n8n's signed resume URL).
			url: ({ items }) => items('Summarize the Plan')[0].approveUrl,
			checks: [
				[
					'approved: the apply writes exactly the plan; the scope now equals the list; the connection outside it is untouched',
					async ({ aws }) => {
						assert.deepEqual(await namesIn(aws, 'team-sales-'), ['team-sales-billing', 'team-sales-forecast', 'team-sales-orders']);
						assert.equal((await aws.glueConnection('team-sales-billing')).Description, 'billing database (managed by n8n)');
						assert.ok(await aws.glueConnection('finance-ledger'), 'finance-ledger (outside the scope) is gone');
					},
				],
				[
					'the apply reports a write for exactly the three connections the plan listed',
					({ items }) => {
						const written = items('Apply the Approved Plan').filter((entry) => !['unchanged', 'keep'].includes(entry.action));
						assert.deepEqual(written.map((entry) => entry.name).sort(), ['team-sales-billing', 'team-sales-forecast', 'team-sales-legacy']);
					},
				],
			],
		},
	},
	{
		title: 'example copy-connections-to-another-region: every exported connection exists in eu-west-1, equal apart from the replaced values; no secret in any output',
		workflowId: idFor('copy-connections-to-another-region.json'),
		setup: EXAMPLE_SETUPS['copy-connections-to-another-region.json'],
		checks: [
			[
				'Glue: eu-west-1 holds the two exported connections, equal to us-east-1 apart from the Region inside the secret ARN and the Availability Zones',
				async ({ aws }) => {
					const target = aws.inRegion('eu-west-1');
					const copies = byName(await target.glueConnections());
					assert.deepEqual(Object.keys(copies).sort(), ['shared-network', 'shared-orders']);
					for (const name of ['shared-orders', 'shared-network']) {
						const source = glueDefinition(await aws.glueConnection(name));
						const expected = JSON.parse(JSON.stringify(source).replace(/us-east-1/g, 'eu-west-1'));
						assert.deepEqual(glueDefinition(copies[name]), expected);
					}
					assert.equal(copies['shared-orders'].PhysicalConnectionRequirements.AvailabilityZone, 'eu-west-1a');
				},
			],
			[
				'EventBridge: eu-west-1 holds the two exported connections with equal definitions, authorized with the target\'s own secrets',
				async ({ aws }) => {
					const target = aws.inRegion('eu-west-1');
					assert.deepEqual((await target.eventBridgeConnections()).map((c) => c.Name).sort(), ['shared-billing', 'shared-partner']);
					for (const name of ['shared-partner', 'shared-billing']) {
						assert.deepEqual(eventBridgeDefinition(await target.eventBridgeConnection(name)), eventBridgeDefinition(await aws.eventBridgeConnection(name)));
					}
					const partnerSecret = await target.secretString((await target.eventBridgeConnection('shared-partner')).SecretArn);
					assert.ok(partnerSecret.includes(COPY_SECRETS.targetApiKey) && partnerSecret.includes(COPY_SECRETS.targetSigning), 'the copy does not hold the target\'s API key and signing header');
					const billingSecret = await target.secretString((await target.eventBridgeConnection('shared-billing')).SecretArn);
					assert.ok(billingSecret.includes(COPY_SECRETS.targetClientSecret), 'the copy does not hold the target\'s client secret');
				},
			],
			[
				'what was not exported stays where it was; us-east-1 is unchanged',
				async ({ aws }) => {
					const target = aws.inRegion('eu-west-1');
					assert.equal(await target.glueConnection('local-only'), undefined);
					assert.equal(await target.eventBridgeConnection('local-hook'), undefined);
					assert.deepEqual((await aws.glueConnections()).map((c) => c.Name).sort(), ['local-only', 'shared-network', 'shared-orders']);
				},
			],
			[
				'no secret in any output or in what n8n printed',
				({ execution, run }) => {
					const text = JSON.stringify(execution) + (run?.stdout ?? '') + (run?.stderr ?? '');
					for (const [label, secret] of Object.entries(COPY_SECRETS)) assert.ok(!text.includes(secret), `${label} appears in the output`);
				},
			],
		],
	},
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
		title: 'example quick-start-jdbc-from-a-list (README quick start): one JDBC connection per row, with the URL from host, port and database and the secret by name',
		workflowId: idFor('quick-start-jdbc-from-a-list.json'),
		checks: [
			[
				'moto holds both connections with exactly the properties the rows give',
				async ({ aws }) => {
					const properties = Object.fromEntries((await aws.glueConnections()).map((c) => [c.Name, { ...c.ConnectionProperties }]));
					assert.deepEqual(properties, {
						'sales-postgres': { JDBC_CONNECTION_URL: 'jdbc:postgresql://sales-db.internal:5432/sales', SECRET_ID: 'glue/sales-postgres' },
						'finance-postgres': { JDBC_CONNECTION_URL: 'jdbc:postgresql://finance-db.internal:5432/finance', SECRET_ID: 'glue/finance-postgres' },
					});
				},
			],
			['the node reports each row created', ({ items }) => assert.deepEqual(items('Keep Each Connection').map((r) => [r.name, r.action]), [['sales-postgres', 'created'], ['finance-postgres', 'created']])],
		],
	},
	{
		title: 'example quick-start-jdbc-from-a-list: the next scheduled run reports unchanged',
		workflowId: idFor('quick-start-jdbc-from-a-list.json'),
		async setup() {
			const first = await executeWorkflow(idFor('quick-start-jdbc-from-a-list.json'));
			assert.equal(first.status, 'success', 'the first run failed');
		},
		checks: [['both rows are unchanged', ({ items }) => assert.deepEqual(items('Keep Each Connection').map((r) => r.action), ['unchanged', 'unchanged'])]],
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

