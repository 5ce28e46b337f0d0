// What an example expects to exist in the account before it runs (a user has it already; the
// emulator starts empty), by example file name. Used by the generic example cases of run.js and by
// the example's own cases in cases/30-examples.js.
const EXAMPLE_API_KEY = 'example-rotated-key-v1';

module.exports = {
	EXAMPLE_API_KEY,
	'eventbridge-secrets-manager-rotation.json': async ({ aws }) => {
		await aws.createSecret('partner/webhook-api-key', JSON.stringify({ apiKey: EXAMPLE_API_KEY }));
	},
};
