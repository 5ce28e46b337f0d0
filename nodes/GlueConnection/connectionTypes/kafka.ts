/**
 * KAFKA: an Apache Kafka or Amazon MSK cluster.
 *
 * AWS: "Required: KAFKA_BOOTSTRAP_SERVERS", then optional SSL (KAFKA_SSL_ENABLED, KAFKA_CUSTOM_CERT,
 * KAFKA_SKIP_CUSTOM_CERT_VALIDATION), a TLS client keystore (KAFKA_CLIENT_KEYSTORE and its
 * passwords) and a SASL mechanism (KAFKA_SASL_MECHANISM) with the fields of that mechanism only.
 * SSL on and certificate validation are AWS's defaults: only a departure from them is written.
 */
import type { INodeProperties } from 'n8n-workflow';

import { secretField } from '../../shared/secrets';
import { checkArn, checkLength, checkOneOf, checkPort, fail, str } from '../../shared/validation';
import { bool, checkNeeds, checkNoSpace, checkPropertyValues, checkS3Url, definedProperties, secretValue } from './common';
import type { ConnectionTypeForm, ParameterBag } from './types';

const NONE = 'none';
export const KAFKA_SASL_MECHANISMS = ['SCRAM-SHA-512', 'GSSAPI', 'AWS_MSK_IAM', 'PLAIN'] as const;
const SCRAM_PASSWORD = 'usernamePassword';
const SCRAM_SECRET = 'secret';

const sasl = (...mechanisms: string[]) => ({ show: { kafkaSaslMechanism: mechanisms } });
// Field names avoid "GssapiKey": n8n's linter reads "apikey" in it as a secret.
const scram = (choice: string) => ({ show: { kafkaSaslMechanism: ['SCRAM-SHA-512'], kafkaSaslScramCredentials: [choice] } });
const withSsl = { show: { kafkaSslEnabled: [true] } };

const fields: INodeProperties[] = [
	{
		displayName: 'Bootstrap Servers',
		name: 'kafkaBootstrapServers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. b-1.sales.kafka.eu-west-1.amazonaws.com:9094, b-2.sales.kafka.eu-west-1.amazonaws.com:9094',
		description: 'Comma-separated host:port pairs of the brokers',
	},
	{
		displayName: 'SSL Enabled',
		name: 'kafkaSslEnabled',
		type: 'boolean',
		default: true,
		description: "Whether AWS Glue connects to the brokers over SSL. On is AWS's default and sends nothing; off sends KAFKA_SSL_ENABLED false.",
	},
	{
		displayName: 'Custom Certificate',
		name: 'kafkaCustomCert',
		type: 'string',
		default: '',
		placeholder: 'e.g. s3://my-bucket/certs/kafka-ca.pem',
		description: 'An S3 URL of a private CA certificate to trust',
		displayOptions: withSsl,
	},
	{
		displayName: 'Skip Certificate Validation',
		name: 'kafkaSkipCertValidation',
		type: 'boolean',
		default: false,
		description: "Whether AWS Glue skips validating the custom certificate (needs a Custom Certificate). Off is AWS's default and sends nothing.",
		displayOptions: withSsl,
	},
	{
		displayName: 'Client Keystore',
		name: 'kafkaClientKeystore',
		type: 'string',
		default: '',
		placeholder: 'e.g. s3://my-bucket/certs/client.keystore.jks',
		description: 'An S3 URL of a keystore for TLS client authentication',
		displayOptions: withSsl,
	},
	...secretField({
		displayName: 'Client Keystore Password',
		name: 'kafkaClientKeystorePassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Required with a Client Keystore',
		displayOptions: withSsl,
	}),
	...secretField({
		displayName: 'Client Key Password',
		name: 'kafkaClientKeyPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'The password of the key in the Client Keystore, if it has one',
		displayOptions: withSsl,
	}),
	{
		displayName: 'SASL Mechanism',
		name: 'kafkaSaslMechanism',
		type: 'options',
		default: NONE,
		options: [
			{ name: 'AWS MSK IAM', value: 'AWS_MSK_IAM', description: 'IAM access control of Amazon MSK' },
			{ name: 'GSSAPI (Kerberos)', value: 'GSSAPI' },
			{ name: 'None', value: NONE },
			{ name: 'PLAIN', value: 'PLAIN' },
			{ name: 'SCRAM-SHA-512', value: 'SCRAM-SHA-512' },
		],
	},
	{
		displayName: 'SCRAM Credentials',
		name: 'kafkaSaslScramCredentials',
		type: 'options',
		default: SCRAM_PASSWORD,
		options: [
			{ name: 'Username and Password', value: SCRAM_PASSWORD },
			{ name: 'Secrets Manager Secret', value: SCRAM_SECRET },
		],
		displayOptions: sasl('SCRAM-SHA-512'),
	},
	{
		displayName: 'SCRAM Username',
		name: 'kafkaSaslScramUsername',
		type: 'string',
		default: '',
		required: true,
		displayOptions: scram(SCRAM_PASSWORD),
	},
	...secretField({
		displayName: 'SCRAM Password',
		name: 'kafkaSaslScramPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: scram(SCRAM_PASSWORD),
	}),
	{
		displayName: 'SCRAM Secret ARN',
		name: 'kafkaSaslScramArn',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_sales',
		displayOptions: scram(SCRAM_SECRET),
	},
	{
		displayName: 'Kerberos Keytab',
		name: 'kafkaSaslKerberosKeytab',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. s3://my-bucket/kerberos/glue.keytab',
		displayOptions: sasl('GSSAPI'),
	},
	{
		displayName: 'Kerberos Config (krb5.conf)',
		name: 'kafkaSaslKerberosKrb5Conf',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. s3://my-bucket/kerberos/krb5.conf',
		displayOptions: sasl('GSSAPI'),
	},
	{
		displayName: 'Kerberos Service Name',
		name: 'kafkaSaslKerberosService',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. kafka',
		displayOptions: sasl('GSSAPI'),
	},
	{
		displayName: 'Kerberos Principal',
		name: 'kafkaSaslKerberosPrincipal',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. glue@EXAMPLE.COM',
		displayOptions: sasl('GSSAPI'),
	},
	{
		displayName: 'PLAIN Username',
		name: 'kafkaSaslPlainUsername',
		type: 'string',
		default: '',
		required: true,
		displayOptions: sasl('PLAIN'),
	},
	...secretField({
		displayName: 'PLAIN Password',
		name: 'kafkaSaslPlainPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: sasl('PLAIN'),
	}),
];

const BROKER = /^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):(\d+)$/;

/** The broker list, trimmed and re-joined with commas (checkRequest checks each broker). */
const bootstrapServers = (value: unknown) =>
	str(value)
		.split(',')
		.map((broker) => broker.trim())
		.join(',');

function sslProperties(bag: ParameterBag): Record<string, string> {
	const enabled = bag.kafkaSslEnabled === undefined ? true : bool(bag.kafkaSslEnabled);
	if (!enabled) return { KAFKA_SSL_ENABLED: 'false' };
	return definedProperties({
		KAFKA_CUSTOM_CERT: str(bag.kafkaCustomCert),
		KAFKA_SKIP_CUSTOM_CERT_VALIDATION: bool(bag.kafkaSkipCertValidation) ? 'true' : undefined,
		KAFKA_CLIENT_KEYSTORE: str(bag.kafkaClientKeystore),
		KAFKA_CLIENT_KEYSTORE_PASSWORD: secretValue(bag.kafkaClientKeystorePassword),
		KAFKA_CLIENT_KEY_PASSWORD: secretValue(bag.kafkaClientKeyPassword),
	});
}

/** The chosen mechanism and its fields, empty ones included: checkRequest says which it needs. */
function saslProperties(bag: ParameterBag): Record<string, string> {
	const mechanism = str(bag.kafkaSaslMechanism) || NONE;
	if (mechanism === NONE) return {};
	const scramSecret = (str(bag.kafkaSaslScramCredentials) || SCRAM_PASSWORD) === SCRAM_SECRET;
	const ofMechanism: Record<string, Record<string, string>> = {
		'SCRAM-SHA-512': scramSecret
			? { KAFKA_SASL_SCRAM_SECRETS_ARN: str(bag.kafkaSaslScramArn) }
			: { KAFKA_SASL_SCRAM_USERNAME: str(bag.kafkaSaslScramUsername), KAFKA_SASL_SCRAM_PASSWORD: secretValue(bag.kafkaSaslScramPassword) },
		GSSAPI: {
			KAFKA_SASL_GSSAPI_KEYTAB: str(bag.kafkaSaslKerberosKeytab),
			KAFKA_SASL_GSSAPI_KRB5_CONF: str(bag.kafkaSaslKerberosKrb5Conf),
			KAFKA_SASL_GSSAPI_SERVICE: str(bag.kafkaSaslKerberosService),
			KAFKA_SASL_GSSAPI_PRINCIPAL: str(bag.kafkaSaslKerberosPrincipal),
		},
		PLAIN: { KAFKA_SASL_PLAIN_USERNAME: str(bag.kafkaSaslPlainUsername), KAFKA_SASL_PLAIN_PASSWORD: secretValue(bag.kafkaSaslPlainPassword) },
	};
	return { KAFKA_SASL_MECHANISM: mechanism, ...ofMechanism[mechanism] };
}

export const kafkaForm: ConnectionTypeForm = {
	type: 'KAFKA',
	fields,
	toConnectionProperties: (bag) => ({
		KAFKA_BOOTSTRAP_SERVERS: bootstrapServers(bag.kafkaBootstrapServers),
		...sslProperties(bag),
		...saslProperties(bag),
	}),
	labels: Object.fromEntries(
		Object.entries({
			KAFKA_BOOTSTRAP_SERVERS: 'Bootstrap Servers',
			KAFKA_CUSTOM_CERT: 'Custom Certificate',
			KAFKA_SKIP_CUSTOM_CERT_VALIDATION: 'Skip Certificate Validation',
			KAFKA_CLIENT_KEYSTORE: 'Client Keystore',
			KAFKA_SASL_MECHANISM: 'SASL Mechanism',
			KAFKA_SASL_SCRAM_SECRETS_ARN: 'SCRAM Secret ARN',
			KAFKA_SASL_SCRAM_USERNAME: 'SCRAM Username',
			KAFKA_SASL_GSSAPI_KEYTAB: 'Kerberos Keytab',
			KAFKA_SASL_GSSAPI_KRB5_CONF: 'Kerberos Config (krb5.conf)',
			KAFKA_SASL_GSSAPI_SERVICE: 'Kerberos Service Name',
			KAFKA_SASL_GSSAPI_PRINCIPAL: 'Kerberos Principal',
			KAFKA_SASL_PLAIN_USERNAME: 'PLAIN Username',
		}).map(([key, label]) => [`ConnectionProperties.${key}`, label]),
	),
	checkRequest(input, at) {
		const properties = (input.ConnectionProperties ?? {}) as Record<string, string>;
		const field = at('ConnectionProperties.KAFKA_BOOTSTRAP_SERVERS');
		for (const broker of checkLength(properties.KAFKA_BOOTSTRAP_SERVERS ?? '', field, 1, 2048).split(',')) {
			const match = BROKER.exec(broker.trim());
			if (!match) fail(field, 'must be a comma-separated list of host:port pairs, e.g. b-1.example.com:9094');
			checkPort(match?.[3], field);
		}
		// What each SASL mechanism needs (SCRAM: a secret, or a username and password).
		const needed: Record<string, string[]> = {
			'SCRAM-SHA-512': properties.KAFKA_SASL_SCRAM_SECRETS_ARN !== undefined ? ['KAFKA_SASL_SCRAM_SECRETS_ARN'] : ['KAFKA_SASL_SCRAM_USERNAME', 'KAFKA_SASL_SCRAM_PASSWORD'],
			GSSAPI: ['KAFKA_SASL_GSSAPI_KEYTAB', 'KAFKA_SASL_GSSAPI_KRB5_CONF', 'KAFKA_SASL_GSSAPI_SERVICE', 'KAFKA_SASL_GSSAPI_PRINCIPAL'],
			PLAIN: ['KAFKA_SASL_PLAIN_USERNAME', 'KAFKA_SASL_PLAIN_PASSWORD'],
		};
		for (const key of needed[properties.KAFKA_SASL_MECHANISM] ?? []) {
			if (!properties[key]) fail(at(`ConnectionProperties.${key}`), `is required for SASL mechanism ${properties.KAFKA_SASL_MECHANISM}`);
		}
		const password = (value: string, name: string) => checkLength(value, name, 1, 1024);
		checkPropertyValues(properties, at, {
			KAFKA_CUSTOM_CERT: checkS3Url,
			KAFKA_CLIENT_KEYSTORE: checkS3Url,
			KAFKA_CLIENT_KEYSTORE_PASSWORD: password,
			KAFKA_CLIENT_KEY_PASSWORD: password,
			KAFKA_SASL_MECHANISM: (value, name) => checkOneOf(value, name, KAFKA_SASL_MECHANISMS),
			KAFKA_SASL_SCRAM_SECRETS_ARN: (value, name) => checkArn(value, name, 'secretsmanager', 'secret:'),
			KAFKA_SASL_SCRAM_USERNAME: checkNoSpace,
			KAFKA_SASL_SCRAM_PASSWORD: password,
			KAFKA_SASL_PLAIN_USERNAME: checkNoSpace,
			KAFKA_SASL_PLAIN_PASSWORD: password,
			KAFKA_SASL_GSSAPI_KEYTAB: checkS3Url,
			KAFKA_SASL_GSSAPI_KRB5_CONF: checkS3Url,
			KAFKA_SASL_GSSAPI_SERVICE: checkNoSpace,
			KAFKA_SASL_GSSAPI_PRINCIPAL: checkNoSpace,
		});
		if (properties.KAFKA_CLIENT_KEYSTORE && !properties.KAFKA_CLIENT_KEYSTORE_PASSWORD) fail(at('ConnectionProperties.KAFKA_CLIENT_KEYSTORE_PASSWORD'), 'is required with a Client Keystore');
		checkNeeds(properties, at, 'KAFKA_SKIP_CUSTOM_CERT_VALIDATION', 'KAFKA_CUSTOM_CERT', 'needs a Custom Certificate');
		checkNeeds(properties, at, 'KAFKA_CLIENT_KEY_PASSWORD', 'KAFKA_CLIENT_KEYSTORE', 'needs a Client Keystore');
		checkNeeds(properties, at, 'KAFKA_CLIENT_KEYSTORE_PASSWORD', 'KAFKA_CLIENT_KEYSTORE', 'needs a Client Keystore');
	},
	propertyDefaults: { KAFKA_SSL_ENABLED: 'true', KAFKA_SKIP_CUSTOM_CERT_VALIDATION: 'false' },
};
