// The output helpers every item goes through: what they keep and drop, including user-chosen keys
// that AWS returns (tags, connection properties), which may be any text.
const { toJson } = require('../../../nodes/shared/output');
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
