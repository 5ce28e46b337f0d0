import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/form';
import { checkedOperations } from '../../../shared/router';
import type { GlueService } from '../../transport';
import * as deleteType from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as register from './register.operation';

/** The Connection Type resource: custom (REST) types, and AWS's description of every type. */
export const operations = checkedOperations<GlueService>()({ register, get, delete: deleteType, getMany });

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['connectionType'] } },
	default: 'getMany',
	options: [
		{ name: 'Delete', value: 'delete', action: 'Delete a connection type', description: 'Delete a custom connection type' },
		{ name: 'Get', value: 'get', action: 'Get a connection type', description: "Get AWS Glue's description of a connection type" },
		{ name: 'Get Many', value: 'getMany', action: 'Get many connection types', description: 'List the connection types AWS Glue offers' },
		{ name: 'Register', value: 'register', action: 'Register a connection type', description: 'Register a custom REST-based connection type' },
	],
};

export const description: INodeProperties[] = resourceProperties(operationField, operations, 'connectionType');
