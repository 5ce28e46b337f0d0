import type { INodeProperties } from 'n8n-workflow';

import { connectionOperationField, withDisplayOptions } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import { definitionFields } from '../../common/definition';
import type { GlueService } from '../../transport';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deleteConnection from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import { connectionField, hidePasswordField, nameField, optionsField } from './shared';
import * as testConnection from './testConnection.operation';
import * as testDefinition from './testDefinition.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation<GlueService>> = {
	create,
	createOrUpdate,
	delete: deleteConnection,
	get,
	getMany,
	testConnection,
	testDefinition,
	update,
};

const operationField = connectionOperationField([
	{ name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a new connection; fails if the name is taken' },
	{ name: 'Test Connection', value: 'testConnection', action: 'Test a connection', description: 'Ask AWS Glue to connect with a saved connection' },
	{
		name: 'Test Definition',
		value: 'testDefinition',
		action: 'Test a connection definition',
		description: 'Ask AWS Glue to connect with a definition before saving it',
	},
	{ name: 'Update', value: 'update', action: 'Update a connection', description: 'Replace the whole definition of a connection' },
]);

// The form reads top to bottom: operation, which connection, its definition, then each
// operation's own fields and the options every operation shares. All of them belong to the
// Connection resource (the Connection Type resource has operations of the same names).
export const description: INodeProperties[] = withDisplayOptions(
	[operationField, nameField, connectionField, ...update.description, ...definitionFields, hidePasswordField, ...getMany.description, optionsField],
	{ show: { resource: ['connection'] } },
);
