import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/** The subtitle of both nodes: "operation: resource". */
export const CONNECTION_SUBTITLE = '={{$parameter["operation"] + ": " + $parameter["resource"]}}';

const CONNECTION_RESOURCE = { name: 'Connection', value: 'connection' };

/**
 * Both nodes: the Resource field (Connection first and by default, then the node's own further
 * resources, e.g. Glue's Connection Type), inputs and outputs. Each node still writes `icon`,
 * `subtitle`, `usableAsTool` and `credentials` in its own class, where the n8n linter looks for them.
 */
export function connectionNodeDescription({
	moreResources = [],
	...node
}: {
	displayName: string;
	name: string;
	description: string;
	properties: INodeProperties[];
	moreResources?: Array<{ name: string; value: string }>;
}): Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool' | 'credentials'> {
	return {
		...node,
		group: ['output'],
		// 1.1: several items in flight at once (Options → Concurrency, default 10); 1 keeps one at a time.
		version: [1, 1.1],
		defaultVersion: 1.1,
		defaults: { name: node.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [CONNECTION_RESOURCE, ...moreResources],
				default: 'connection',
			},
			...node.properties,
		],
	};
}

/** Any of n8n's node methods (list searches, load options, resource mappers, credential tests). */
type Method = (this: never, ...args: never[]) => Promise<unknown>;
type MethodGroups = Record<string, Record<string, Method>>;

/**
 * A node's operation code, loaded on the first execution or editor call instead of when n8n
 * requires the node file at start-up (n8n loads community packages eagerly, in every process).
 * `load` is a dynamic import of the node's `<Node>.execute` module, which the build bundles as a
 * file of its own (gulpfile.js); the node file keeps only what its description needs.
 */
export function operationCode<Code extends { methods: MethodGroups }>(load: () => Promise<Code>) {
	let loaded: Promise<Code> | undefined;
	const code = async () => await (loaded ??= load());
	return {
		code,
		/**
		 * The `methods` n8n finds on the node class: one forwarder per method of the loaded module,
		 * under the same name (n8n looks methods up by name). The types make `names` list every one.
		 */
		methods(names: { [Group in keyof Code['methods']]: { [Name in keyof Code['methods'][Group]]: true } }): Code['methods'] {
			const groups: MethodGroups = {};
			for (const [group, methodNames] of Object.entries(names as Record<string, Record<string, true>>)) {
				groups[group] = {};
				for (const name of Object.keys(methodNames)) {
					groups[group][name] = async function (this: unknown, ...args: unknown[]) {
						const method = (await code()).methods[group][name] as (this: unknown, ...args: unknown[]) => Promise<unknown>;
						return await method.apply(this, args);
					};
				}
			}
			return groups as Code['methods'];
		},
	};
}
