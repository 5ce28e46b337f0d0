/**
 * JDBC: a database through Java Database Connectivity.
 *
 * AWS (CreateConnection, ConnectionInput.ConnectionType): "Required: All of (HOST, PORT,
 * JDBC_ENGINE) or JDBC_CONNECTION_URL. Required: All of (USERNAME, PASSWORD) or SECRET_ID.
 * Optional: JDBC_ENFORCE_SSL, CUSTOM_JDBC_CERT, CUSTOM_JDBC_CERT_STRING,
 * SKIP_CUSTOM_JDBC_CERT_VALIDATION." So HOST, PORT and JDBC_ENGINE are a complete alternative to the
 * URL: they are sent as they are (with DATABASE when given) and no URL is built from them, which
 * would guess at each engine's URL syntax.
 */
import type { INodeProperties } from 'n8n-workflow';

import { checkLength, checkPattern, checkPort, fail, required, str } from '../../shared/validation';
import {
	bool,
	definedProperties,
	boolProperty,
	checkJavaClassName,
	checkNoSpace,
	credentialFields,
	credentialProperties,
	optionalS3Url,
} from './common';
import type { ConnectionTypeForm, DefinitionParts, ParameterBag } from './types';

const HOST_AND_PORT = 'hostPort';
const URL = 'url';

/** The engines AWS Glue ships JDBC drivers for (AWS Glue docs, "JDBC connections"). */
export const JDBC_ENGINES = [
	{ name: 'Amazon Redshift', value: 'redshift' },
	{ name: 'Microsoft SQL Server', value: 'sqlserver' },
	{ name: 'MySQL', value: 'mysql' },
	{ name: 'Oracle', value: 'oracle' },
	{ name: 'PostgreSQL', value: 'postgres' },
];

const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const byUrl = { show: { jdbcConnectUsing: [URL] } };
const byHost = { show: { jdbcConnectUsing: [HOST_AND_PORT] } };
const withSsl = { show: { jdbcEnforceSsl: [true] } };

const fields: INodeProperties[] = [
	{
		displayName: 'Connect Using',
		name: 'jdbcConnectUsing',
		type: 'options',
		default: HOST_AND_PORT,
		options: [
			{ name: 'Host and Port', value: HOST_AND_PORT, description: 'Host, port, engine and database' },
			{ name: 'JDBC URL', value: URL, description: 'A complete JDBC connection URL' },
		],
	},
	{
		displayName: 'Database Engine',
		name: 'jdbcEngine',
		type: 'options',
		default: 'postgres',
		required: true,
		options: JDBC_ENGINES,
		displayOptions: byHost,
	},
	{
		displayName: 'Host',
		name: 'jdbcHost',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. sales.cluster-abc123.eu-west-1.rds.amazonaws.com',
		description: 'The database host name or IP address, without scheme or port',
		displayOptions: byHost,
	},
	{
		displayName: 'Port',
		name: 'jdbcPort',
		type: 'number',
		default: 5432,
		required: true,
		typeOptions: { minValue: 1, maxValue: 65535 },
		displayOptions: byHost,
	},
	{
		displayName: 'Database',
		name: 'jdbcDatabase',
		type: 'string',
		default: '',
		placeholder: 'e.g. sales',
		displayOptions: byHost,
	},
	{
		displayName: 'JDBC URL',
		name: 'jdbcConnectionUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jdbc:postgresql://sales.example.com:5432/sales',
		description: 'Without credentials: they belong in the fields below',
		displayOptions: byUrl,
	},
	{
		displayName: 'Engine Version',
		name: 'jdbcEngineVersion',
		type: 'string',
		default: '',
		placeholder: 'e.g. 15',
	},
	...credentialFields('jdbc', { fromAuthentication: true }),
	{
		displayName: 'Enforce SSL',
		name: 'jdbcEnforceSsl',
		type: 'boolean',
		default: false,
		description: 'Whether AWS Glue connects only over SSL',
	},
	{
		displayName: 'Custom JDBC Certificate',
		name: 'jdbcCustomCert',
		type: 'string',
		default: '',
		placeholder: 'e.g. s3://my-bucket/certs/root-ca.pem',
		description: 'An S3 URL of the certificate authority (CA) certificate to trust',
		displayOptions: withSsl,
	},
	{
		displayName: 'Skip Certificate Validation',
		name: 'jdbcSkipCertValidation',
		type: 'boolean',
		default: false,
		description: 'Whether AWS Glue skips validating the custom certificate (needs a Custom JDBC Certificate)',
		displayOptions: withSsl,
	},
	{
		displayName: 'Certificate String',
		name: 'jdbcCustomCertString',
		type: 'string',
		default: '',
		placeholder: 'e.g. CN=sales.example.com',
		description: 'The certificate string used for domain match or distinguished name match',
		displayOptions: withSsl,
	},
	{
		displayName: 'Driver JAR',
		name: 'jdbcDriverJarUri',
		type: 'string',
		default: '',
		placeholder: 'e.g. s3://my-bucket/drivers/postgresql-42.7.3.jar',
		description: 'An S3 URL of a custom JDBC driver (optional; needs a Driver Class Name)',
	},
	{
		displayName: 'Driver Class Name',
		name: 'jdbcDriverClassName',
		type: 'string',
		default: '',
		placeholder: 'e.g. org.postgresql.Driver',
		description: 'The class of the custom JDBC driver',
	},
];

function location(bag: ParameterBag): Record<string, string> {
	const using = str(bag.jdbcConnectUsing) || HOST_AND_PORT;
	if (using === URL) {
		const url = required(bag.jdbcConnectionUrl, 'JDBC URL');
		checkLength(url, 'JDBC URL', 6, 2048);
		checkPattern(url, 'JDBC URL', /^jdbc:[a-z0-9]+:\S+$/i, 'a URL that starts with jdbc:, e.g. jdbc:postgresql://host:5432/db');
		// A URL with user:password@ or password= would store the password in a visible property.
		if (/\/\/[^/@]*:[^/@]*@|[?;&]password=/i.test(url)) fail('JDBC URL', 'must not contain a password: use the credential fields');
		return { JDBC_CONNECTION_URL: url };
	}
	if (using !== HOST_AND_PORT) fail('Connect Using', 'must be Host and Port or JDBC URL');
	const engine = required(bag.jdbcEngine, 'Database Engine');
	if (!JDBC_ENGINES.some((option) => option.value === engine)) {
		fail('Database Engine', `must be one of ${JDBC_ENGINES.map((option) => option.value).join(', ')}`);
	}
	const host = checkPattern(checkLength(required(bag.jdbcHost, 'Host'), 'Host', 1, 253), 'Host', HOST, 'a host name or IP address without scheme or port');
	const database = str(bag.jdbcDatabase);
	if (database) checkNoSpace(checkLength(database, 'Database', 1, 255), 'Database');
	return definedProperties({ JDBC_ENGINE: engine, HOST: host, PORT: checkPort(bag.jdbcPort, 'Port'), DATABASE: database || undefined });
}

function ssl(bag: ParameterBag): Record<string, string> {
	if (!bool(bag.jdbcEnforceSsl)) return { JDBC_ENFORCE_SSL: 'false' };
	const cert = optionalS3Url(bag.jdbcCustomCert, 'Custom JDBC Certificate');
	const skip = bool(bag.jdbcSkipCertValidation);
	if (skip && !cert) fail('Skip Certificate Validation', 'needs a Custom JDBC Certificate');
	const certString = str(bag.jdbcCustomCertString);
	return definedProperties({
		JDBC_ENFORCE_SSL: 'true',
		CUSTOM_JDBC_CERT: cert,
		SKIP_CUSTOM_JDBC_CERT_VALIDATION: cert ? boolProperty(skip) : undefined,
		CUSTOM_JDBC_CERT_STRING: certString || undefined,
	});
}

function driver(bag: ParameterBag): Record<string, string> {
	const jar = optionalS3Url(bag.jdbcDriverJarUri, 'Driver JAR');
	const className = str(bag.jdbcDriverClassName);
	if (jar && !className) fail('Driver Class Name', 'is required with a Driver JAR');
	if (className && !jar) fail('Driver JAR', 'is required with a Driver Class Name');
	if (className) checkJavaClassName(className, 'Driver Class Name');
	return definedProperties({ JDBC_DRIVER_JAR_URI: jar, JDBC_DRIVER_CLASS_NAME: className || undefined });
}

export const jdbcForm: ConnectionTypeForm = {
	type: 'JDBC',
	fields,
	toConnectionProperties(bag) {
		const version = str(bag.jdbcEngineVersion);
		if (version) checkNoSpace(checkLength(version, 'Engine Version', 1, 64), 'Engine Version');
		return {
			...location(bag),
			...definedProperties({ JDBC_ENGINE_VERSION: version || undefined }),
			...credentialProperties(bag, 'jdbc', true),
			...ssl(bag),
			...driver(bag),
		};
	},
	// "From Authentication Type" sends no USERNAME/SECRET_ID: then an Authentication Type (or an
	// additional property) has to supply the credentials.
	checkDefinition(definition: DefinitionParts) {
		const properties = definition.connectionProperties;
		if (properties.SECRET_ID || (properties.USERNAME && properties.PASSWORD) || definition.authenticationType) return;
		fail('Authentication Type', 'is required when Credentials is "From Authentication Type"');
	},
	secretPropertyKeys: ['PASSWORD', 'ENCRYPTED_PASSWORD'],
};
