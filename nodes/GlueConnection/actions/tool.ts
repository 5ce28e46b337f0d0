import type { INodeProperties } from 'n8n-workflow';

import { allowInToolModeField, toolDescriptionFields } from '../../shared/toolMode';

const SECRETS = 'Never pass passwords or keys: secrets come from AWS Secrets Manager or an n8n credential the workflow author chose.';

/**
 * What a model reads about this node as a tool (AI Agent or MCP client), per operation: what it
 * does, what it needs and what it returns. The author can edit each text on the Tool node.
 */
export const toolFields: INodeProperties[] = [
	...toolDescriptionFields('connection', {
		create:
			`Create a new AWS Glue Data Catalog connection. Needs a name not yet used in the catalog (1-255 characters, one line) and the connection's settings this tool asks for. ${SECRETS} Returns { name, connectionType, status, action: "created" }. Fails with AlreadyExistsException if the name is taken: use a get tool first, or pick another name.`,
		createOrUpdate:
			`Create an AWS Glue connection, or update it only where it differs from the settings this tool asks for. Needs the connection name (1-255 characters). ${SECRETS} Returns { name, connectionType, action: "created" | "updated" | "unchanged" (with Dry Run: "wouldCreate" | "wouldUpdate"), differences: the changed fields }.`,
		delete:
			'Delete an AWS Glue connection by its exact name. Only works when the workflow author allowed deletes for AI tools; otherwise the call is refused and nothing is deleted. Returns { name, deleted: true }.',
		get: 'Read one AWS Glue connection by its exact name. Returns { name, type, state, description, properties } (passwords and other secrets are never returned). Fails with EntityNotFoundException when no connection has that name.',
		getMany:
			'List AWS Glue connections (at most 25 per call), optionally filtered by connection type or match criteria as this tool asks. Returns { connections: [{ name, type, state }], returned, more }; more is true when further connections exist (filter, or get one by name).',
		testConnection:
			"Ask AWS Glue to connect with a saved connection, by its exact name. Returns { name, success: true }, or an error with AWS's reason.",
		testDefinition:
			"Ask AWS Glue to connect with connection settings before saving them. Needs the connection's settings this tool asks for. Returns { connectionType, success: true }, or an error with AWS's reason.",
		update:
			`Replace the whole definition of an existing AWS Glue connection. Needs its exact name and the complete new settings this tool asks for. ${SECRETS} Returns { name, connectionType, action: "updated" }.`,
	}),
	...toolDescriptionFields('connectionType', {
		delete: 'Delete a custom (registered) AWS Glue connection type by name. Only works when the workflow author allowed it for AI tools. Returns { connectionType, deleted: true }.',
		get: "Read AWS Glue's description of one connection type (e.g. SNOWFLAKE): its properties, which are required, and its authentication types. Returns that description.",
		getMany: 'List the connection types AWS Glue offers (at most 25 per call). Returns { connectionTypes: [{ name, type, state }], returned, more }.',
		register: 'Register a custom REST-based AWS Glue connection type from the settings this tool asks for. Returns { connectionType, connectionTypeArn, action: "registered" }.',
	}),
	allowInToolModeField({ resource: ['connection'], operation: ['delete'] }, 'Delete'),
	allowInToolModeField({ resource: ['connectionType'], operation: ['delete'] }, 'Delete'),
];
