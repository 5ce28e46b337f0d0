// The pure parts of Export: what a definition keeps of AWS's answer, where the secret placeholder
// goes, which values are bound to an account or Region, and how Replace Values rewrites them.
const { glueConnectionArn, glueConnectionAsDefinition, isServiceManagedSecret } = require('../../nodes/GlueConnection/common/export');
const { eventBridgeConnectionAsDefinition } = require('../../nodes/EventBridgeConnection/common/export');
const { readReplacements, withReplacements } = require('../../nodes/shared/export');

const PLACEHOLDER = { $secret: 'required' };
const JDBC_SECRETS = ['PASSWORD'];

describe('Glue definitions', () => {
	test('a catalog that encrypts passwords: ENCRYPTED_PASSWORD is dropped and PASSWORD becomes the placeholder', () => {
		const { definition, secretsToSupply } = glueConnectionAsDefinition(
			{ Name: 'a', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:x', ENCRYPTED_PASSWORD: 'AQICAH…' } },
			JDBC_SECRETS,
		);
		expect(definition.ConnectionProperties).toEqual({ JDBC_CONNECTION_URL: 'jdbc:x', PASSWORD: PLACEHOLDER });
		expect(secretsToSupply).toEqual(['ConnectionProperties.PASSWORD']);
	});

	test('no username and no secret: no placeholder is invented (IAM or a type without credentials)', () => {
		const { definition } = glueConnectionAsDefinition({ Name: 'a', ConnectionType: 'NETWORK', ConnectionProperties: {} }, JDBC_SECRETS);
		expect(definition).toEqual({ Name: 'a', ConnectionType: 'NETWORK', ConnectionProperties: {} });
	});

	test('a password AWS did return (no HidePassword) is still never exported', () => {
		const { definition } = glueConnectionAsDefinition(
			{ Name: 'a', ConnectionType: 'JDBC', ConnectionProperties: { USERNAME: 'u', PASSWORD: 'hunter2', SECRET_ID: 'db' } },
			JDBC_SECRETS,
		);
		expect(JSON.stringify(definition)).not.toContain('hunter2');
		expect(definition.ConnectionProperties.PASSWORD).toEqual(PLACEHOLDER);
	});

	test('Basic credentials in a secret Glue made become placeholders; a secret the user chose stays as the reference', () => {
		const managed = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:glue!123456789012-a-AbC123';
		const mine = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:team/db-AbC123';
		expect([isServiceManagedSecret(managed), isServiceManagedSecret(mine)]).toEqual([true, false]);
		const made = glueConnectionAsDefinition({ Name: 'a', ConnectionType: 'MYSQL', AuthenticationConfiguration: { AuthenticationType: 'BASIC', SecretArn: managed } }, []);
		expect(made.definition.AuthenticationConfiguration).toEqual({
			AuthenticationType: 'BASIC',
			BasicAuthenticationCredentials: { Username: PLACEHOLDER, Password: PLACEHOLDER },
		});
		const chosen = glueConnectionAsDefinition({ Name: 'a', ConnectionType: 'MYSQL', AuthenticationConfiguration: { AuthenticationType: 'BASIC', SecretArn: mine } }, []);
		expect(chosen.definition.AuthenticationConfiguration).toEqual({ AuthenticationType: 'BASIC', SecretArn: mine });
		expect(chosen.boundValues).toEqual([{ path: 'AuthenticationConfiguration.SecretArn', kind: 'secret', value: mine }]);
	});
});

test("tags: given, the definition's Tags (Create's parameter); none or empty, no Tags member; the ARN GetTags asks for, in the Region's partition", () => {
	const connection = { Name: 'tagged', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://h:5432/d', SECRET_ID: 'db' } };
	expect(glueConnectionAsDefinition(connection, [], { team: 'data' }).definition.Tags).toEqual({ team: 'data' });
	expect('Tags' in glueConnectionAsDefinition(connection, [], {}).definition).toBe(false);
	expect('Tags' in glueConnectionAsDefinition(connection, []).definition).toBe(false);
	expect(glueConnectionArn('eu-west-1', '123456789012', 'orders')).toBe('arn:aws:glue:eu-west-1:123456789012:connection/orders');
	expect(glueConnectionArn('cn-north-1', '123456789012', 'orders')).toBe('arn:aws-cn:glue:cn-north-1:123456789012:connection/orders');
	expect(glueConnectionArn('us-gov-west-1', '123456789012', 'orders')).toBe('arn:aws-us-gov:glue:us-gov-west-1:123456789012:connection/orders');
});

test('Custom credentials in a secret Glue made: the whole map is a placeholder, which the definition parser refuses naming it', () => {
	const { glueDefinition } = require('../../nodes/GlueConnection/common/definitionJson');
	const managed = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:glue!123456789012-c-AbC123';
	const { definition, secretsToSupply } = glueConnectionAsDefinition(
		{ Name: 'c', ConnectionType: 'CUSTOM', ConnectionProperties: { CONNECTION_URL: 'https://x' }, AuthenticationConfiguration: { AuthenticationType: 'CUSTOM', SecretArn: managed } },
		[],
	);
	expect(secretsToSupply).toEqual(['AuthenticationConfiguration.CustomAuthenticationCredentials']);
	expect(() => glueDefinition(definition)).toThrow('Definition (JSON) › AuthenticationConfiguration.CustomAuthenticationCredentials: still holds the placeholder');
});

describe('EventBridge definitions', () => {
	test('a de-authorized connection (AWS removed its authorization) keeps its type and needs its parameters', () => {
		const { definition, secretsToSupply } = eventBridgeConnectionAsDefinition({
			Name: 'a',
			AuthorizationType: 'BASIC',
			ConnectionState: 'DEAUTHORIZED',
			ConnectionArn: 'arn:aws:events:eu-west-1:123456789012:connection/a/1',
		});
		expect(definition).toEqual({ Name: 'a', AuthorizationType: 'BASIC' });
		expect(secretsToSupply).toEqual([]);
	});

	test('a KMS key given by ID or alias is bound to the Region too', () => {
		const { boundValues } = eventBridgeConnectionAsDefinition({ Name: 'a', AuthorizationType: 'BASIC', KmsKeyIdentifier: 'alias/events' });
		expect(boundValues).toEqual([{ path: 'KmsKeyIdentifier', kind: 'kmsKey', value: 'alias/events' }]);
	});
});

describe('Replace Values', () => {
	const exported = () =>
		glueConnectionAsDefinition(
			{
				Name: 'eu-west-1-orders',
				Description: 'copied from eu-west-1',
				ConnectionType: 'JDBC',
				ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:mysql://db.eu-west-1.rds.amazonaws.com:3306/x', SECRET_ID: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbC123' },
				PhysicalConnectionRequirements: { SubnetId: 'subnet-0aaa', SecurityGroupIdList: ['sg-0aaa'], AvailabilityZone: 'eu-west-1b' },
			},
			JDBC_SECRETS,
		);

	test('rows apply in order to bound values only; each changed value keeps what AWS had', () => {
		const result = withReplacements(exported(), [
			{ from: 'eu-west-1', to: 'eu-central-1' },
			{ from: '111111111111', to: '222222222222' },
			{ from: 'subnet-0aaa', to: 'subnet-0bbb' },
		]);
		expect(result.definition).toMatchObject({
			Name: 'eu-west-1-orders',
			Description: 'copied from eu-west-1',
			ConnectionProperties: {
				JDBC_CONNECTION_URL: 'jdbc:mysql://db.eu-west-1.rds.amazonaws.com:3306/x',
				SECRET_ID: 'arn:aws:secretsmanager:eu-central-1:222222222222:secret:db-AbC123',
			},
			PhysicalConnectionRequirements: { SubnetId: 'subnet-0bbb', SecurityGroupIdList: ['sg-0aaa'], AvailabilityZone: 'eu-central-1b' },
		});
		expect(result.boundValues.find((bound) => bound.kind === 'securityGroup')).toEqual({
			path: 'PhysicalConnectionRequirements.SecurityGroupIdList[0]',
			kind: 'securityGroup',
			value: 'sg-0aaa',
		});
		expect(result.boundValues.find((bound) => bound.kind === 'availabilityZone')).toMatchObject({ value: 'eu-central-1b', replaced: 'eu-west-1b' });
	});

	test('the export itself is left unchanged (a copy is made)', () => {
		const original = exported();
		withReplacements(original, [{ from: 'subnet-0aaa', to: 'subnet-0bbb' }]);
		expect(original.definition.PhysicalConnectionRequirements.SubnetId).toBe('subnet-0aaa');
	});

	test('rows: empty rows skipped, To without From refused naming the field, anything but a list refused', () => {
		expect(readReplacements(undefined)).toEqual([]);
		expect(readReplacements({ pairs: [{ from: ' a ', to: 'b' }, { from: '', to: '' }, { from: 'c' }] })).toEqual([
			{ from: 'a', to: 'b' },
			{ from: 'c', to: '' },
		]);
		expect(() => readReplacements({ pairs: [{ to: 'b' }] })).toThrow('Replace Values: row 1 has a To but no From');
		expect(() => readReplacements({ pairs: 'a=b' })).toThrow(/^Replace Values/);
	});
});

describe('Secret References', () => {
	const { withSecretReferences, readSecretReferences } = require('../../nodes/shared/export');
	const exported = () =>
		eventBridgeConnectionAsDefinition({
			Name: 'orders-api',
			AuthorizationType: 'API_KEY',
			AuthParameters: {
				ApiKeyAuthParameters: { ApiKeyName: 'x-api-key' },
				InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-signing', IsValueSecret: true }] },
			},
		});
	const member = (path) => (path.endsWith('ApiKeyValue') ? 'apiKey' : undefined);

	test('Secrets Manager: one secret per connection, JSON key the credential member or the row key; nothing left to supply', () => {
		const result = withSecretReferences(exported(), { source: 'secretsManager', prefix: 'connections/' }, member);
		expect(result.definition.AuthParameters).toEqual({
			ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: { $secret: { secretsManager: 'connections/orders-api', jsonKey: 'apiKey' } } },
			InvocationHttpParameters: { HeaderParameters: [{ Key: 'x-signing', Value: { $secret: { secretsManager: 'connections/orders-api', jsonKey: 'x-signing' } }, IsValueSecret: true }] },
		});
		expect(result.secretsToSupply).toEqual([]);
	});

	test('credential: the member; a secret row has none, so its placeholder stays listed', () => {
		const result = withSecretReferences(exported(), { source: 'credential' }, member);
		expect(result.definition.AuthParameters.ApiKeyAuthParameters.ApiKeyValue).toEqual({ $secret: { credential: 'apiKey' } });
		expect(result.definition.AuthParameters.InvocationHttpParameters.HeaderParameters[0].Value).toEqual(PLACEHOLDER);
		expect(result.secretsToSupply).toEqual(['AuthParameters.InvocationHttpParameters.HeaderParameters[0].Value']);
	});

	test('a prefix that makes no valid secret name is refused naming the field; an unknown choice too', () => {
		expect(() => withSecretReferences(exported(), { source: 'secretsManager', prefix: 'bad prefix ' }, member)).toThrow(/^Secret Name Prefix/);
		expect(() => readSecretReferences({ secretReferences: 'vault' })).toThrow(/^Secret References/);
		expect(readSecretReferences({})).toEqual({ source: 'placeholder', prefix: '' });
	});
});

// The checker and Export share one request shape: a member added to a definition schema (what the
// checker reads) must come out of Export too. The sample connection is generated from the schema
// itself, every member filled, without what the secret model calls secret (AWS never returns it).
describe('the checker and Export agree on every member', () => {
	const { GLUE_DEFINITION_SCHEMA } = require('../../nodes/GlueConnection/common/definitionJson');
	const { EVENTBRIDGE_DEFINITION_SCHEMA } = require('../../nodes/EventBridgeConnection/common/definitionJson');
	const { withoutSecrets } = require('../../nodes/shared/secretModel');

	const sample = (schema) => {
		if (schema === 'string') return 'v';
		if (schema === 'boolean') return false;
		if (schema === 'stringMap') return { K: 'v' };
		if (schema === 'stringList') return ['v'];
		if ('list' in schema) return [sample(schema.list)];
		return Object.fromEntries(Object.entries(schema.object).map(([key, member]) => [key, sample(member)]));
	};
	const leaves = (value, path = '') =>
		value && typeof value === 'object' && !('$secret' in value)
			? Object.entries(value).flatMap(([key, member]) => leaves(member, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key))
			: value && typeof value === 'object'
				? []
				: [path];
	const drop = (value, paths) => {
		const copy = structuredClone(value);
		for (const path of paths) {
			const steps = path.split('.');
			const holder = steps.slice(0, -1).reduce((node, step) => node?.[step], copy);
			if (holder) delete holder[steps.at(-1)];
		}
		return copy;
	};

	test('Glue: every non-secret member of the schema is in the exported definition', () => {
		// GetConnection's answer has no place for inline credentials or an authorization code's redirect
		// (AWS keeps them in the secret it makes); Tags are Export's own option, passed separately.
		const notReturned = [
			'Tags',
			'AuthenticationConfiguration.BasicAuthenticationCredentials',
			'AuthenticationConfiguration.CustomAuthenticationCredentials',
			'AuthenticationConfiguration.OAuth2Properties.AuthorizationCodeProperties',
			'AuthenticationConfiguration.OAuth2Properties.OAuth2Credentials',
		];
		const connection = drop(withoutSecrets('glue', sample(GLUE_DEFINITION_SCHEMA)), notReturned);
		const { definition } = glueConnectionAsDefinition(connection, []);
		expect(leaves(definition).sort()).toEqual(leaves(connection).sort());
	});

	test('EventBridge: every non-secret member of the schema is in the exported definition, every secret a placeholder', () => {
		const connection = withoutSecrets('eventBridge', sample(EVENTBRIDGE_DEFINITION_SCHEMA));
		const { definition, secretsToSupply } = eventBridgeConnectionAsDefinition(connection);
		expect(leaves(definition).sort()).toEqual(leaves(connection).sort());
		expect(secretsToSupply.sort()).toEqual([
			'AuthParameters.ApiKeyAuthParameters.ApiKeyValue',
			'AuthParameters.BasicAuthParameters.Password',
			'AuthParameters.OAuthParameters.ClientParameters.ClientSecret',
		]);
	});
});
