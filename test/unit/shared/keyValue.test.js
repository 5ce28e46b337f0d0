const { toEntries, toStringMap, toList, keyValueCollection } = require('../../../nodes/shared/keyValue');
const { InputProblem } = require('../../../nodes/shared/validation');

const rows = (...pairs) => ({ pairs: pairs.map(([key, value, isValueSecret]) => ({ key, value, isValueSecret })) });

test('toStringMap turns rows into a map and an empty collection into undefined', () => {
	expect(toStringMap(rows([' team ', 'data'], ['env', 'prod']), 'Tags')).toEqual({ team: 'data', env: 'prod' });
	expect(toStringMap({}, 'Tags')).toBeUndefined();
	expect(toStringMap(undefined, 'Tags')).toBeUndefined();
});

test('empty and duplicate keys are refused, naming the field', () => {
	expect(() => toStringMap(rows(['', 'x']), 'Tags')).toThrow(new InputProblem('Tags', 'entry 1 has no key'));
	expect(() => toStringMap(rows(['a', '1'], ['a', '2']), 'Tags')).toThrow(/Tags: key "a" appears more than once/);
});

test('the entry limit is enforced', () => {
	const many = rows(...Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']));
	expect(() => toEntries(many, 'Header Parameters', 100)).toThrow(/at most 100 entries \(it has 101\)/);
	expect(toEntries(rows(['a', 'b']), 'Header Parameters', 100)).toHaveLength(1);
});

test('the secret flag is kept when the collection has it', () => {
	expect(toEntries(rows(['a', 'b', true], ['c', 'd', false]), 'X')).toEqual([
		{ key: 'a', value: 'b', isValueSecret: true },
		{ key: 'c', value: 'd', isValueSecret: false },
	]);
});

test('toList splits commas and newlines and accepts arrays', () => {
	expect(toList('a, b,,\nc ')).toEqual(['a', 'b', 'c']);
	expect(toList([' x ', '', 'y'])).toEqual(['x', 'y']);
	expect(toList(undefined)).toEqual([]);
});

test('keyValueCollection adds the "Value Is Secret" toggle only when asked', () => {
	const plain = keyValueCollection({ name: 'tags', displayName: 'Tags', description: 'd' });
	const secret = keyValueCollection({ name: 'headers', displayName: 'Headers', description: 'd', withSecretFlag: true });
	expect(plain.options[0].values.map((v) => v.name)).toEqual(['key', 'value']);
	expect(secret.options[0].values.map((v) => v.name)).toEqual(['key', 'value', 'isValueSecret']);
});
