// Pure mapping of the Glue authentication configuration, per authentication type, and the request
// checker's rules about it (common/check.ts), with the messages naming the form's fields.
const { toAuthenticationConfiguration: mapped } = require('../../../nodes/GlueConnection/common/authentication');
const { checkGlueRequest } = require('../../../nodes/GlueConnection/common/check');
const { formLabel } = require('../../../nodes/GlueConnection/common/definition');
const { InputProblem } = require('../../../nodes/shared/validation');

/** The form's mapping, checked as every request is (a type without a form of its own: no type rules). */
const toAuthenticationConfiguration = (bag) => {
	const configuration = mapped(bag);
	checkGlueRequest({ Name: 'n', ConnectionType: 'SNOWFLAKE', AuthenticationConfiguration: configuration }, formLabel('SNOWFLAKE'));
	return configuration;
};

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:glue-creds';
const KMS_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd';
const fails = (bag) => {
	try {
		toAuthenticationConfiguration(bag);
	} catch (error) {
		expect(error).toBeInstanceOf(InputProblem);
		return error;
	}
	throw new Error('expected an InputProblem');
};

test('None sends no authentication configuration', () => {
	expect(toAuthenticationConfiguration({ authenticationType: '' })).toBeUndefined();
	expect(toAuthenticationConfiguration({})).toBeUndefined();
});

test('BASIC with username and password, or with a secret', () => {
	expect(toAuthenticationConfiguration({ authenticationType: 'BASIC', authBasicUsername: 'etl', authBasicPassword: 'pw-basic-1', authKmsKeyArn: KMS_ARN })).toEqual({
		AuthenticationType: 'BASIC',
		KmsKeyArn: KMS_ARN,
		BasicAuthenticationCredentials: { Username: 'etl', Password: 'pw-basic-1' },
	});
	expect(toAuthenticationConfiguration({ authenticationType: 'BASIC', authCredentialsArn: SECRET_ARN })).toEqual({ AuthenticationType: 'BASIC', SecretArn: SECRET_ARN });
	const error = fails({ authenticationType: 'BASIC', authBasicUsername: 'etl' });
	expect(error.field).toBe('Password');
});

test('CUSTOM needs credentials or a secret', () => {
	expect(toAuthenticationConfiguration({ authenticationType: 'CUSTOM', authCustomCredentials: { pairs: [{ key: 'apiKey', value: 'k-123456' }] } })).toEqual({
		AuthenticationType: 'CUSTOM',
		CustomAuthenticationCredentials: { apiKey: 'k-123456' },
	});
	expect(fails({ authenticationType: 'CUSTOM' }).field).toBe('Custom Credentials');
});

test('IAM needs nothing more', () => {
	expect(toAuthenticationConfiguration({ authenticationType: 'IAM' })).toEqual({ AuthenticationType: 'IAM' });
});

describe('OAUTH2', () => {
	const base = { authenticationType: 'OAUTH2', authOauth2ClientApplication: 'userManaged', authOauth2ClientId: 'client-1', authOauth2EndpointUrl: 'https://login.example.com/oauth2/token' };

	test('client credentials with a user-managed app', () => {
		expect(
			toAuthenticationConfiguration({
				...base,
				authOauth2GrantType: 'CLIENT_CREDENTIALS',
				authOauth2ClientSecret: 'client-secret-1',
				authOauth2TokenUrlParameters: { pairs: [{ key: 'scope', value: 'api' }] },
			}),
		).toEqual({
			AuthenticationType: 'OAUTH2',
			OAuth2Properties: {
				OAuth2GrantType: 'CLIENT_CREDENTIALS',
				OAuth2ClientApplication: { UserManagedClientApplicationClientId: 'client-1' },
				TokenUrl: 'https://login.example.com/oauth2/token',
				TokenUrlParametersMap: { scope: 'api' },
				OAuth2Credentials: { UserManagedClientApplicationClientSecret: 'client-secret-1' },
			},
		});
	});

	test('authorization code needs the code; redirect URI and tokens are mapped', () => {
		const config = toAuthenticationConfiguration({
			...base,
			authOauth2GrantType: 'AUTHORIZATION_CODE',
			authOauth2AuthorizationCode: 'code-1',
			authOauth2RedirectUri: 'https://console.example.com/cb',
			authOauth2RefreshToken: 'refresh-1',
		});
		expect(config.OAuth2Properties.AuthorizationCodeProperties).toEqual({ AuthorizationCode: 'code-1', RedirectUri: 'https://console.example.com/cb' });
		expect(config.OAuth2Properties.OAuth2Credentials).toEqual({ RefreshToken: 'refresh-1' });
		expect(fails({ ...base, authOauth2GrantType: 'AUTHORIZATION_CODE' }).field).toBe('Authorization Code');
	});

	test('JWT bearer needs a well-formed JWT', () => {
		const jwt = 'aaa.bbb.ccc';
		expect(toAuthenticationConfiguration({ ...base, authOauth2GrantType: 'JWT_BEARER', authOauth2JwtToken: jwt }).OAuth2Properties.OAuth2Credentials).toEqual({ JwtToken: jwt });
		expect(fails({ ...base, authOauth2GrantType: 'JWT_BEARER' }).field).toBe('JWT Token');
		const bad = fails({ ...base, authOauth2GrantType: 'JWT_BEARER', authOauth2JwtToken: 'not-a-jwt-secret' });
		expect(bad.field).toBe('JWT Token');
		expect(bad.message).not.toContain('not-a-jwt-secret');
	});

	test('an AWS managed app needs its reference; token URLs must be http(s)', () => {
		expect(fails({ ...base, authOauth2ClientApplication: 'awsManaged' }).field).toBe('AWS Managed Client Application Reference');
		expect(toAuthenticationConfiguration({ ...base, authOauth2ClientApplication: 'awsManaged', authOauth2AwsManagedReference: 'ref-1' }).OAuth2Properties.OAuth2ClientApplication).toEqual({
			AWSManagedClientApplicationReference: 'ref-1',
		});
		expect(fails({ ...base, authOauth2EndpointUrl: 'ftp://x/y' }).field).toBe('Token URL');
		expect(fails({ ...base, authOauth2EndpointUrl: '' }).field).toBe('Token URL');
	});

	test("a grant type outside the SDK's enum is refused, from the form and from a JSON Definition", () => {
		expect(fails({ ...base, authOauth2GrantType: 'PASSWORD' }).field).toBe('Grant Type');
		const request = { Name: 'n', ConnectionType: 'SNOWFLAKE', AuthenticationConfiguration: { AuthenticationType: 'OAUTH2', OAuth2Properties: { OAuth2GrantType: 'password' } } };
		expect(() => checkGlueRequest(request, (path) => path)).toThrow(/^AuthenticationConfiguration\.OAuth2Properties\.OAuth2GrantType: must be one of AUTHORIZATION_CODE/);
	});
});

test.each([
	[{ authenticationType: 'KERBEROS' }, 'Authentication Type'],
	[{ authenticationType: 'IAM', authKmsKeyArn: 'arn:aws:s3:::bucket' }, 'KMS Key ARN'],
	[{ authenticationType: 'BASIC', authCredentialsArn: 'arn:aws:ssm:eu-west-1:1:parameter/x' }, 'Secret ARN'],
])('malformed %p is refused', (bag, field) => {
	expect(fails(bag).field).toBe(field);
});
