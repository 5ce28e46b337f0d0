// The output helpers every item goes through: what they keep and drop, including user-chosen keys
// that AWS returns (tags, connection properties), which may be any text.
const { isoTime, toJson } = require('../../../nodes/shared/output');
const { compact } = require('../../../nodes/shared/validation');

test('toJson: dates as ISO text, undefined members and $metadata dropped, lists and nested objects kept', () => {
	const answer = {
		Name: 'sales',
		CreationTime: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
		Description: undefined,
		$metadata: { httpStatusCode: 200 },
		Tags: { team: 'data', empty: '' },
		List: [new Date(0), { Nested: undefined, Kept: null }],
	};
	expect(toJson(answer)).toEqual({
		Name: 'sales',
		CreationTime: '2026-01-02T03:04:05.000Z',
		Tags: { team: 'data', empty: '' },
		List: ['1970-01-01T00:00:00.000Z', { Kept: null }],
	});
	expect(Object.keys(toJson(answer))).toEqual(['Name', 'CreationTime', 'Tags', 'List']);
});

test('toJson and compact keep a "__proto__" key as a member, never as the prototype', () => {
	const fromAws = JSON.parse('{"Tags": {"__proto__": {"polluted": "yes"}, "team": "data"}}');
	const json = toJson(fromAws);
	expect(Object.getPrototypeOf(json.Tags)).toBe(Object.prototype);
	expect(Object.keys(json.Tags)).toEqual(['__proto__', 'team']);
	expect(json.Tags.polluted).toBeUndefined();
	const compacted = compact(JSON.parse('{"__proto__": {"polluted": "yes"}, "gone": null}'));
	expect(Object.getPrototypeOf(compacted)).toBe(Object.prototype);
	expect(Object.keys(compacted)).toEqual(['__proto__', 'gone']);
	expect(compact({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
	expect(Object.keys(compact({ a: 1, b: undefined, c: null }))).toEqual(['a', 'c']);
});

test('isoTime gives exactly what toISOString gives: across 4,000 years, at every millisecond width, at the edges; an invalid date throws as it does', () => {
	const edges = [0, -1, 1, 9, 10, 99, 100, 999, Date.UTC(1000, 0, 1), Date.UTC(1000, 0, 1) - 1, Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), 8.64e15, -8.64e15];
	// A fixed walk over the range (no random draw: the same dates every run).
	const walk = Array.from({ length: 20000 }, (_, i) => -62e12 + i * 9_700_123_457 + (i % 1000));
	for (const time of [...edges, ...walk]) expect(isoTime(new Date(time))).toBe(new Date(time).toISOString());
	expect(() => isoTime(new Date(NaN))).toThrow(RangeError);
});
