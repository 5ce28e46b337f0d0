// The node descriptions list the SDK's enums from a generated file (so n8n's start-up does not
// load the SDK). This fails when the installed SDK drifts: run `npm run generate:enums`.
const fs = require('node:fs');
const path = require('node:path');
const { collect, render } = require('../../scripts/generate-sdk-enums');

test('the generated enums match the installed SDK', () => {
	const file = fs.readFileSync(path.join(__dirname, '../../nodes/shared/sdkEnums.generated.ts'), 'utf8');
	expect(file).toBe(render(collect()));
});

test('the SDK knows the types the product promises first-class forms for', () => {
	const { GLUE_CONNECTION_TYPES } = collect();
	for (const type of ['JDBC', 'KAFKA', 'MONGODB', 'NETWORK', 'MARKETPLACE', 'CUSTOM', 'SALESFORCE']) {
		expect(GLUE_CONNECTION_TYPES).toContain(type);
	}
});
