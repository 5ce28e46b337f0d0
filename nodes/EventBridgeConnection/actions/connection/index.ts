import type { INodeProperties } from 'n8n-workflow';

import { connectionOperationField } from '../../../shared/descriptions';
import { resourceProperties } from '../../../shared/form';
import { checkedOperations } from '../../../shared/router';
import type { EventBridgeService } from '../../transport';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deauthorize from './deauthorize.operation';
import * as deleteConnection from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reconcile from './reconcile.operation';
import * as update from './update.operation';

// In this order the form reads top to bottom as it always has: the connection's name (or which
// connection), its definition, then each operation's own fields and the options.
export const operations = checkedOperations<EventBridgeService>()({ create, createOrUpdate, update, deauthorize, delete: deleteConnection, get, getMany, reconcile });

const operationField = connectionOperationField([
	{ name: 'Create', value: 'create', action: 'Create a connection', description: 'Create a new connection (the name must be free)' },
	{ name: 'Deauthorize', value: 'deauthorize', action: 'Deauthorize a connection', description: 'Stop EventBridge calling its API destinations' },
	{ name: 'Update', value: 'update', action: 'Update a connection', description: 'Change only the fields you fill' },
]);

/** Every operation's fields, each once, shown for the operations that list it. */
export const description: INodeProperties[] = resourceProperties(operationField, operations);
