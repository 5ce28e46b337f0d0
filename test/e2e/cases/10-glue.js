// AWS Glue Connection in a real n8n against the project's emulator (moto with emulator/plugins):
// every operation runs here, Update (which replaces the whole definition), Delete, Test Connection
// and Test Definition included. The emulator's TestConnection fails for a host under the reserved
// `.invalid` domain and succeeds for any other well-formed definition.
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
	{
		title: 'Glue: update replaces the whole definition, test connection and definition, create or update updates, delete',
		workflowId: 'e2eGlueWriteTest',
		async setup({ aws }) {
			const jdbc = (name, host) => ({
				Name: name,
				ConnectionType: 'JDBC',
				ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:postgresql://${host}:5432/sales`, USERNAME: 'etl', PASSWORD: 'seeded-secret-value' },
			});
			await aws.createGlueConnection(jdbc('e2e-unreachable', 'db.unreachable.invalid'));
			await aws.createGlueConnection(jdbc('e2e-delete', 'db.example.internal'));
		},
		checks: [
			[
				'Update reports the update; AWS holds the new definition only (description and match criteria gone)',
				async ({ items, aws }) => {
					assert.deepEqual(items('Update'), [{ name: 'e2e-update', connectionType: 'JDBC', action: 'updated', changed: true }]);
					const connection = await aws.glueConnection('e2e-update');
					assert.match(connection.ConnectionProperties.JDBC_CONNECTION_URL, /\/\/db2\.example\.internal:5432\//);
					assert.equal(connection.Description, undefined, 'the description the update left out is gone');
					assert.equal(connection.MatchCriteria, undefined, 'the match criteria the update left out are gone');
					assert.ok(connection.LastUpdatedTime >= connection.CreationTime);
				},
			],
			[
				'Test Connection succeeds for a reachable connection',
				({ items }) => assert.deepEqual(items('Test Connection'), [{ name: 'e2e-update', success: true }]),
			],
			[
				'Test Connection of an unreachable host is an InvalidInputException error item naming the host',
				({ items }) => {
					const [failed] = items('Test Connection Unreachable');
					assert.match(failed.error, /^InvalidInputException: .*db\.unreachable\.invalid/);
				},
			],
			[
				'Test Definition succeeds for a well-formed definition and fails for an unreachable one; nothing is saved',
				async ({ items, aws }) => {
					assert.deepEqual(items('Test Definition'), [{ connectionType: 'JDBC', success: true }]);
					assert.match(items('Test Definition Unreachable')[0].error, /^InvalidInputException: .*db\.nowhere\.invalid/);
					const names = (await aws.glueConnections()).map((c) => c.Name).sort();
					assert.deepEqual(names, ['e2e-unreachable', 'e2e-update', 'e2e-upkeep']);
				},
			],
			[
				'Create or Update updates what differs (Description) and AWS then holds it',
				async ({ items, aws }) => {
					const [result] = items('Create or Update Drift');
					assert.equal(result.action, 'updated', JSON.stringify(result));
					assert.deepEqual(result.differences, ['Description']);
					assert.equal((await aws.glueConnection('e2e-upkeep')).Description, 'second');
				},
			],
			[
				'Delete returns { deleted: true } and the connection is gone; deleting it again is an EntityNotFoundException item',
				async ({ items, aws }) => {
					assert.deepEqual(items('Delete'), [{ name: 'e2e-delete', deleted: true }]);
					assert.equal(await aws.glueConnection('e2e-delete'), undefined);
					assert.match(items('Delete Missing')[0].error, /^EntityNotFoundException: /);
				},
			],
			[
				'no password appears in any node output',
				({ execution }) => {
					const outputs = JSON.stringify(execution.data.resultData.runData);
					for (const secret of ['e2e-glue-password-5t7y', 'seeded-secret-value']) assert.ok(!outputs.includes(secret), `${secret.slice(0, 6)}… in the output`);
				},
			],
		],
	},
];
