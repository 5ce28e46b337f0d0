import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Reads the named parameters of one item into a plain object for the pure mapping functions.
 * n8n drops parameters that are hidden by displayOptions, so a hidden field is simply absent.
 */
export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: Array<Pick<INodeProperties, 'name' | 'type'>>,
): Record<string, unknown> {
	const bag: Record<string, unknown> = {};
	for (const { name, type } of fields) {
		if (name in bag) continue;
		// A fallback of null (undefined means "no fallback" to n8n): hidden fields come back as null.
		const value = ctx.getNodeParameter(name, itemIndex, null, {
			extractValue: type === 'resourceLocator',
		}) as unknown;
		if (value !== null && value !== undefined) bag[name] = value;
	}
	return bag;
}

/** A resource locator's value (its name), trimmed. */
export function locatorValue(ctx: IExecuteFunctions, itemIndex: number, name = 'connection'): string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return typeof value === 'string' ? value.trim() : String(value ?? '');
}
