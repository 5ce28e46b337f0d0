// The read-back of a retried RegisterConnectionType: is the type AWS describes the one this request
// would have registered? (A lost answer's retry is told the name is taken.)
const { registeredAsSent } = require('../../../nodes/GlueConnection/common/writes');

const request = {
	ConnectionType: 'REST-TICKETS',
	IntegrationType: 'REST',
	Description: 'Our tickets API',
	ConnectionProperties: {
		Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' },
		AdditionalRequestParameters: [{ Name: 'API_TOKEN', Required: true, PropertyType: 'SECRET' }],
	},
	ConnectorAuthenticationConfiguration: { AuthenticationTypes: ['CUSTOM', 'BASIC'] },
	RestConfiguration: { GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: '/tickets', ResponseConfiguration: { ResultPath: '$.items' } } },
};
// As AWS describes it: properties keyed by name with AWS's own members, capabilities, defaults added.
const described = () => ({
	ConnectionType: 'REST-TICKETS',
	Description: 'Our tickets API',
	Capabilities: { SupportedAuthenticationTypes: ['BASIC', 'CUSTOM'], SupportedDataOperations: ['READ'] },
	ConnectionProperties: { INSTANCE_URL: { Name: 'INSTANCE_URL', Required: true, PropertyTypes: ['USER_INPUT'] }, API_TOKEN: { Name: 'API_TOKEN', Required: true, PropertyTypes: ['SECRET'] } },
	RestConfiguration: {
		GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: '/tickets', ResponseConfiguration: { ResultPath: '$.items', ErrorPath: '$.error' } },
		EntityConfigurations: {},
	},
});

test('the type as registered, with members AWS adds, matches', () => {
	expect(registeredAsSent(request, described())).toBe(true);
	const withoutRest = described();
	delete withoutRest.RestConfiguration;
	expect(registeredAsSent(request, withoutRest)).toBe(true);
});

test.each([
	['another name', (d) => (d.ConnectionType = 'REST-OTHER')],
	['another description', (d) => (d.Description = 'Someone else’s')],
	['other authentication types', (d) => (d.Capabilities.SupportedAuthenticationTypes = ['CUSTOM'])],
	['a connector property missing', (d) => delete d.ConnectionProperties.API_TOKEN],
	['another request path', (d) => (d.RestConfiguration.GlobalSourceConfiguration.RequestPath = '/elsewhere')],
])('%s: not what was sent', (_name, change) => {
	const current = described();
	change(current);
	expect(registeredAsSent(request, current)).toBe(false);
});
