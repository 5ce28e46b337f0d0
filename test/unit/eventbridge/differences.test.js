// Create or Update's rule: non-secret settings are compared with DescribeConnection; secrets never
// are (AWS does not return them), and whether a definition carries secrets is known separately.
const { definitionDifferences, stripSecrets, connectionOutput } = require('../../../nodes/EventBridgeConnection/common/output');
const { carriesSecrets: carries } = require('../../../nodes/shared/secretModel');

const carriesSecrets = (request) => carries('eventBridge', request);

const desired = {
	Name: 'c',
	Description: 'd',
	AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
	AuthParameters: {
		OAuthParameters: {
			ClientParameters: { ClientID: 'id', ClientSecret: 'secret' },
			AuthorizationEndpoint: 'https://a/t',
			HttpMethod: 'POST',
			OAuthHttpParameters: { BodyParameters: [{ Key: 'b', Value: 'hidden', IsValueSecret: true }, { Key: 'a', Value: '1', IsValueSecret: false }] },
		},
		InvocationHttpParameters: { HeaderParameters: [{ Key: 'h', Value: 'v', IsValueSecret: false }] },
	},
};
// What AWS describes for it: no secrets, rows in any order, plus the server-side association ARN.
const current = {
	Name: 'c',
	Description: 'd',
	ConnectionState: 'AUTHORIZED',
	AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS',
	SecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x',
	AuthParameters: {
		OAuthParameters: {
			ClientParameters: { ClientID: 'id' },
			AuthorizationEndpoint: 'https://a/t',
			HttpMethod: 'POST',
			OAuthHttpParameters: { BodyParameters: [{ Key: 'a', Value: '1', IsValueSecret: false }, { Key: 'b', IsValueSecret: true }] },
		},
		InvocationHttpParameters: { HeaderParameters: [{ Key: 'h', Value: 'v', IsValueSecret: false }] },
	},
};

test('the same non-secret settings are no difference, whatever the secrets are', () => {
	expect(definitionDifferences(desired, current)).toEqual([]);
});

test('each non-secret change is reported by its path', () => {
	const changed = structuredClone(desired);
	changed.Description = 'other';
	changed.AuthParameters.OAuthParameters.HttpMethod = 'PUT';
	changed.AuthParameters.InvocationHttpParameters.HeaderParameters[0].Value = 'w';
	changed.AuthParameters.OAuthParameters.OAuthHttpParameters.BodyParameters[0].IsValueSecret = false;
	expect(definitionDifferences(changed, current)).toEqual([
		'AuthParameters.InvocationHttpParameters.HeaderParameters',
		'AuthParameters.OAuthParameters.HttpMethod',
		'AuthParameters.OAuthParameters.OAuthHttpParameters.BodyParameters',
		'Description',
	]);
});

test('an empty description equals none; a removed one is a difference', () => {
	expect(definitionDifferences({ ...desired, Description: undefined }, { ...current, Description: '' })).toEqual([]);
	expect(definitionDifferences({ ...desired, Description: undefined }, current)).toEqual(['Description']);
});

test('private endpoints: the configuration ARN is compared, the association ARN AWS adds is not', () => {
	const rcfg = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0';
	const described = { ...current, InvocationConnectivityParameters: { ResourceParameters: { ResourceConfigurationArn: rcfg, ResourceAssociationArn: 'arn:x' } } };
	expect(definitionDifferences({ ...desired, InvocationConnectivityParameters: { ResourceParameters: { ResourceConfigurationArn: rcfg } } }, described)).toEqual([]);
	expect(definitionDifferences(desired, described)).toEqual(['InvocationConnectivityParameters.ResourceParameters.ResourceConfigurationArn']);
});

test('a KMS key is compared only when one is given', () => {
	const described = { ...current, KmsKeyIdentifier: 'arn:aws:kms:us-east-1:123456789012:key/k' };
	expect(definitionDifferences(desired, described)).toEqual([]);
	expect(definitionDifferences({ ...desired, KmsKeyIdentifier: 'alias/other' }, described)).toEqual(['KmsKeyIdentifier']);
});

test('a type change shows the type and both types’ settings', () => {
	const basic = { Name: 'c', Description: 'd', AuthorizationType: 'BASIC', AuthParameters: { BasicAuthParameters: { Username: 'u', Password: 'p' } } };
	expect(definitionDifferences(basic, current)).toEqual([
		'AuthParameters.BasicAuthParameters.Username',
		'AuthParameters.InvocationHttpParameters.HeaderParameters',
		'AuthParameters.OAuthParameters.AuthorizationEndpoint',
		'AuthParameters.OAuthParameters.ClientParameters.ClientID',
		'AuthParameters.OAuthParameters.HttpMethod',
		'AuthParameters.OAuthParameters.OAuthHttpParameters.BodyParameters',
		'AuthorizationType',
	]);
});

test('carriesSecrets: every type has one; only secrets count', () => {
	expect(carriesSecrets(desired)).toBe(true);
	expect(carriesSecrets({ AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: 'v' } } })).toBe(true);
	expect(carriesSecrets({ AuthParameters: { BasicAuthParameters: { Username: 'u' } } })).toBe(false);
	expect(carriesSecrets({ AuthParameters: { InvocationHttpParameters: { BodyParameters: [{ Key: 'k', Value: 'v', IsValueSecret: true }] } } })).toBe(true);
	expect(carriesSecrets({ AuthParameters: { InvocationHttpParameters: { BodyParameters: [{ Key: 'k', Value: 'v', IsValueSecret: false }] } } })).toBe(false);
});

test('stripSecrets and connectionOutput drop every secret value, keep the rest', () => {
	const stripped = stripSecrets({ ...desired.AuthParameters, BasicAuthParameters: { Username: 'u', Password: 'pw-9' }, ApiKeyAuthParameters: { ApiKeyName: 'n', ApiKeyValue: 'key-9' } });
	for (const secret of ['secret', 'hidden', 'pw-9', 'key-9']) expect(JSON.stringify(stripped)).not.toContain(secret);
	expect(stripped.InvocationHttpParameters).toEqual(desired.AuthParameters.InvocationHttpParameters);
	expect(stripped.BasicAuthParameters).toEqual({ Username: 'u' });
	expect(stripped.ApiKeyAuthParameters).toEqual({ ApiKeyName: 'n' });
	const output = connectionOutput({ ...current, CreationTime: new Date(0), $metadata: { requestId: 'r' } });
	expect(output.CreationTime).toBe('1970-01-01T00:00:00.000Z');
	expect(output).not.toHaveProperty('$metadata');
});
