import type { INodeProperties } from 'n8n-workflow';

import { connectionOperationField } from '../../../shared/descriptions';
import type { Operation } from '../../../shared/router';
import { definitionFields, nameField } from '../../common/definition';
import type { EventBridgeService } from '../../transport';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deauthorize from './deauthorize.operation';
import * as deleteConnection from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import { connectionField, optionsField } from './shared';
import * as update from './update.operation';

export const operations: Record<string, Operation<EventBridgeService>> = {
	create,
	createOrUpdate,
	deauthorize,
	delete: deleteConnection,
	get,
	getMany,
	update,
};

const operationField = connectionOperationField([
	{ name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a new connection (the name must be free)' },
	{ name: 'Deauthorize', value: 'deauthorize', action: 'Deauthorize a connection', description: 'Stop EventBridge calling its API destinations' },
	{ name: 'Update', value: 'update', action: 'Update a connection', description: 'Change only the fields you fill' },
]);

// The form reads top to bottom: operation, which connection, its definition, then the options.
export const description: INodeProperties[] = [
	operationField,
	nameField,
	connectionField,
	...definitionFields,
	...getMany.description,
	optionsField,
];
