// The package loads in n8n: each node type is known, authenticates through the imported
// credential against moto, and turns an AWS error into an error item under Continue On Fail.
const assert = require('node:assert/strict');

const smoke = (title, workflowId, awsError) => ({
	title,
	workflowId,
	checks: [
		[
			'the node type is loaded (it ran)',
			({ execution }) => assert.ok(execution.data.resultData.runData['Get Missing'], 'the node did not run'),
		],
		[
			'the missing connection becomes one error item naming the AWS error',
			({ raw }) => {
				const items = raw('Get Missing');
				assert.equal(items.length, 1);
				assert.match(items[0].json.error, new RegExp(awsError));
				assert.deepEqual(items[0].pairedItem, { item: 0 });
			},
		],
	],
});

module.exports = [
	smoke('smoke: AWS Glue Connection', 'e2eSmokeGlue0001', 'EntityNotFoundException'),
	smoke('smoke: AWS EventBridge Connection', 'e2eSmokeEvents01', 'ResourceNotFoundException'),
];
