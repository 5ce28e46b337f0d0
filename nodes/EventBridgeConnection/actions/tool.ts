import type { INodeProperties } from 'n8n-workflow';

import { allowInToolModeField, toolDescriptionFields } from '../../shared/toolMode';

const SECRETS = 'Never pass passwords, API keys or client secrets: they come from AWS Secrets Manager or an n8n credential the workflow author chose.';

/**
 * What a model reads about this node as a tool (AI Agent or MCP client), per operation: what it
 * does, what it needs and what it returns. The author can edit each text on the Tool node.
 */
export const toolFields: INodeProperties[] = [
	...toolDescriptionFields(undefined, {
		create:
			`Create a new Amazon EventBridge connection (the authorization API destinations use). Needs a name not yet used (1-64 characters: letters, digits, . - _) and the settings this tool asks for. ${SECRETS} Returns { name, state, action: "created" }; state AUTHORIZED or AUTHORIZING is normal.`,
		createOrUpdate:
			`Create an Amazon EventBridge connection, or update it only where it differs. Needs the connection name (1-64 characters: letters, digits, . - _). ${SECRETS} Returns { name, state, action: "created" | "updated" | "unchanged" (with Dry Run: "wouldCreate" | "wouldUpdate"), differences }.`,
		deauthorize:
			'Deauthorize an Amazon EventBridge connection by its exact name (EventBridge stops calling its API destinations). Only works when the workflow author allowed it for AI tools. Returns { name, state }.',
		delete:
			'Delete an Amazon EventBridge connection by its exact name. Only works when the workflow author allowed deletes for AI tools; otherwise the call is refused and nothing is deleted. Returns { name, deleted: true }.',
		get: 'Read one Amazon EventBridge connection by its exact name. Returns { name, type (authorization type), state, stateReason, description } (secrets are never returned). Fails with ResourceNotFoundException when no connection has that name.',
		getMany:
			'List Amazon EventBridge connections (at most 25 per call), optionally by name prefix or state as this tool asks. Returns { connections: [{ name, type, state }], returned, more }; more is true when further connections exist.',
		update: `Change an existing Amazon EventBridge connection: only the settings this tool asks for are changed. Needs its exact name. ${SECRETS} Returns { name, state, action: "updated" }.`,
	}),
	allowInToolModeField({ operation: ['delete'] }, 'Delete'),
	allowInToolModeField({ operation: ['deauthorize'] }, 'Deauthorize'),
];
