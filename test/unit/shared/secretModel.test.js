// The secret model (nodes/shared/secretModel.ts): the one declaration of every secret field, checked
// against the forms both nodes really show, and what derives from it on the SDK side (locations,
// removal, replacement, values) and on the form side (rows, masking, typed texts).
const model = require('../../../nodes/shared/secretModel');
const { GlueConnection } = require('../../../nodes/GlueConnection/GlueConnection.node');
const { EventBridgeConnection } = require('../../../nodes/EventBridgeConnection/EventBridgeConnection.node');

const nodes = { glue: new GlueConnection(), eventBridge: new EventBridgeConnection() };

/** Every place in a node's form that holds a secret, found from the field definitions themselves. */
function secretPlacesOf(properties) {
	const places = new Map();
	const walk = (fields, prefix) => {
		for (const field of fields) {
			const path = prefix ? `${prefix}.${field.name}` : field.name;
			if (field.type === 'collection') walk(field.options ?? [], path);
			if (field.type === 'fixedCollection') {
				const values = (field.options ?? []).flatMap((option) => option.values ?? []);
				if (values.some((value) => value.name === 'isValueSecret')) places.set(path, { rows: 'flagged', label: field.displayName });
				else if (values.some((value) => value.typeOptions?.password)) places.set(path, { rows: 'all', label: field.displayName });
			}
			if (field.typeOptions?.password && field.type !== 'fixedCollection') places.set(path, { label: field.displayName });
		}
	};
	walk(properties, '');
	return places;
}

describe('the declaration matches the forms', () => {
	test.each(Object.keys(nodes))('%s: every password field and secret collection is declared, with its label; nothing declared is missing', (name) => {
		const places = secretPlacesOf(nodes[name].description.properties);
		const declared = model.declarationsOf(name);
		expect(places.size).toBeGreaterThan(3);
		for (const [parameter, place] of places) {
			const declaration = declared.find((candidate) => candidate.parameter === parameter);
			expect({ parameter, declared: !!declaration }).toEqual({ parameter, declared: true });
			expect(declaration.label).toBe(place.label);
			expect(Boolean(declaration.rows)).toBe(Boolean(place.rows));
			if (place.rows === 'flagged') expect(declaration.rows).toBe('flagged');
		}
		for (const declaration of declared) expect([declaration.parameter, places.has(declaration.parameter)]).toEqual([declaration.parameter, true]);
	});

	test.each(Object.keys(nodes))('%s: each single secret field offers its declared credential member by default', (name) => {
		const properties = nodes[name].description.properties;
		for (const declaration of model.declarationsOf(name).filter((candidate) => !candidate.rows)) {
			const choices = properties.filter((field) => field.name === `${declaration.parameter}${model.CREDENTIAL_SUFFIX}`);
			expect(choices.length).toBeGreaterThan(0);
			// Update's copy defaults to "Keep Current" ('').
			expect(choices.map((choice) => choice.default)).toContain(declaration.member);
			for (const choice of choices) expect([declaration.member, '']).toContain(choice.default);
		}
	});

	test('every credential member is a field of the AWS Connection Secret credential, labelled alike', () => {
		const { AwsConnectionSecretApi } = require('../../../credentials/AwsConnectionSecretApi.credentials');
		const fields = new AwsConnectionSecretApi().properties;
		for (const [member, label] of Object.entries(model.CREDENTIAL_MEMBERS)) {
			expect(fields.find((field) => field.name === member)).toMatchObject({ displayName: label, typeOptions: { password: true } });
		}
	});

	test('SDK paths: the contract\'s examples are declared', () => {
		expect(model.secretSdkPaths('glue')).toEqual(
			expect.arrayContaining(['ConnectionProperties.PASSWORD', 'AuthenticationConfiguration.BasicAuthenticationCredentials.Password', 'ConnectionProperties.ENCRYPTED_*']),
		);
		expect(model.secretSdkPaths('eventBridge')).toEqual(
			expect.arrayContaining([
				'AuthParameters.ApiKeyAuthParameters.ApiKeyValue',
				'AuthParameters.OAuthParameters.ClientParameters.ClientSecret',
				'AuthParameters.InvocationHttpParameters.HeaderParameters[IsValueSecret].Value',
			]),
		);
	});
});

const SECRET = 'model-secret-never-seen';

describe('SDK side', () => {
	const glueInput = () => ({
		Name: 'c',
		ConnectionType: 'SNOWFLAKE',
		ConnectionProperties: { HOST: 'h', PASSWORD: `${SECRET}-1`, ENCRYPTED_PASSWORD: 'enc', PRIVATE_KEY: `${SECRET}-2`, KAFKA_SASL_GSSAPI_KEYTAB: 's3://b/k' },
		AuthenticationConfiguration: {
			AuthenticationType: 'OAUTH2',
			BasicAuthenticationCredentials: { Username: 'u', Password: `${SECRET}-3` },
			CustomAuthenticationCredentials: { token: `${SECRET}-4` },
			OAuth2Properties: { TokenUrl: 'https://t', OAuth2Credentials: { AccessToken: `${SECRET}-5`, UserManagedClientApplicationClientSecret: `${SECRET}-6` }, AuthorizationCodeProperties: { AuthorizationCode: `${SECRET}-7`, RedirectUri: 'https://r' } },
		},
	});

	test('Glue: without secrets leaves every non-secret member; a described SECRET property only with the run-time context', () => {
		const input = glueInput();
		const stripped = model.withoutSecrets('glue', input, { describedSecretKeys: ['PRIVATE_KEY'] });
		expect(stripped).toEqual({
			Name: 'c',
			ConnectionType: 'SNOWFLAKE',
			ConnectionProperties: { HOST: 'h', KAFKA_SASL_GSSAPI_KEYTAB: 's3://b/k' },
			AuthenticationConfiguration: {
				AuthenticationType: 'OAUTH2',
				BasicAuthenticationCredentials: { Username: 'u' },
				CustomAuthenticationCredentials: {},
				OAuth2Properties: { TokenUrl: 'https://t', OAuth2Credentials: {}, AuthorizationCodeProperties: { RedirectUri: 'https://r' } },
			},
		});
		expect(input.ConnectionProperties.PASSWORD).toBe(`${SECRET}-1`);
		expect(model.withoutSecrets('glue', input).ConnectionProperties.PRIVATE_KEY).toBe(`${SECRET}-2`);
		expect(model.secretValuesIn('glue', input, { describedSecretKeys: ['PRIVATE_KEY'] }).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `${SECRET}-${n}`).concat('enc').sort());
	});

	test('output redaction also drops keys that only look secret', () => {
		expect(model.redactedForOutput('glue', glueInput()).ConnectionProperties).toEqual({ HOST: 'h', PRIVATE_KEY: `${SECRET}-2` });
	});

	test('EventBridge: secrets of every authorization type and flagged HTTP parameter rows', () => {
		const request = {
			Name: 'e',
			AuthParameters: {
				ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: `${SECRET}-a` },
				OAuthParameters: {
					ClientParameters: { ClientID: 'id', ClientSecret: `${SECRET}-b` },
					OAuthHttpParameters: { BodyParameters: [{ Key: 'aud', Value: `${SECRET}-c`, IsValueSecret: true }] },
				},
				InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-plain', Value: 'v', IsValueSecret: false }, { Key: 'x-secret', Value: `${SECRET}-d`, IsValueSecret: true }] },
			},
		};
		const stripped = model.withoutSecrets('eventBridge', request);
		expect(JSON.stringify(stripped)).not.toContain(SECRET);
		expect(stripped.AuthParameters.InvocationHttpParameters.HeaderParameters).toEqual([{ Key: 'x-plain', Value: 'v', IsValueSecret: false }, { Key: 'x-secret', IsValueSecret: true }]);
		expect(model.carriesSecrets('eventBridge', request)).toBe(true);
		expect(model.carriesSecrets('eventBridge', stripped)).toBe(false);
		const marked = model.replaceSecrets('eventBridge', request, ({ path }) => ({ $secret: path.join('.') }));
		expect(marked.AuthParameters.ApiKeyAuthParameters.ApiKeyValue).toEqual({ $secret: 'AuthParameters.ApiKeyAuthParameters.ApiKeyValue' });
		expect(marked.AuthParameters.InvocationHttpParameters.HeaderParameters[1].Value).toEqual({ $secret: 'AuthParameters.InvocationHttpParameters.HeaderParameters.1.Value' });
	});

	test('declarationAt: the declaration of a concrete path (list rows by index), for its credential member', () => {
		expect(model.declarationAt('eventBridge', 'AuthParameters.ApiKeyAuthParameters.ApiKeyValue').member).toBe('apiKey');
		expect(model.declarationAt('eventBridge', 'AuthParameters.InvocationHttpParameters.BodyParameters[2].Value').parameter).toBe('additionalFields.invocationBody');
		expect(model.declarationAt('eventBridge', 'AuthParameters.InvocationHttpParameters.BodyParameters.Value')).toBeUndefined();
		expect(model.declarationAt('eventBridge', 'AuthParameters.ApiKeyAuthParameters.ApiKeyName')).toBeUndefined();
		expect(model.declarationAt('glue', 'AuthenticationConfiguration.CustomAuthenticationCredentials.token').rows).toBe('all');
		expect(model.declarationAt('glue', 'ConnectionProperties.KAFKA_SASL_PLAIN_PASSWORD').parameter).toBe('kafkaSaslPlainPassword');
	});

	test('withSecretsFilled: a value wherever a declared secret\'s holder came back (AWS returns holders, not secrets)', () => {
		const described = {
			AuthParameters: {
				BasicAuthParameters: { Username: 'u' },
				InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-plain', Value: 'v', IsValueSecret: false }, { Key: 'x-secret', IsValueSecret: true }] },
			},
		};
		const filled = model.withSecretsFilled('eventBridge', described, (path) => ({ $secret: path.join('.') }));
		expect(filled).toEqual({
			AuthParameters: {
				BasicAuthParameters: { Username: 'u', Password: { $secret: 'AuthParameters.BasicAuthParameters.Password' } },
				InvocationHttpParameters: {
					HeaderParameters: [
						{ Key: 'x-plain', Value: 'v', IsValueSecret: false },
						{ Key: 'x-secret', IsValueSecret: true, Value: { $secret: 'AuthParameters.InvocationHttpParameters.HeaderParameters.1.Value' } },
					],
				},
			},
		});
		expect(described.AuthParameters.BasicAuthParameters).toEqual({ Username: 'u' });
		// Map patterns (a described type's SECRET properties, Custom Credentials) are the caller's.
		const glueAuth = { AuthenticationConfiguration: { BasicAuthenticationCredentials: { Username: 'u' }, CustomAuthenticationCredentials: { a: 'b' } } };
		expect(model.withSecretsFilled('glue', glueAuth, () => 'x')).toEqual({
			AuthenticationConfiguration: { BasicAuthenticationCredentials: { Username: 'u', Password: 'x' }, CustomAuthenticationCredentials: { a: 'b' } },
		});
	});

	test('isSecretPath: difference paths', () => {
		expect(model.isSecretPath('glue', 'ConnectionProperties.PASSWORD')).toBe(true);
		expect(model.isSecretPath('glue', 'ConnectionProperties.ENCRYPTED_KAFKA_CLIENT_KEY_PASSWORD')).toBe(true);
		expect(model.isSecretPath('glue', 'ConnectionProperties.PRIVATE_KEY')).toBe(false);
		expect(model.isSecretPath('glue', 'ConnectionProperties.PRIVATE_KEY', { describedSecretKeys: ['PRIVATE_KEY'] })).toBe(true);
		expect(model.isSecretPath('glue', 'ConnectionProperties.HOST', { describedSecretKeys: ['PRIVATE_KEY'] })).toBe(false);
		expect(model.isSecretPath('eventBridge', 'AuthParameters.BasicAuthParameters.Password')).toBe(true);
		expect(model.isSecretPath('eventBridge', 'AuthParameters.BasicAuthParameters.Username')).toBe(false);
	});
});

describe('form side', () => {
	const parameters = {
		secretSource: 'node',
		jdbcUsername: 'etl',
		jdbcPassword: `${SECRET}-1`,
		describedSecretProperties: { pairs: [{ key: 'PRIVATE_KEY', value: `${SECRET}-2` }] },
		additionalFields: {
			description: 'kept',
			invocationHeaders: { pairs: [{ key: 'x-plain', value: 'v', isValueSecret: false }, { key: 'x-secret', value: `${SECRET}-3`, isValueSecret: true }] },
		},
		kafkaSaslScramPassword: '',
	};

	test('typed secrets: single fields and secret rows; flagged rows only when flagged', () => {
		expect(model.typedSecretTexts(parameters).sort()).toEqual([`${SECRET}-1`, `${SECRET}-2`, `${SECRET}-3`]);
		expect(model.describedSecretRowKeys(parameters)).toEqual(['PRIVATE_KEY']);
	});

	test('with Secrets Manager, rows hold references, not secrets', () => {
		expect(model.typedSecretTexts({ ...parameters, secretSource: 'secretsManager' })).toEqual([`${SECRET}-1`]);
	});

	test('a JSON Definition parameter: its literal secrets are typed secrets and masked; references and the rest stay', () => {
		const definition = {
			Name: 'partner',
			AuthorizationType: 'API_KEY',
			AuthParameters: {
				ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: `${SECRET}-json` },
				InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-ref', Value: { $secret: { credential: 'apiKey' } }, IsValueSecret: true }] },
			},
		};
		const typedText = { definitionJson: JSON.stringify(definition) };
		expect(model.typedSecretTexts(typedText)).toEqual([`${SECRET}-json`]);
		const masked = model.maskFormSecrets(typedText, '**hidden**');
		expect(JSON.parse(masked.definitionJson).AuthParameters).toEqual({
			ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: '**hidden**' },
			InvocationHttpParameters: definition.AuthParameters.InvocationHttpParameters,
		});
		expect(model.maskFormSecrets({ definitionJson: definition }, '**hidden**').definitionJson.AuthParameters.ApiKeyAuthParameters.ApiKeyValue).toBe('**hidden**');
		const glueDefinition = { definitionJson: JSON.stringify({ Name: 'db', ConnectionType: 'JDBC', ConnectionProperties: { USERNAME: 'etl', PASSWORD: `${SECRET}-glue` } }) };
		expect(model.typedSecretTexts(glueDefinition)).toEqual([`${SECRET}-glue`]);
		// An expression, or text that is not JSON, is left as it is.
		expect(model.maskFormSecrets({ definitionJson: '={{ $json.definition }}' }, 'x')).toEqual({ definitionJson: '={{ $json.definition }}' });
		expect(model.typedSecretTexts({ definitionJson: '{ not json' })).toEqual([]);
	});

	test('masking: a copy, every secret text masked, the rest kept', () => {
		const masked = model.maskFormSecrets(parameters, '**hidden**');
		expect(JSON.stringify(masked)).not.toContain(SECRET);
		expect(masked.jdbcUsername).toBe('etl');
		expect(masked.kafkaSaslScramPassword).toBe('');
		expect(masked.additionalFields.invocationHeaders.pairs[0].value).toBe('v');
		expect(masked.describedSecretProperties.pairs[0]).toEqual({ key: 'PRIVATE_KEY', value: '**hidden**' });
		expect(parameters.jdbcPassword).toBe(`${SECRET}-1`);
	});
});

describe('passwords inside URLs', () => {
	test.each([
		['jdbc:mysql://admin:Pw1@db.example.com:3306/sales', 'jdbc:mysql://admin:****@db.example.com:3306/sales'],
		['mongodb+srv://reader:Pw1@cluster.example.com/sales', 'mongodb+srv://reader:****@cluster.example.com/sales'],
		['jdbc:oracle:thin:scott/Pw1@db.example.com:1521/orcl', 'jdbc:oracle:thin:scott/****@db.example.com:1521/orcl'],
		['jdbc:sqlserver://db.example.com:1433;user=sa;password=Pw1;databaseName=x', 'jdbc:sqlserver://db.example.com:1433;user=sa;password=****;databaseName=x'],
		['https://api.example.com/token?pwd=Pw1&x=1', 'https://api.example.com/token?pwd=****&x=1'],
	])('%s is found and masked', (text, masked) => {
		expect(model.hasUrlCredentials(text)).toBe(true);
		expect(model.maskUrlCredentials(text)).toBe(masked);
		expect(model.hasUrlCredentials(masked)).toBe(true);
	});

	test.each(['jdbc:postgresql://db.example.com:5432/sales', 'jdbc:oracle:thin://@db.example.com:1521/orcl', 'mongodb://reader@mongo.example.com/sales', 's3://bucket/key', 'https://auth.example.com/token?scope=a'])(
		'%s has none',
		(text) => {
			expect(model.hasUrlCredentials(text)).toBe(false);
			expect(model.withUrlCredentialsMasked({ a: [text] })).toEqual({ a: [text] });
		},
	);
});

describe('secretFreeView (what a comparison reads, per connection and target)', () => {
	const { secretFreeView, withoutSecrets } = require('../../../nodes/shared/secretModel');
	test('drops the secrets as withoutSecrets does, copying only the objects on their way and leaving the value untouched', () => {
		const input = {
			Name: 'db',
			ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/x', USERNAME: 'etl', PASSWORD: 'view-secret-1' },
			PhysicalConnectionRequirements: { SubnetId: 'subnet-1', SecurityGroupIdList: ['sg-1'] },
		};
		const before = JSON.stringify(input);
		const view = secretFreeView('glue', input);
		expect(view).toEqual(withoutSecrets('glue', input));
		expect(JSON.stringify(view)).not.toContain('view-secret-1');
		expect(JSON.stringify(input)).toBe(before);
		// Objects without a secret on their way are shared, not copied.
		expect(view.PhysicalConnectionRequirements).toBe(input.PhysicalConnectionRequirements);
	});

	test('a value without secrets is returned as it is', () => {
		const input = { Name: 'db', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db:5432/x' } };
		expect(secretFreeView('glue', input)).toBe(input);
	});
});
