/**
 * Tool mode: our nodes run as tools of an AI Agent or an MCP Server Trigger. n8n turns every node
 * with `usableAsTool` into a second node type, `<node>Tool`, whose parameters may hold `$fromAI()`
 * expressions the model fills. Both routes run the very same execute(): the Agent's engine runs the
 * tool node with one item, the MCP trigger calls it with one item as well. The only reliable sign
 * of tool mode is the node's type name (n8n's own `@tool` display condition tests the same).
 *
 * What changes in tool mode (saved workflows outside it keep today's output):
 * - the tool's description, per operation, says what it does, needs and returns (toolDescriptionFields);
 * - resource and operation are the ones the author chose: never an expression ($fromAI included);
 * - destructive operations are refused unless the author allows them (allowInToolModeField);
 * - secrets only by reference: a typed secret is refused, passwords are never returned;
 * - output is compact (name, type, state, differences) and lists are bounded;
 * - errors are one short message naming the field (and its $fromAI key) and a valid value.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputProblem } from './validation';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** At most this many connections in one Get Many answer to a model: a list must not flood its context. */
export const TOOL_LIST_LIMIT = 25;
/** The boolean the author switches on to let a model run a destructive operation. */
export const ALLOW_IN_TOOL_MODE = 'allowInToolMode';

/** Whether the node runs as a tool (AI Agent or MCP Server Trigger): its type is the `…Tool` variant. */
export function isToolMode(ctx: { getNode(): INode }): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** Said by every tool description of an operation that writes secrets. */
export const NO_SECRETS_NOTE =
	'Never pass passwords, API keys or client secrets: they come from AWS Secrets Manager or an n8n credential the workflow author chose.';

/**
 * The tool's description for one operation (listed first by the operation file), shown only on
 * the Tool variant and editable there. n8n gives a model this text; without it the model reads
 * only "Create a connection in AWS Glue Connection". Say what it does, needs and returns.
 */
export function toolDescriptionField(text: string): INodeProperties {
	return {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: text,
		required: true,
		typeOptions: { rows: 4 },
		description: 'What the AI model reads about this tool: what it does, what it needs, what it returns',
		displayOptions: { show: { '@tool': [true] } },
	};
}

/**
 * The author's switch for a destructive operation (listed by its operation file; shown only on
 * the Tool variant, and under `show` when given, e.g. a Reconcile mode). While off, a model's call
 * is refused before anything is sent to AWS.
 */
export function allowInToolModeField(what: string, show: Show = {}): INodeProperties {
	return {
		displayName: 'Allow in AI Tool Mode',
		name: ALLOW_IN_TOOL_MODE,
		type: 'boolean',
		default: false,
		description: `Whether an AI agent or MCP client may run ${what}. Off: the call is refused and nothing is sent to AWS.`,
		displayOptions: { show: { '@tool': [true], ...show } },
	};
}

/** A refusal in tool mode: a short message a model can act on, nothing sent to AWS. */
export function toolModeRefusal(node: INode, message: string): NodeOperationError {
	return new NodeOperationError(node, message, { description: 'Nothing was sent to AWS.' });
}

/**
 * Refuses a destructive call in tool mode unless the author switched "Allow in AI Tool Mode" on.
 * The field's own display conditions say which operations (and modes) are destructive: where it
 * is shown, n8n has resolved it to the author's choice (false by default); elsewhere it is absent.
 */
export function checkDestructiveAllowed(ctx: IExecuteFunctions, what: string): void {
	if (!isToolMode(ctx)) return;
	const allowed = ctx.getNodeParameter(ALLOW_IN_TOOL_MODE, 0, 'absent') as unknown;
	if (allowed === 'absent' || allowed === true) return;
	throw toolModeRefusal(
		ctx.getNode(),
		`${what} is not allowed for AI tools in this workflow: the author has not switched on "Allow in AI Tool Mode". Do not retry; tell the user it must be done by a person.`,
	);
}

/** An expression, as stored ("={{ … }}") or as n8n leaves a no-expression field ("{{ … }}", the "=" dropped). */
const isExpression = (value: unknown) => typeof value === 'string' && (value.startsWith('=') || value.includes('{{'));

/**
 * The operation a model can run is the one the author chose: a Resource or Operation given as an
 * expression ($fromAI or any other) is refused in tool mode, so a model cannot widen a Get tool
 * into a Delete. (n8n does not evaluate expressions in these fields anyway; this says so clearly.)
 */
export function checkChosenByAuthor(ctx: IExecuteFunctions): void {
	if (!isToolMode(ctx)) return;
	const { parameters } = ctx.getNode();
	for (const [name, label] of [
		['resource', 'Resource'],
		['operation', 'Operation'],
	] as const) {
		if (isExpression(parameters[name])) {
			throw toolModeRefusal(ctx.getNode(), `${label} must be chosen by the workflow author in an AI tool, not set by an expression or the model.`);
		}
	}
}

/**
 * Secrets only by reference in tool mode: a secret typed into the node (by the author, or by the
 * model through $fromAI) is refused; AWS Secrets Manager or the AWS Connection Secret credential
 * supply it. `typedSecrets` are the secret values the item holds as text.
 */
export function checkSecretsByReference(ctx: IExecuteFunctions, typedSecrets: readonly string[]): void {
	if (!isToolMode(ctx) || typedSecrets.length === 0) return;
	throw toolModeRefusal(
		ctx.getNode(),
		'Secrets cannot be typed in an AI tool: the workflow author must set "Secret Values From" to AWS Secrets Manager or an AWS Connection Secret credential. Do not pass passwords or keys.',
	);
}

const SUMMARY_KEYS = ['action', 'changed', 'dryRun', 'differences', 'deleted', 'success', 'plan', 'summary', 'error'];

/**
 * A compact view of one result for a model: name, type, state, and what was done or would change.
 * An AWS-shaped answer (Get) keeps its name, type, state and ARN, and its definition: the node's
 * one view of a connection (`view`: its request shape, every non-secret setting, no bookkeeping),
 * or without one (a connection type) its description and properties. A write's summary keeps its
 * own keys (action, differences, plan) without times. Secrets are never in either: Get hides them
 * in tool mode, and the view holds none.
 */
export function toolSummary(json: IDataObject, view?: (json: IDataObject) => IDataObject): IDataObject {
	const awsShaped = 'Name' in json || 'ConnectionArn' in json || 'ConnectionType' in json;
	if (!awsShaped) {
		return Object.fromEntries(Object.entries(json).filter(([key]) => !/Time$/.test(key))) as IDataObject;
	}
	const summary: IDataObject = {
		name: json.Name,
		type: json.ConnectionType ?? json.AuthorizationType,
		state: json.Status ?? json.ConnectionState,
		stateReason: json.StatusReason ?? json.StateReason,
		// An EventBridge connection's ARN is what an API destination needs next.
		arn: json.ConnectionArn,
		...(view ? { definition: view(json) } : { description: json.Description, properties: json.ConnectionProperties }),
	};
	for (const key of SUMMARY_KEYS) if (key in json) summary[key] = json[key];
	return Object.fromEntries(Object.entries(summary).filter(([, value]) => value !== undefined && value !== '')) as IDataObject;
}

/** How many a list operation fetches in tool mode: up to the cap, and one more to know there are more. */
export function toolListFetchLimit(ctx: { getNode(): INode }, limit: number): number {
	return isToolMode(ctx) ? Math.min(limit, TOOL_LIST_LIMIT) + 1 : limit;
}

/**
 * A list operation's answer: outside tool mode the items themselves; in tool mode one item with
 * the first `limit` (at most TOOL_LIST_LIMIT) as summaries and whether there are more.
 */
export function toolListOutput(ctx: { getNode(): INode }, items: IDataObject[], limit: number, key = 'connections'): IDataObject[] {
	if (!isToolMode(ctx)) return items;
	const shown = Math.min(limit, TOOL_LIST_LIMIT);
	const more = items.length > shown;
	return [
		{
			[key]: items.slice(0, shown).map((json) => toolSummary(json)).map(({ name, type, state }) => ({ name, type, state }) as IDataObject),
			returned: Math.min(items.length, shown),
			more,
			...(more ? { hint: `Only the first ${shown} are listed: filter (e.g. by type) or Get one by its exact name.` } : {}),
		},
	];
}

/** The `$fromAI('key', …)` key of a parameter value, if the model fills it. */
function fromAiKey(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	return /\$fromAI\(\s*(['"`])([^'"`]+)\1/.exec(value)?.[2];
}

/** The first `$fromAI` key anywhere inside a parameter value (a locator's value, a mapper's column). */
function firstFromAiKey(value: unknown): string | undefined {
	const key = fromAiKey(value);
	if (key || !value || typeof value !== 'object') return key;
	for (const inner of Object.values(value)) {
		const found = firstFromAiKey(inner);
		if (found) return found;
	}
	return undefined;
}

/** The `$fromAI` key of each parameter (and each member of a collection or mapper) the model fills. */
function fromAiKeys(parameters: Record<string, unknown>, out = new Map<string, string>()): Map<string, string> {
	for (const [name, value] of Object.entries(parameters)) {
		const key = firstFromAiKey(value);
		if (!key) continue;
		if (!out.has(name)) out.set(name, key);
		if (value && typeof value === 'object' && !Array.isArray(value)) fromAiKeys(value as Record<string, unknown>, out);
	}
	return out;
}

function findProperty(properties: readonly INodeProperties[], displayName: string): INodeProperties | undefined {
	for (const property of properties) {
		if (property.displayName === displayName) return property;
		const inner = [...((property.options ?? []) as unknown[]), ...(((property as { values?: unknown[] }).values ?? []) as unknown[])];
		const found = findProperty(inner.filter((entry): entry is INodeProperties => !!(entry as INodeProperties)?.displayName && 'type' in (entry as object)), displayName);
		if (found) return found;
	}
	return undefined;
}

/** What a valid value looks like, from the field's placeholder ("e.g. sales-postgres"). */
function exampleOf(property: INodeProperties | undefined): string | undefined {
	const placeholder = property?.placeholder ?? property?.modes?.find((mode) => mode.name === 'name')?.placeholder;
	if (!placeholder || !/^e\.g\. /.test(placeholder)) return undefined;
	return placeholder.slice('e.g. '.length);
}

/**
 * An error for a model: one short message, no item numbers, no form instructions. A problem with
 * an input names the field, the `$fromAI` key the model filled (when it did) and an example of a
 * valid value; nothing was sent to AWS. AWS's own errors keep their code and message.
 */
export function toolModeError(
	node: INode,
	error: unknown,
	properties: readonly INodeProperties[] = [],
): NodeOperationError | NodeApiError {
	if (error instanceof InputProblem) {
		const field = error.field.split(' › ')[0];
		const property = findProperty(properties, field);
		const keys = fromAiKeys(node.parameters);
		const key = (property && keys.get(property.name)) ?? [...keys.values()].find((candidate) => candidate.replace(/_/g, ' ').toLowerCase() === field.toLowerCase());
		const example = exampleOf(property);
		const parts = [
			`${key ? `Input "${key}" (field ${error.field})` : `Field ${error.field}`}: ${error.problem}.`,
			example ? `A valid value looks like: ${example}.` : '',
			'Nothing was sent to AWS; correct the input and call the tool again.',
		];
		return new NodeOperationError(node, parts.filter(Boolean).join(' '));
	}
	if (error instanceof NodeApiError) {
		error.description = null;
		return error;
	}
	if (error instanceof NodeOperationError) {
		error.message = error.message.replace(/ \(item \d+\)$/, '');
		// A form instruction ("Check the … field of item 0") means nothing to a model.
		if (error.description && /item \d+/.test(error.description)) error.description = 'Nothing was sent to AWS.';
		return error;
	}
	return new NodeOperationError(node, error as Error);
}
