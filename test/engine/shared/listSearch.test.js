// The resource locators' searches of both nodes (SDK mocked): one page asked, the entries filtered
// by the text typed (ignoring case; connection types by name or display name), sorted by name, the
// page token passed both ways, and the editor's client closed after each call.
const { mockClient } = require('aws-sdk-client-mock');
const glue = require('@aws-sdk/client-glue');
const eventBridge = require('@aws-sdk/client-eventbridge');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const glueMock = mockClient(glue.GlueClient);
const eventBridgeMock = mockClient(eventBridge.EventBridgeClient);
const context = {
	getCredentials: async () => ({ region: 'us-east-1', accessKeyId: 'AKIAX', secretAccessKey: 'engine-secret' }),
	getCurrentNodeParameter: () => undefined,
	getNode: () => ({ name: 'node', parameters: {} }),
};
const destroyed = { count: 0 };
const realDestroy = { glue: glue.GlueClient.prototype.destroy, eventBridge: eventBridge.EventBridgeClient.prototype.destroy };
beforeEach(() => {
	glueMock.reset();
	eventBridgeMock.reset();
	destroyed.count = 0;
	glue.GlueClient.prototype.destroy = function () { destroyed.count++; return realDestroy.glue.call(this); };
	eventBridge.EventBridgeClient.prototype.destroy = function () { destroyed.count++; return realDestroy.eventBridge.call(this); };
});
afterAll(() => {
	glue.GlueClient.prototype.destroy = realDestroy.glue;
	eventBridge.EventBridgeClient.prototype.destroy = realDestroy.eventBridge;
});

test('Glue connections: filtered ignoring case, sorted, next page token passed both ways', async () => {
	glueMock.on(glue.GetConnectionsCommand).resolves({ ConnectionList: [{ Name: 'sales-pg' }, { Name: 'Billing-SALES' }, { Name: 'hr' }, {}], NextToken: 'next' });
	const found = await new GlueConnection().methods.listSearch.searchConnections.call(context, ' Sales ', 'token-1');
	expect(found).toEqual({ results: [{ name: 'Billing-SALES', value: 'Billing-SALES' }, { name: 'sales-pg', value: 'sales-pg' }], paginationToken: 'next' });
	expect(glueMock.commandCalls(glue.GetConnectionsCommand)[0].args[0].input).toEqual({ HidePassword: true, MaxResults: 100, NextToken: 'token-1' });
	expect(destroyed.count).toBe(1);
});

test('Glue connection types: matched by name or display name, with their description', async () => {
	glueMock.on(glue.ListConnectionTypesCommand).resolves({
		ConnectionTypes: [
			{ ConnectionType: 'SNOWFLAKE', DisplayName: 'Snowflake', Description: 'Warehouse' },
			{ ConnectionType: 'REST-TICKETS', DisplayName: 'Tickets in Snowflake', Description: 'Custom' },
			{ ConnectionType: 'JDBC', DisplayName: 'JDBC' },
		],
	});
	const found = await new GlueConnection().methods.listSearch.searchConnectionTypes.call(context, 'snow');
	expect(found).toEqual({
		results: [
			{ name: 'REST-TICKETS', value: 'REST-TICKETS', description: 'Custom' },
			{ name: 'SNOWFLAKE', value: 'SNOWFLAKE', description: 'Warehouse' },
		],
		paginationToken: undefined,
	});
	expect(destroyed.count).toBe(1);
});

test('EventBridge connections: the prefix goes to ListConnections; the client is closed even when the call fails', async () => {
	eventBridgeMock.on(eventBridge.ListConnectionsCommand).resolves({ Connections: [{ Name: 'orders-b' }, { Name: 'orders-a' }], NextToken: 'n2' });
	const found = await new EventBridgeConnection().methods.listSearch.searchConnections.call(context, 'orders', undefined);
	expect(found).toEqual({ results: [{ name: 'orders-a', value: 'orders-a' }, { name: 'orders-b', value: 'orders-b' }], paginationToken: 'n2' });
	expect(eventBridgeMock.commandCalls(eventBridge.ListConnectionsCommand)[0].args[0].input).toEqual({ NamePrefix: 'orders', Limit: 100 });

	eventBridgeMock.on(eventBridge.ListConnectionsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: {} }));
	await expect(new EventBridgeConnection().methods.listSearch.searchConnections.call(context)).rejects.toThrow('denied');
	expect(destroyed.count).toBe(2);
});
