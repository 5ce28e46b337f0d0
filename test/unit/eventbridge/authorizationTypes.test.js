// The pure mapping from node parameters to the SDK input, per authorization type, and every
// validation rule (passing and failing). No n8n, no SDK calls.
const { authorizationTypes, authorizationTypeFor, authorizationFields } = require('../../../nodes/EventBridgeConnection/authorizationTypes');
const { buildCreateRequest, buildUpdateRequest, connectionName } = require('../../../nodes/EventBridgeConnection/common/definition');
const { EVENTBRIDGE_AUTHORIZATION_TYPES } = require('../../../nodes/shared/sdkEnums.generated');
const { InputProblem } = require('../../../nodes/shared/validation');

const rows = (...entries) => ({ pairs: entries.map(([key, value, isValueSecret = false]) => ({ key, value, isValueSecret })) });
const problem = (fn) => {
	try {
		fn();
	} catch (error) {
		if (error instanceof InputProblem) return error.message;
		throw error;
	}
	throw new Error('expected an InputProblem');
};
const basic = { name: 'c1', authorizationType: 'BASIC', basicUsername: 'svc', basicPassword: 'pw' };
const oauth = {
	name: 'c2',
	authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
	oauthClientId: 'id-1',
	oauthClientSecret: 's-1',
	oauthAuthorizationEndpoint: 'https://auth.example.com/token',
	oauthHttpMethod: 'GET',
};
const RCFG = 'arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0';

describe('the registry', () => {
	test('has exactly one module per SDK authorization type, keyed by its value', () => {
		expect(Object.keys(authorizationTypes).sort()).toEqual([...EVENTBRIDGE_AUTHORIZATION_TYPES].sort());
		for (const [key, type] of Object.entries(authorizationTypes)) expect(type.value).toBe(key);
	});

	test("each type's fields show only for that type, and secrets are password fields", () => {
		for (const type of Object.values(authorizationTypes)) {
			for (const field of type.fields) expect(field.displayOptions.show.authorizationType).toEqual([type.value]);
		}
		const passwords = authorizationFields.filter((field) => field.typeOptions?.password).map((field) => field.name);
		expect([...new Set(passwords)].sort()).toEqual(['apiKeyValue', 'basicPassword', 'oauthClientSecret']);
	});

	test('an unknown type is an input problem', () => {
		expect(problem(() => authorizationTypeFor('DIGEST'))).toBe('Authorization Type: must be one of API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS');
		expect(problem(() => authorizationTypeFor(''))).toBe('Authorization Type: is required');
	});
});

describe('create mapping', () => {
	test('BASIC', () => {
		expect(buildCreateRequest(basic)).toEqual({
			Name: 'c1',
			AuthorizationType: 'BASIC',
			AuthParameters: { BasicAuthParameters: { Username: 'svc', Password: 'pw' } },
		});
	});

	test('API_KEY', () => {
		expect(buildCreateRequest({ name: 'k', authorizationType: 'API_KEY', keyHeaderName: ' x-api-key ', apiKeyValue: 'v' })).toEqual({
			Name: 'k',
			AuthorizationType: 'API_KEY',
			AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'v' } },
		});
	});

	test('OAUTH_CLIENT_CREDENTIALS with OAuth parameters and a private endpoint', () => {
		const request = buildCreateRequest({
			...oauth,
			oauthOptions: { oauthQueryString: rows(['scope', 'events']), oauthBody: rows(['aud', 'x', true]), resourceConfigurationArn: RCFG },
		});
		expect(request.AuthParameters).toEqual({
			OAuthParameters: {
				ClientParameters: { ClientID: 'id-1', ClientSecret: 's-1' },
				AuthorizationEndpoint: 'https://auth.example.com/token',
				HttpMethod: 'GET',
				OAuthHttpParameters: {
					QueryStringParameters: [{ Key: 'scope', Value: 'events', IsValueSecret: false }],
					BodyParameters: [{ Key: 'aud', Value: 'x', IsValueSecret: true }],
				},
			},
			ConnectivityParameters: { ResourceParameters: { ResourceConfigurationArn: RCFG } },
		});
	});

	test('fields of another type are ignored (they are hidden in the form)', () => {
		expect(buildCreateRequest({ ...basic, apiKeyValue: 'stale', oauthClientSecret: 'stale' }).AuthParameters).toEqual({
			BasicAuthParameters: { Username: 'svc', Password: 'pw' },
		});
	});

	test('secrets are kept as typed (spaces may matter); other values are trimmed', () => {
		expect(buildCreateRequest({ ...basic, basicUsername: ' svc ', basicPassword: ' p w ' }).AuthParameters.BasicAuthParameters).toEqual({
			Username: 'svc',
			Password: ' p w ',
		});
	});

	test.each([
		[{ ...basic, basicUsername: '' }, 'Username: is required'],
		[{ ...basic, basicPassword: '   ' }, 'Password: is required'],
		[{ name: 'k', authorizationType: 'API_KEY', apiKeyValue: 'v' }, 'API Key Header Name: is required'],
		[{ name: 'k', authorizationType: 'API_KEY', keyHeaderName: 'x' }, 'API Key Value: is required'],
		[{ ...oauth, oauthClientId: '' }, 'Client ID: is required'],
		[{ ...oauth, oauthClientSecret: '' }, 'Client Secret: is required'],
		[{ ...oauth, oauthAuthorizationEndpoint: '' }, 'Authorization Endpoint: is required'],
		[{ ...oauth, oauthHttpMethod: '' }, 'HTTP Method: is required'],
	])('a missing required field of the type: %#', (bag, message) => {
		expect(problem(() => buildCreateRequest(bag))).toBe(message);
	});
});

describe('validation rules', () => {
	test.each([
		['a', true],
		['orders.api-v2_prod', true],
		['x'.repeat(64), true],
		['', 'Name: is required'],
		['x'.repeat(65), 'Name: must be 1 to 64 characters long (it has 65)'],
		['has space', 'Name: must be 1 to 64 letters, digits, dots, dashes or underscores'],
		['slash/name', 'Name: must be 1 to 64 letters, digits, dots, dashes or underscores'],
	])('name %p', (name, expected) => {
		if (expected === true) expect(connectionName(name)).toBe(name);
		else expect(problem(() => connectionName(name))).toBe(expected);
	});

	test('description: up to 512 characters', () => {
		expect(buildCreateRequest({ ...basic, additionalFields: { description: 'd'.repeat(512) } }).Description).toHaveLength(512);
		expect(problem(() => buildCreateRequest({ ...basic, additionalFields: { description: 'd'.repeat(513) } }))).toBe(
			'Description: must be 0 to 512 characters long (it has 513)',
		);
	});

	test('auth header values: at most 512 characters, no colon or control character', () => {
		expect(buildCreateRequest({ ...basic, basicUsername: 'u'.repeat(512) }).AuthParameters.BasicAuthParameters.Username).toHaveLength(512);
		expect(problem(() => buildCreateRequest({ ...basic, basicUsername: 'u'.repeat(513) }))).toBe('Username: must be 1 to 512 characters long (it has 513)');
		expect(problem(() => buildCreateRequest({ ...basic, basicUsername: 'a:b' }))).toBe('Username: must be text without control characters or colons');
		expect(problem(() => buildCreateRequest({ ...basic, basicPassword: 'a\nb' }))).toBe('Password: must be text without control characters or colons');
	});

	test('authorization endpoint: an https URL', () => {
		expect(buildCreateRequest({ ...oauth, oauthAuthorizationEndpoint: 'https://a.example.com/t?x=1' }).AuthParameters.OAuthParameters.AuthorizationEndpoint).toBe(
			'https://a.example.com/t?x=1',
		);
		expect(problem(() => buildCreateRequest({ ...oauth, oauthAuthorizationEndpoint: 'http://a.example.com/t' }))).toBe('Authorization Endpoint: must be an https URL');
		expect(problem(() => buildCreateRequest({ ...oauth, oauthAuthorizationEndpoint: 'https://a.example.com/a b' }))).toMatch(/^Authorization Endpoint: must be a URL without spaces/);
		expect(problem(() => buildCreateRequest({ ...oauth, oauthAuthorizationEndpoint: `https://a.example.com/${'p'.repeat(2048)}` }))).toMatch(/must be 1 to 2048 characters long/);
	});

	test('HTTP method: GET, POST or PUT', () => {
		expect(buildCreateRequest({ ...oauth, oauthHttpMethod: 'PUT' }).AuthParameters.OAuthParameters.HttpMethod).toBe('PUT');
		expect(problem(() => buildCreateRequest({ ...oauth, oauthHttpMethod: 'PATCH' }))).toBe('HTTP Method: must be one of GET, POST, PUT');
	});

	test('HTTP parameters: at most 100 per list, unique non-empty keys, header keys and values as the model allows', () => {
		const many = (n) => rows(...Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
		expect(buildCreateRequest({ ...basic, additionalFields: { invocationHeaders: many(100) } }).AuthParameters.InvocationHttpParameters.HeaderParameters).toHaveLength(100);
		expect(problem(() => buildCreateRequest({ ...basic, additionalFields: { invocationBody: many(101) } }))).toBe(
			'Invocation Body Parameters: accepts at most 100 entries (it has 101)',
		);
		expect(problem(() => buildCreateRequest({ ...basic, additionalFields: { invocationHeaders: rows(['a', '1'], ['a', '2']) } }))).toBe(
			'Invocation Header Parameters: key "a" appears more than once',
		);
		expect(problem(() => buildCreateRequest({ ...basic, additionalFields: { invocationQueryString: rows(['', '1']) } }))).toBe(
			'Invocation Query String Parameters: entry 1 has no key',
		);
		expect(problem(() => buildCreateRequest({ ...basic, additionalFields: { invocationHeaders: rows(['bad key', '1']) } }))).toBe(
			'Invocation Header Parameters: must be keys made of allowed characters only',
		);
		expect(problem(() => buildCreateRequest({ ...oauth, oauthOptions: { oauthHeaders: rows(['x', 'é']) } }))).toBe(
			'OAuth Header Parameters: must be values of printable characters',
		);
		// Body parameters have no pattern in the model.
		expect(buildCreateRequest({ ...basic, additionalFields: { invocationBody: rows(['any key', 'é\n']) } }).AuthParameters.InvocationHttpParameters).toEqual({
			BodyParameters: [{ Key: 'any key', Value: 'é\n', IsValueSecret: false }],
		});
	});

	test.each([
		['arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', true],
		['arn:aws:kms:eu-west-1:123456789012:alias/my-key', true],
		['1234abcd-12ab-34cd-56ef-1234567890ab', true],
		['mrk-1234abcd12ab34cd56ef1234567890ab', true],
		['alias/my-key', true],
		['arn:aws:s3:::bucket', /^KMS Key: must be an ARN of the form arn:aws:kms/],
		['my-key', 'KMS Key: must be a KMS key ARN, key ID, alias ARN or alias name (alias/…)'],
	])('KMS key %p', (key, expected) => {
		if (expected === true) expect(buildCreateRequest({ ...basic, additionalFields: { kmsKeyIdentifier: key } }).KmsKeyIdentifier).toBe(key);
		else expect(problem(() => buildCreateRequest({ ...basic, additionalFields: { kmsKeyIdentifier: key } }))).toMatch(expected);
	});

	test.each([
		[RCFG, true],
		['arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-short', false],
		['arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0', false],
	])('private endpoint (resource configuration ARN) %p', (arn, ok) => {
		const bag = { ...basic, additionalFields: { resourceConfigurationArn: arn } };
		if (ok) expect(buildCreateRequest(bag).InvocationConnectivityParameters).toEqual({ ResourceParameters: { ResourceConfigurationArn: arn } });
		else expect(problem(() => buildCreateRequest(bag))).toMatch(/^Private Endpoint \(Resource Configuration ARN\): must be a VPC Lattice resource configuration ARN/);
		const oauthBag = { ...oauth, oauthOptions: { resourceConfigurationArn: arn } };
		if (ok) expect(buildCreateRequest(oauthBag).AuthParameters.ConnectivityParameters).toEqual({ ResourceParameters: { ResourceConfigurationArn: arn } });
		else expect(problem(() => buildCreateRequest(oauthBag))).toMatch(/^Private Authorization Endpoint \(Resource Configuration ARN\): must be/);
	});
});

describe('update mapping: only what is set', () => {
	test('Keep Current with one setting', () => {
		expect(buildUpdateRequest({ authorizationType: '', additionalFields: { description: '' } }, 'c')).toEqual({ Name: 'c', Description: '' });
	});

	test.each([
		['BASIC', { basicUsername: 'u2' }, { BasicAuthParameters: { Username: 'u2' } }],
		['API_KEY', { apiKeyValue: 'v2' }, { ApiKeyAuthParameters: { ApiKeyValue: 'v2' } }],
		['OAUTH_CLIENT_CREDENTIALS', { oauthClientSecret: 's2' }, { OAuthParameters: { ClientParameters: { ClientSecret: 's2' } } }],
		['OAUTH_CLIENT_CREDENTIALS', { oauthHttpMethod: 'PUT' }, { OAuthParameters: { HttpMethod: 'PUT' } }],
	])('%s sends only the given members', (type, fields, auth) => {
		expect(buildUpdateRequest({ authorizationType: type, ...fields }, 'c')).toEqual({ Name: 'c', AuthorizationType: type, AuthParameters: auth });
	});

	test('update validates what it sends', () => {
		expect(problem(() => buildUpdateRequest({ authorizationType: 'OAUTH_CLIENT_CREDENTIALS', oauthAuthorizationEndpoint: 'ftp://x' }, 'c'))).toBe(
			'Authorization Endpoint: must be an https URL',
		);
	});
});
