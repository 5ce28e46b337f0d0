// Described connection types in a real n8n against the emulator (emulator/plugins/glue_connection_types.py):
// a SNOWFLAKE connection filled from AWS's description is created with exactly those
// ConnectionProperties; a missing required property (SERVICENOW's INSTANCE_URL) stops the item with
// the usual error and nothing is written; the Connection Type resource registers, gets, deletes and
// lists types.
const assert = require('node:assert/strict');

const PRIVATE_KEY = 'e2e-private-key-MIIEvQ';

module.exports = [
	{
		title: 'Glue: a described type (SNOWFLAKE) from its Connection Properties, and the Connection Type resource',
		workflowId: 'e2eGlueDescribed',
		checks: [
			[
				'SNOWFLAKE is created with exactly the given ConnectionProperties (read back from the emulator)',
				async ({ items, aws }) => {
					assert.equal(items('Create Snowflake')[0].action, 'created');
					const connection = await aws.glueConnection('e2e-snowflake');
					assert.ok(connection, 'e2e-snowflake is missing in the emulator');
					assert.equal(connection.ConnectionType, 'SNOWFLAKE');
					assert.deepEqual(connection.ConnectionProperties, {
						HOST: 'acme-e2e.snowflakecomputing.com',
						WAREHOUSE: 'ETL_WH',
						AUTHENTICATOR: 'SNOWFLAKE_JWT',
						PRIVATE_KEY,
					});
				},
			],
			[
				'the secret property is in no output of the run',
				({ execution }) => {
					assert.doesNotMatch(JSON.stringify(execution.data.resultData.runData), new RegExp(PRIVATE_KEY));
				},
			],
			[
				'a missing required property is an error item naming property, type and item; nothing is created',
				async ({ raw, aws }) => {
					const [item] = raw('Create ServiceNow Without URL');
					assert.equal(item.json.error, 'Connection Properties: INSTANCE_URL is required for SERVICENOW (item 0)');
					assert.match(item.json.description ?? '', /Nothing was sent to AWS/);
					assert.equal(await aws.glueConnection('e2e-servicenow'), undefined);
				},
			],
			[
				'Register returns the new type and its ARN; Get (name from an expression) describes it',
				({ items }) => {
					assert.deepEqual(items('Register Type')[0], {
						connectionType: 'REST-E2E-TICKETS',
						connectionTypeArn: 'arn:aws:glue:us-east-1:123456789012:connectionType/REST-E2E-TICKETS',
						action: 'registered',
						changed: true,
					});
					const [described] = items('Get Type');
					assert.equal(described.ConnectionType, 'REST-E2E-TICKETS');
					assert.equal(described.Description, 'e2e tickets API');
					assert.equal(described.ConnectionProperties.INSTANCE_URL.Required, true);
				},
			],
			[
				'Delete returns { deleted: true }; Get Many lists the built-in types and no longer the deleted one',
				({ items }) => {
					assert.deepEqual(items('Delete Type'), [{ connectionType: 'REST-E2E-TICKETS', deleted: true }]);
					const listed = items('Get Many Types').map((t) => t.ConnectionType);
					assert.ok(listed.includes('SNOWFLAKE') && listed.includes('SERVICENOW'), listed.join(', '));
					assert.ok(!listed.includes('REST-E2E-TICKETS'));
				},
			],
		],
	},
	{
		title: 'Glue: without Continue On Fail, a missing required described property stops the workflow before any write',
		workflowId: 'e2eGlueDescribedStop',
		expectStatus: 'error',
		checks: [
			[
				'the run error names the property, the type and the item',
				({ execution }) => {
					assert.equal(execution.data.resultData.error.message, 'Connection Properties: INSTANCE_URL is required for SERVICENOW (item 0)');
				},
			],
			['nothing was created', async ({ aws }) => assert.deepEqual(await aws.glueConnections(), [])],
		],
	},
];
