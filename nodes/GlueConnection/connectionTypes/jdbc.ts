/**
 * JDBC: a database through Java Database Connectivity.
 *
 * AWS (CreateConnection, ConnectionInput.ConnectionType): "Required: All of (HOST, PORT,
 * JDBC_ENGINE) or JDBC_CONNECTION_URL. Required: All of (USERNAME, PASSWORD) or SECRET_ID.
 * Optional: JDBC_ENFORCE_SSL, CUSTOM_JDBC_CERT, CUSTOM_JDBC_CERT_STRING,
 * SKIP_CUSTOM_JDBC_CERT_VALIDATION."
 *
 * "Host and Port" builds JDBC_CONNECTION_URL in the format the AWS Glue documentation gives for each
 * engine ("AWS Glue JDBC connection properties") and sends only that URL, not HOST, PORT,
 * JDBC_ENGINE or DATABASE: the console, Terraform and the crawler documentation all work with the
 * URL, and a connection that carried both could drift (someone edits the URL in the console, HOST
 * stays). Either way of connecting therefore writes the same properties, and Create or Update
 * finds a connection made by Terraform or the console equal to the form.
 *
 * Optional flags are written only when they differ from AWS's default (SSL off, certificate
 * validated): the form's defaults are AWS's own, shown as hints, never sent.
 */
import type { INodeProperties } from 'n8n-workflow';

import { checkLength, checkPattern, checkPort, fail, required, str } from '../../shared/validation';
import {
	bool,
	checkCredentialProperties,
	checkNeeds,
	checkPropertyValues,
	checkS3Url,
	CREDENTIAL_LABELS,
	definedProperties,
	checkJavaClassName,
	checkNoSpace,
	credentialFields,
	credentialProperties,
} from './common';
import type { ConnectionTypeForm, ParameterBag } from './types';

const HOST_AND_PORT = 'hostPort';
const URL = 'url';

interface JdbcEngine {
	name: string;
	value: string;
	/** JDBC_CONNECTION_URL as the AWS Glue documentation writes it for the engine. */
	url(host: string, port: string, database: string): string;
}

const slashDatabase = (protocol: string) => (host: string, port: string, database: string) => `jdbc:${protocol}://${host}:${port}/${database}`;

/**
 * The engines AWS Glue connects to through JDBC and their URL formats (AWS Glue docs, "AWS Glue JDBC
 * connection properties"): jdbc:protocol://host:port/db_name; Oracle
 * jdbc:oracle:thin://@host:port/service_name; SQL Server jdbc:sqlserver://host:port;databaseName=db.
 * MariaDB and Aurora MySQL use the MySQL driver Glue ships, Aurora PostgreSQL the PostgreSQL one.
 */
export const JDBC_ENGINES: JdbcEngine[] = [
	{ name: 'Amazon Aurora MySQL', value: 'aurora-mysql', url: slashDatabase('mysql') },
	{ name: 'Amazon Aurora PostgreSQL', value: 'aurora-postgresql', url: slashDatabase('postgresql') },
	{ name: 'Amazon Redshift', value: 'redshift', url: slashDatabase('redshift') },
	{ name: 'MariaDB', value: 'mariadb', url: slashDatabase('mysql') },
	{ name: 'Microsoft SQL Server', value: 'sqlserver', url: (host, port, database) => `jdbc:sqlserver://${host}:${port};databaseName=${database}` },
	{ name: 'MySQL', value: 'mysql', url: slashDatabase('mysql') },
	{ name: 'Oracle', value: 'oracle', url: (host, port, service) => `jdbc:oracle:thin://@${host}:${port}/${service}` },
	{ name: 'PostgreSQL', value: 'postgres', url: slashDatabase('postgresql') },
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
		description:
			'Either way, the connection gets only a JDBC_CONNECTION_URL (as the console and Terraform write it), e.g. jdbc:postgresql://host:5432/sales; HOST, PORT and JDBC_ENGINE are not sent',
		options: [
			{ name: 'Host and Port', value: HOST_AND_PORT, description: 'Engine, host, port and database: the node writes the JDBC URL from them' },
			{ name: 'JDBC URL', value: URL, description: 'A complete JDBC connection URL' },
		],
	},
	{
		displayName: 'Database Engine',
		name: 'jdbcEngine',
		type: 'options',
		default: 'postgres',
		required: true,
		options: JDBC_ENGINES.map(({ name, value }) => ({ name, value })),
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
		required: true,
		placeholder: 'e.g. sales',
		description: 'The database (for Oracle: the service name) that ends the JDBC URL',
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
		description: "Whether AWS Glue connects only over SSL. Off is AWS's default and sends nothing (no JDBC_ENFORCE_SSL).",
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
		description: "Whether AWS Glue skips validating the custom certificate (needs a Custom JDBC Certificate). Off is AWS's default and sends nothing.",
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
		// The URL's rules are the request's (checkRequest below), whoever wrote it.
		return { JDBC_CONNECTION_URL: str(bag.jdbcConnectionUrl) };
	}
	if (using !== HOST_AND_PORT) fail('Connect Using', 'must be Host and Port or JDBC URL');
	const engineValue = required(bag.jdbcEngine, 'Database Engine');
	const engine = JDBC_ENGINES.find((option) => option.value === engineValue);
	if (!engine) return fail('Database Engine', `must be one of ${JDBC_ENGINES.map((option) => option.value).join(', ')}`);
	const host = checkPattern(checkLength(required(bag.jdbcHost, 'Host'), 'Host', 1, 253), 'Host', HOST, 'a host name or IP address without scheme or port');
	const port = checkPort(bag.jdbcPort, 'Port');
	const database = checkPattern(checkLength(required(bag.jdbcDatabase, 'Database'), 'Database', 1, 255), 'Database', /^[^\s/;:@?&=]+$/, 'a database name without spaces or URL separators (/ ; : @ ? & =)');
	return { JDBC_CONNECTION_URL: engine.url(host, port, database) };
}

function ssl(bag: ParameterBag): Record<string, string> {
	if (!bool(bag.jdbcEnforceSsl)) return {};
	return definedProperties({
		JDBC_ENFORCE_SSL: 'true',
		CUSTOM_JDBC_CERT: str(bag.jdbcCustomCert),
		SKIP_CUSTOM_JDBC_CERT_VALIDATION: bool(bag.jdbcSkipCertValidation) ? 'true' : undefined,
		CUSTOM_JDBC_CERT_STRING: str(bag.jdbcCustomCertString),
	});
}

export const jdbcForm: ConnectionTypeForm = {
	type: 'JDBC',
	fields,
	toConnectionProperties: (bag) => ({
		...location(bag),
		...definedProperties({
			JDBC_ENGINE_VERSION: str(bag.jdbcEngineVersion),
			JDBC_DRIVER_JAR_URI: str(bag.jdbcDriverJarUri),
			JDBC_DRIVER_CLASS_NAME: str(bag.jdbcDriverClassName),
		}),
		...credentialProperties(bag, 'jdbc', true),
		...ssl(bag),
	}),
	labels: {
		'ConnectionProperties.JDBC_CONNECTION_URL': 'JDBC URL',
		'ConnectionProperties.JDBC_ENGINE_VERSION': 'Engine Version',
		'ConnectionProperties.CUSTOM_JDBC_CERT': 'Custom JDBC Certificate',
		'ConnectionProperties.SKIP_CUSTOM_JDBC_CERT_VALIDATION': 'Skip Certificate Validation',
		'ConnectionProperties.JDBC_DRIVER_JAR_URI': 'Driver JAR',
		'ConnectionProperties.JDBC_DRIVER_CLASS_NAME': 'Driver Class Name',
		...CREDENTIAL_LABELS,
	},
	checkRequest(input, at) {
		const properties = input.ConnectionProperties ?? {};
		const url = properties.JDBC_CONNECTION_URL;
		const field = at('ConnectionProperties.JDBC_CONNECTION_URL');
		if (!url) {
			if (!(properties.HOST && properties.PORT && properties.JDBC_ENGINE)) fail(field, 'is required (or all of HOST, PORT and JDBC_ENGINE)');
		} else {
			checkLength(url, field, 6, 2048);
			checkPattern(url, field, /^jdbc:[a-z0-9]+:\S+$/i, 'a URL that starts with jdbc:, e.g. jdbc:postgresql://host:5432/db');
			const [, host, port] = /^jdbc:[a-z0-9:]+:\/\/@?([^/:;?,]*)(?::([^/;?,]*))?/i.exec(url) ?? [];
			if (host && !HOST.test(host) && !/^\[[0-9A-Fa-f:.]+\]$/.test(host)) fail(field, 'must name a host without spaces or other characters a host name cannot have');
			if (port !== undefined) checkPort(port, field);
		}
		checkCredentialProperties(input, at, true);
		checkPropertyValues(properties, at, {
			JDBC_ENGINE_VERSION: (value, field) => checkNoSpace(checkLength(value, field, 1, 64), field),
			CUSTOM_JDBC_CERT: checkS3Url,
			JDBC_DRIVER_JAR_URI: checkS3Url,
			JDBC_DRIVER_CLASS_NAME: checkJavaClassName,
		});
		checkNeeds(properties, at, 'SKIP_CUSTOM_JDBC_CERT_VALIDATION', 'CUSTOM_JDBC_CERT', 'needs a Custom JDBC Certificate');
		// A custom driver is a JAR and its class: the message names the one missing.
		if (properties.JDBC_DRIVER_JAR_URI && !properties.JDBC_DRIVER_CLASS_NAME) fail(at('ConnectionProperties.JDBC_DRIVER_CLASS_NAME'), 'is required with a custom driver JAR');
		if (properties.JDBC_DRIVER_CLASS_NAME && !properties.JDBC_DRIVER_JAR_URI) fail(at('ConnectionProperties.JDBC_DRIVER_JAR_URI'), 'is required with a custom driver class name');
	},
	propertyDefaults: { JDBC_ENFORCE_SSL: 'false', SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'false' },
};
