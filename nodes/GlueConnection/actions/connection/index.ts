import type { INodeProperties } from 'n8n-workflow';

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

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['connection'] } },
	default: 'createOrUpdate',
	options: [
		{ name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a new connection; fails if the name is taken' },
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			action: 'Create or update a connection',
			description: 'Create the connection, or update it only where it differs (safe to run on a schedule)',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a connection' },
		{ name: 'Get', value: 'get', action: 'Get a connection' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many connections' },
		{ name: 'Test Connection', value: 'testConnection', action: 'Test a connection', description: 'Ask AWS Glue to connect with a saved connection' },
		{
			name: 'Test Definition',
			value: 'testDefinition',
			action: 'Test a connection definition',
			description: 'Ask AWS Glue to connect with a definition before saving it',
		},
		{ name: 'Update', value: 'update', action: 'Update a connection', description: 'Replace the whole definition of a connection' },
	],
};

// The form reads top to bottom: operation, which connection, its definition, then each
// operation's own fields and the options every operation shares.
export const description: INodeProperties[] = [
	operationField,
	nameField,
	connectionField,
	...update.description,
	...definitionFields,
	hidePasswordField,
	...getMany.description,
	optionsField,
];
