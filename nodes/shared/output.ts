/** Sets a member as Object.fromEntries does: a key "__proto__" (AWS returns user-chosen keys) stays data. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
	else target[key] = value;
}

/** Dates become ISO strings, and undefined members and the SDK's $metadata disappear, recursively. */
export function toJson(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map(toJson);
	if (value && typeof value === 'object') {
		// A loop, not entries/filter/map/fromEntries: this runs for every output item.
		const json: Record<string, unknown> = {};
		for (const key of Object.keys(value)) {
			const member = (value as Record<string, unknown>)[key];
			if (member !== undefined && key !== '$metadata') setOwn(json, key, toJson(member));
		}
		return json;
	}
	return value;
}
