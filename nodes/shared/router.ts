import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { inputError, redact, toNodeApiError } from './errors';
import { InputProblem } from './validation';

/** The AWS client and SDK module, built on first call and then reused for every item. */
export type ServiceProvider<Service> = () => Promise<Service>;

/**
 * One operation: its fields (next to its code) and what it does for one item. It validates its
 * input before it asks for the service, so bad input never causes an AWS call (not even STS).
 */
export interface Operation<Service> {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		service: ServiceProvider<Service>,
	): Promise<IDataObject | IDataObject[]>;
}

function once<T>(factory: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return async () => {
		pending ??= factory().catch((error: unknown) => {
			pending = undefined;
			throw error;
		});
		return await pending;
	};
}

/** Names of the top-level password fields: their values are redacted from error messages. */
export function secretFieldNames(properties: INodeProperties[]): string[] {
	return properties.filter((p) => p.typeOptions?.password === true).map((p) => p.name);
}

function secretValues(ctx: IExecuteFunctions, itemIndex: number, names: string[]): string[] {
	return names
		.map((name) => {
			try {
				return ctx.getNodeParameter(name, itemIndex, '') as unknown;
			} catch {
				return '';
			}
		})
		.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, secrets: string[]) {
	const node = ctx.getNode();
	if (error instanceof InputProblem) return inputError(node, itemIndex, error.field, error.problem);
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		error.message = redact(error.message, secrets);
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return toNodeApiError(node, error, itemIndex, secrets);
}

/**
 * The per-item loop of both nodes: runs the chosen operation for every input item, pairs each
 * output with its input item, and with "Continue On Fail" turns a failure into an error item.
 * The service (AWS client and SDK module) is built once by the caller, never per item.
 */
export async function runPerItem<Service>(
	ctx: IExecuteFunctions,
	operation: Operation<Service>,
	getService: () => Promise<Service>,
	secretFields: string[],
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	const service = once(getService);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(ctx, itemIndex, service);
			output.push(
				...ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError = toNodeError(ctx, error, itemIndex, secretValues(ctx, itemIndex, secretFields));
			if (!ctx.continueOnFail()) throw nodeError;
			const json: IDataObject = { error: nodeError.message };
			if (nodeError.description) json.description = nodeError.description;
			output.push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
