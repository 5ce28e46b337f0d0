import type { INodeProperties } from 'n8n-workflow';

import { connectionOperationField } from '../../../shared/descriptions';
import { resourceProperties } from '../../../shared/form';
import { checkedOperations } from '../../../shared/router';
import type { GlueService } from '../../transport';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deleteConnection from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reconcile from './reconcile.operation';
import * as testConnection from './testConnection.operation';
import * as testDefinition from './testDefinition.operation';
import * as update from './update.operation';

// In this order the form reads top to bottom as it always has: the connection's name (or which
// connection), its definition, then each operation's own fields and the options.
export const operations = checkedOperations<GlueService>()({ create, createOrUpdate, update, delete: deleteConnection, get, getMany, testConnection, testDefinition, reconcile });

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

/** Every operation's fields, each once, shown for the operations that list it (the Connection Type resource has operations of the same names). */
export const description: INodeProperties[] = resourceProperties(operationField, operations, 'connection');
