const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { describeAwsError, redact, toNodeApiError, inputError } = require('../../../nodes/shared/errors');

const node = { id: '1', name: 'Glue', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

function awsError(name, message, requestId = 'req-123', httpStatusCode = 400) {
	const error = new Error(message);
	error.name = name;
	error.$metadata = { requestId, httpStatusCode };
	error.$fault = 'client';
	return error;
}

test('an AWS error keeps its code, message and request ID', () => {
	const error = toNodeApiError(node, awsError('AlreadyExistsException', 'Connection already exists.'), 2);
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toBe('AlreadyExistsException: Connection already exists.');
	expect(error.description).toContain('req-123');
	expect(error.httpCode).toBe('400');
	expect(error.context.itemIndex).toBe(2);
});

test('secrets given are redacted from the message', () => {
	const error = toNodeApiError(node, awsError('ValidationException', 'bad value hunter2-secret in field'), 0, ['hunter2-secret']);
	expect(error.message).not.toContain('hunter2-secret');
	expect(error.message).toContain('[redacted]');
	expect(redact('abc', ['ab'])).toBe('abc'); // too short to be a secret worth redacting
});

test('a non-AWS body (HTML from an emulator or proxy) is reported as such', () => {
	const error = awsError('SyntaxError', 'Unexpected token < in JSON', undefined, 500);
	expect(describeAwsError(error)).toMatchObject({ code: 'UnexpectedResponse', httpStatusCode: 500 });
});

test('node errors pass through unchanged', () => {
	const original = new NodeOperationError(node, 'x');
	expect(toNodeApiError(node, original, 0)).toBe(original);
});

test('inputError names the field and the item', () => {
	const error = inputError(node, 3, 'Host', 'is required');
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toBe('Host: is required (item 3)');
	expect(error.context.itemIndex).toBe(3);
});
