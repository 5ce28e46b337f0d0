// AWS Glue Connection in a real n8n against moto. moto 5.2 lacks UpdateConnection and
// DeleteConnection (HTTP 500), so Update, Delete and the update branch of Create or Update are
// covered by the engine tests (test/engine) and only the dry-run plan of an update runs here.
// moto's GetConnection also leaves out ConnectionType and MatchCriteria: the workflows set no match
// criteria (Create or Update would see a difference and call UpdateConnection), and nothing here
// expects moto to report a type.
const assert = require('node:assert/strict');

const SUBNET = 'subnet-0123456789abcdef0';
const SECURITY_GROUPS = ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'];

module.exports = [
	{
		title: 'Glue: create, get (name from an expression), get many, create or update',
		workflowId: 'e2eGlueLifecycle',
		async setup({ aws }) {
			// A connection made outside n8n, with a password, for Get and Get Many to find.
			await aws.createGlueConnection({
				Name: 'e2e-seeded-jdbc',
				ConnectionType: 'JDBC',
				ConnectionProperties: {
					JDBC_CONNECTION_URL: 'jdbc:postgresql://db.example.internal:5432/sales',
					USERNAME: 'etl',
					PASSWORD: 'seeded-secret-value',
				},
			});
		},
		checks: [
			[
				'Create reports the new NETWORK connection',
				({ items }) => {
					const [created] = items('Create');
					assert.equal(created.name, 'e2e-network');
					assert.equal(created.connectionType, 'NETWORK');
					assert.equal(created.action, 'created');
					assert.equal(created.changed, true);
				},
			],
			[
				'moto holds the connection exactly as the form described it (read with the plain SDK)',
				async ({ aws }) => {
					const connection = await aws.glueConnection('e2e-network');
					assert.ok(connection, 'e2e-network is missing in moto');
					assert.equal(connection.Description, 'created by the e2e test');
					assert.equal(connection.PhysicalConnectionRequirements.SubnetId, SUBNET);
					assert.deepEqual([...connection.PhysicalConnectionRequirements.SecurityGroupIdList].sort(), SECURITY_GROUPS);
					assert.equal(connection.PhysicalConnectionRequirements.AvailabilityZone, 'us-east-1a');
				},
			],
			[
				'Get finds the connection named by an expression ({{ $json.name }} of the previous node)',
				({ items }) => {
					const [connection] = items('Get By Expression');
					assert.equal(connection.Name, 'e2e-network');
					assert.equal(connection.PhysicalConnectionRequirements?.SubnetId, SUBNET);
					assert.match(connection.CreationTime ?? '', /^\d{4}-\d\d-\d\dT/, 'times are ISO strings');
				},
			],
			[
				'Get with Hide Password off returns the password; Get Many hides it',
				({ items }) => {
					const [seeded] = items('Get Seeded With Password');
					assert.equal(seeded.ConnectionProperties.PASSWORD, 'seeded-secret-value');
					const listed = items('Get Many').find((c) => c.Name === 'e2e-seeded-jdbc');
					assert.ok(listed, 'Get Many misses the seeded connection');
					assert.equal(listed.ConnectionProperties.PASSWORD, undefined);
					assert.equal(listed.ConnectionProperties.USERNAME, 'etl');
				},
			],
			[
				'Get Many returns one item per connection (Return All)',
				({ items }) => {
					assert.deepEqual(items('Get Many').map((c) => c.Name).sort(), ['e2e-network', 'e2e-seeded-jdbc']);
				},
			],
			[
				'Create or Update with the same definition changes nothing',
				({ items }) => {
					const [result] = items('Create or Update Same');
					assert.equal(result.action, 'unchanged', JSON.stringify(result));
					assert.equal(result.changed, false);
					assert.deepEqual(result.differences, []);
				},
			],
			[
				'Create or Update with Dry Run reports the plan (Description differs) and writes nothing',
				async ({ items, aws }) => {
					const [result] = items('Create or Update Dry Run');
					assert.equal(result.action, 'wouldUpdate', JSON.stringify(result));
					assert.deepEqual(result.differences, ['Description']);
					assert.equal((await aws.glueConnection('e2e-network')).Description, 'created by the e2e test');
				},
			],
			[
				'Create or Update creates a missing connection',
				async ({ items, aws }) => {
					const [result] = items('Create or Update New');
					assert.equal(result.action, 'created');
					assert.equal(result.changed, true);
					const connection = await aws.glueConnection('e2e-network-2');
					assert.equal(connection?.Description, 'second');
				},
			],
			[
				'Get Many with Limit 1 returns one connection',
				({ items }) => assert.equal(items('Get Many Limit 1').length, 1),
			],
			[
				'every output item is paired with its input item',
				({ raw }) => {
					for (const node of ['Create', 'Get By Expression', 'Create or Update New']) {
						assert.deepEqual(raw(node)[0].pairedItem, { item: 0 }, node);
					}
				},
			],
		],
	},
	{
		title: 'Glue: Continue On Fail turns a failing item into an error item; the others are created',
		workflowId: 'e2eGlueItems0001',
		checks: [
			[
				'four items in, four items out, in order and paired',
				({ raw }) => {
					const out = raw('Create Each');
					assert.equal(out.length, 4);
					assert.deepEqual(out.map((item) => item.pairedItem?.item), [0, 1, 2, 3]);
				},
			],
			[
				'the duplicate name is an AWS error item (AlreadyExistsException)',
				({ raw }) => {
					const item = raw('Create Each')[1].json;
					assert.match(item.error, /AlreadyExistsException/);
				},
			],
			[
				'the 300-character name is refused before any AWS call, naming field and item',
				({ raw }) => {
					const item = raw('Create Each')[2].json;
					assert.match(item.error, /^Name: .*\(item 2\)$/);
					assert.match(item.description ?? '', /Nothing was sent to AWS/);
				},
			],
			[
				'the good items were created; moto has exactly those two',
				async ({ raw, aws }) => {
					const out = raw('Create Each');
					assert.equal(out[0].json.action, 'created');
					assert.equal(out[3].json.action, 'created');
					const names = (await aws.glueConnections()).map((c) => c.Name).sort();
					assert.deepEqual(names, ['e2e-item-1', 'e2e-item-2']);
				},
			],
		],
	},
	{
		title: 'Glue: without Continue On Fail, an AWS error stops the workflow and names the AWS error',
		workflowId: 'e2eGlueErrorStop',
		expectStatus: 'error',
		checks: [
			[
				'the run error carries the AWS error code and message, and the request ID',
				({ execution }) => {
					const error = execution.data.resultData.error;
					assert.match(error.message, /^EntityNotFoundException: /);
					assert.match(error.description ?? '', /AWS request ID: \S+/);
					assert.equal(execution.data.resultData.lastNodeExecuted, 'Get Missing');
				},
			],
			[
				'the next node did not run',
				({ execution }) => assert.equal(execution.data.resultData.runData.After, undefined),
			],
		],
	},
];
