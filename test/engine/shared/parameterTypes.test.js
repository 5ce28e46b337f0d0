// Values from expressions in the real engine (SDK mocked): a value the user gave is either sent as
// given or refused naming the field and the item, never dropped and never misread.
const { eb, ebMock, ARN, run, locator, sent } = require('../eventbridge/helpers');

beforeEach(() => {
	ebMock.reset();
	ebMock.on(eb.CreateConnectionCommand).resolves({ ConnectionArn: ARN, ConnectionState: 'AUTHORIZED' });
});

const apiKey = { operation: 'create', name: 'orders-api', authorizationType: 'API_KEY', keyHeaderName: 'x-api-key', apiKeyValue: 'k-123456' };

test('an object mapped into Description is refused (it used to be dropped and the connection created without it)', async () => {
	const { error } = await run({ ...apiKey, additionalFields: { description: '={{ $json.meta }}' } }, { inputItems: [{ meta: { team: 'orders' } }] });
	expect(error.message).toBe('Description: must be text, not an object (item 0)');
	expect(sent(eb.CreateConnectionCommand)).toEqual([]);
});

test('a number is sent as text; "true" in Value Is Secret counts as true, "yes" is refused', async () => {
	const row = (flag) => ({ invocationHeaders: { pairs: [{ key: 'x-version', value: '={{ $json.version }}', isValueSecret: flag }] } });
	const ok = await run({ ...apiKey, additionalFields: { description: '={{ $json.version }}', ...row('={{ "true" }}') } }, { inputItems: [{ version: 2 }] });
	expect(ok.error).toBeUndefined();
	expect(sent(eb.CreateConnectionCommand)[0]).toMatchObject({
		Description: '2',
		AuthParameters: { InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-version', Value: '2', IsValueSecret: true }] } },
	});
	const refused = await run({ ...apiKey, additionalFields: row('={{ "yes" }}') }, { inputItems: [{ version: 2 }] });
	expect(refused.error.message).toBe('Invocation Header Parameters: entry 1: Value Is Secret must be true or false, not text (item 0)');
});

test('a connection picked by an expression that gives an object or a list is refused, per item with Continue On Fail', async () => {
	ebMock.on(eb.DescribeConnectionCommand).resolves({ Name: 'orders-api', ConnectionArn: ARN });
	const { output } = await run(
		{ operation: 'get', connection: locator('={{ $json.name }}') },
		{ inputItems: [{ name: { id: 1 } }, { name: 'orders-api' }, { name: ['a'] }], continueOnFail: true },
	);
	expect(output.map((item) => item.json.error ?? item.json.Name)).toEqual([
		'Connection: must be text, not an object (item 0)',
		'orders-api',
		'Connection: must be text, not a list (item 2)',
	]);
	expect(ebMock.commandCalls(eb.DescribeConnectionCommand)).toHaveLength(1);
});
