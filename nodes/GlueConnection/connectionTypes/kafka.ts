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
import { checkArn, checkLength, checkOneOf, checkPort, fail, required, str } from '../../shared/validation';
import { bool, checkNeeds, checkNoSpace, checkPropertyValues, checkS3Url, definedProperties, optionalS3Url, requiredSecret, secretValue } from './common';
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
	required(value, 'Bootstrap Servers')
		.split(',')
		.map((broker) => broker.trim())
		.join(',');

function sslProperties(bag: ParameterBag): Record<string, string> {
	const enabled = bag.kafkaSslEnabled === undefined ? true : bool(bag.kafkaSslEnabled);
	if (!enabled) return { KAFKA_SSL_ENABLED: 'false' };
	const cert = optionalS3Url(bag.kafkaCustomCert, 'Custom Certificate');
	const skip = bool(bag.kafkaSkipCertValidation);
	if (skip && !cert) fail('Skip Certificate Validation', 'needs a Custom Certificate');
	const keystore = optionalS3Url(bag.kafkaClientKeystore, 'Client Keystore');
	const keyPassword = secretValue(bag.kafkaClientKeyPassword);
	let keystorePassword: string | undefined;
	if (keystore) keystorePassword = requiredSecret(bag.kafkaClientKeystorePassword, 'Client Keystore Password');
	else if (secretValue(bag.kafkaClientKeystorePassword)) fail('Client Keystore Password', 'needs a Client Keystore');
	if (keyPassword && !keystore) fail('Client Key Password', 'needs a Client Keystore');
	return definedProperties({
		KAFKA_CUSTOM_CERT: cert,
		KAFKA_SKIP_CUSTOM_CERT_VALIDATION: skip ? 'true' : undefined,
		KAFKA_CLIENT_KEYSTORE: keystore,
		KAFKA_CLIENT_KEYSTORE_PASSWORD: keystorePassword,
		KAFKA_CLIENT_KEY_PASSWORD: keyPassword ? checkLength(keyPassword, 'Client Key Password', 1, 1024) : undefined,
	});
}

function saslProperties(bag: ParameterBag): Record<string, string> {
	const mechanism = str(bag.kafkaSaslMechanism) || NONE;
	if (mechanism === NONE) return {};
	if (!(KAFKA_SASL_MECHANISMS as readonly string[]).includes(mechanism)) {
		fail('SASL Mechanism', `must be None or one of ${KAFKA_SASL_MECHANISMS.join(', ')}`);
	}
	const properties: Record<string, string> = { KAFKA_SASL_MECHANISM: mechanism };
	if (mechanism === 'SCRAM-SHA-512') {
		const choice = str(bag.kafkaSaslScramCredentials) || SCRAM_PASSWORD;
		if (choice === SCRAM_SECRET) {
			properties.KAFKA_SASL_SCRAM_SECRETS_ARN = checkArn(required(bag.kafkaSaslScramArn, 'SCRAM Secret ARN'), 'SCRAM Secret ARN', 'secretsmanager', 'secret:');
		} else {
			properties.KAFKA_SASL_SCRAM_USERNAME = checkNoSpace(required(bag.kafkaSaslScramUsername, 'SCRAM Username'), 'SCRAM Username');
			properties.KAFKA_SASL_SCRAM_PASSWORD = requiredSecret(bag.kafkaSaslScramPassword, 'SCRAM Password');
		}
	}
	if (mechanism === 'GSSAPI') {
		properties.KAFKA_SASL_GSSAPI_KEYTAB = checkS3Url(required(bag.kafkaSaslKerberosKeytab, 'Kerberos Keytab'), 'Kerberos Keytab');
		properties.KAFKA_SASL_GSSAPI_KRB5_CONF = checkS3Url(required(bag.kafkaSaslKerberosKrb5Conf, 'Kerberos Config (krb5.conf)'), 'Kerberos Config (krb5.conf)');
		properties.KAFKA_SASL_GSSAPI_SERVICE = checkNoSpace(required(bag.kafkaSaslKerberosService, 'Kerberos Service Name'), 'Kerberos Service Name');
		properties.KAFKA_SASL_GSSAPI_PRINCIPAL = checkNoSpace(required(bag.kafkaSaslKerberosPrincipal, 'Kerberos Principal'), 'Kerberos Principal');
	}
	if (mechanism === 'PLAIN') {
		properties.KAFKA_SASL_PLAIN_USERNAME = checkNoSpace(required(bag.kafkaSaslPlainUsername, 'PLAIN Username'), 'PLAIN Username');
		properties.KAFKA_SASL_PLAIN_PASSWORD = requiredSecret(bag.kafkaSaslPlainPassword, 'PLAIN Password');
	}
	return properties;
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
		const field = at('ConnectionProperties.KAFKA_BOOTSTRAP_SERVERS');
		const brokers = checkLength(input.ConnectionProperties?.KAFKA_BOOTSTRAP_SERVERS ?? fail(field, 'is required'), field, 1, 2048);
		for (const broker of brokers.split(',')) {
			const match = BROKER.exec(broker.trim());
			if (!match) fail(field, 'must be a comma-separated list of host:port pairs, e.g. b-1.example.com:9094');
			checkPort(match?.[3], field);
		}
		const properties = (input.ConnectionProperties ?? {}) as Record<string, string>;
		checkPropertyValues(properties, at, {
			KAFKA_CUSTOM_CERT: checkS3Url,
			KAFKA_CLIENT_KEYSTORE: checkS3Url,
			KAFKA_SASL_MECHANISM: (value, name) => checkOneOf(value, name, KAFKA_SASL_MECHANISMS),
			KAFKA_SASL_SCRAM_SECRETS_ARN: (value, name) => checkArn(value, name, 'secretsmanager', 'secret:'),
			KAFKA_SASL_SCRAM_USERNAME: checkNoSpace,
			KAFKA_SASL_PLAIN_USERNAME: checkNoSpace,
			KAFKA_SASL_GSSAPI_KEYTAB: checkS3Url,
			KAFKA_SASL_GSSAPI_KRB5_CONF: checkS3Url,
			KAFKA_SASL_GSSAPI_SERVICE: checkNoSpace,
			KAFKA_SASL_GSSAPI_PRINCIPAL: checkNoSpace,
		});
		checkNeeds(properties, at, 'KAFKA_SKIP_CUSTOM_CERT_VALIDATION', 'KAFKA_CUSTOM_CERT', 'needs a Custom Certificate');
		checkNeeds(properties, at, 'KAFKA_CLIENT_KEYSTORE_PASSWORD', 'KAFKA_CLIENT_KEYSTORE', 'needs a Client Keystore');
		checkNeeds(properties, at, 'KAFKA_CLIENT_KEY_PASSWORD', 'KAFKA_CLIENT_KEYSTORE', 'needs a Client Keystore');
		// What each SASL mechanism needs (SCRAM: a secret, or a username and password).
		const needed: Record<string, string[]> = {
			'SCRAM-SHA-512': properties.KAFKA_SASL_SCRAM_SECRETS_ARN ? [] : ['KAFKA_SASL_SCRAM_USERNAME', 'KAFKA_SASL_SCRAM_PASSWORD'],
			GSSAPI: ['KAFKA_SASL_GSSAPI_KEYTAB', 'KAFKA_SASL_GSSAPI_KRB5_CONF', 'KAFKA_SASL_GSSAPI_SERVICE', 'KAFKA_SASL_GSSAPI_PRINCIPAL'],
			PLAIN: ['KAFKA_SASL_PLAIN_USERNAME', 'KAFKA_SASL_PLAIN_PASSWORD'],
		};
		for (const key of needed[properties.KAFKA_SASL_MECHANISM] ?? []) {
			if (!properties[key]) fail(at(`ConnectionProperties.${key}`), `is required for SASL mechanism ${properties.KAFKA_SASL_MECHANISM}`);
		}
	},
	propertyDefaults: { KAFKA_SSL_ENABLED: 'true', KAFKA_SKIP_CUSTOM_CERT_VALIDATION: 'false' },
};
