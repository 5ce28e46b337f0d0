/** Dates become ISO strings, and undefined members and the SDK's $metadata disappear, recursively. */
export function toJson(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map(toJson);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([key, member]) => member !== undefined && key !== '$metadata')
				.map(([key, member]) => [key, toJson(member)]),
		);
	}
	return value;
}
