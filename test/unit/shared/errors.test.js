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

test("an attempt AWS did not answer in time is told in the node's terms: no answer, or no connection, within the Request Timeout", () => {
	const timeout = (message, attempts) => Object.assign(new Error(message), { name: 'TimeoutError', $metadata: { attempts } });
	// The SDK's HTTP handler's own words (@smithy/node-http-handler), after the retries.
	const noAnswer = timeout('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 20000 ms requestTimeout.', 3);
	expect(describeAwsError(noAnswer)).toEqual({ code: 'TimeoutError', message: 'No answer from the AWS endpoint within 20 s (Request Timeout) on any of 3 attempts' });
	const noConnection = timeout('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 1500 ms.', 1);
	expect(describeAwsError(noConnection).message).toBe('Could not connect to the AWS endpoint within 1.5 s (Request Timeout)');
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

describe('maskedNode: the copy of the node an error carries', () => {
	const { maskedNode, MASKED } = require('../../../nodes/shared/errors');
	const SECRET = 'typed-secret-never-stored';
	const node = (parameters) => ({ id: 'n1', name: 'AWS', type: 'x', typeVersion: 1, position: [0, 0], parameters });

	test('Glue: password fields and every Custom Credentials value are masked; the rest stays; the node itself is untouched', () => {
		const parameters = {
			operation: 'create',
			jdbcUsername: 'etl',
			jdbcPassword: SECRET,
			authOauth2ClientSecret: `${SECRET}-oauth`,
			authCustomCredentials: { pairs: [{ key: 'token', value: `${SECRET}-custom` }] },
			kafkaSaslScramPassword: '',
			jdbcPasswordFromSecretsManager: 'prod/db',
		};
		const original = node(parameters);
		const masked = maskedNode(original);
		expect(masked.parameters).toEqual({
			operation: 'create',
			jdbcUsername: 'etl',
			jdbcPassword: MASKED,
			authOauth2ClientSecret: MASKED,
			authCustomCredentials: { pairs: [{ key: 'token', value: MASKED }] },
			kafkaSaslScramPassword: '',
			jdbcPasswordFromSecretsManager: 'prod/db',
		});
		expect(JSON.stringify(masked)).not.toContain(SECRET);
		expect(original.parameters.jdbcPassword).toBe(SECRET);
	});

	test('EventBridge: the API key, the client secret and rows marked secret at any depth; rows not marked stay', () => {
		const parameters = {
			apiKeyValue: SECRET,
			oauthClientSecret: `${SECRET}-client`,
			oauthOptions: { oauthHeaders: { pairs: [{ key: 'x-a', value: `${SECRET}-oauth-row`, isValueSecret: true }] } },
			additionalFields: {
				description: 'kept',
				invocationHeaders: {
					pairs: [
						{ key: 'x-token', value: `${SECRET}-row`, isValueSecret: true },
						{ key: 'x-tenant', value: 'acme', isValueSecret: false },
					],
				},
			},
		};
		const masked = maskedNode(node(parameters)).parameters;
		expect(JSON.stringify(masked)).not.toContain(SECRET);
		expect(masked.additionalFields.description).toBe('kept');
		expect(masked.additionalFields.invocationHeaders.pairs[1]).toEqual({ key: 'x-tenant', value: 'acme', isValueSecret: false });
		expect(masked.additionalFields.invocationHeaders.pairs[0].value).toBe(MASKED);
	});
});
