/**
 * The connector forms, MARKETPLACE and CUSTOM: a connector (from AWS Marketplace, or a custom one
 * from AWS Glue Studio) that reads and writes data stores Glue does not support natively.
 *
 * AWS (MARKETPLACE): "Required: CONNECTOR_TYPE, CONNECTOR_URL, CONNECTOR_CLASS_NAME,
 * CONNECTION_URL. Required for JDBC CONNECTOR_TYPE connections: All of (USERNAME, PASSWORD) or
 * SECRET_ID." CUSTOM connections use the same properties; the forms differ only in their field
 * prefix and in where the connector lives (CUSTOM: a JAR in S3; MARKETPLACE: the URL AWS
 * Marketplace gives for the subscribed connector, https:// or s3://).
 */
import type { INodeProperties } from 'n8n-workflow';

import { checkLength, checkOneOf, checkPattern, checkUrl, fail, str } from '../../shared/validation';
import { checkCredentialProperties, checkJavaClassName, CREDENTIAL_LABELS, checkNoSpace, checkPropertyValues, checkS3Url, credentialFields, credentialProperties } from './common';
import type { ConnectionTypeForm, ParameterBag } from './types';

/** CONNECTOR_TYPE values, as AWS Glue Studio stores them. */
export const CONNECTOR_TYPES = ['Jdbc', 'Spark', 'Athena'] as const;

interface ConnectorOptions {
	type: 'MARKETPLACE' | 'CUSTOM';
	/** Field name prefix, e.g. 'custom' gives customConnectorType. */
	prefix: string;
	urlPlaceholder: string;
	urlDescription: string;
	checkConnectorUrl(url: string, field: string): string;
}

function connectorFields({ prefix, urlPlaceholder, urlDescription }: ConnectorOptions): INodeProperties[] {
	return [
		{
			displayName: 'Connector Type',
			name: `${prefix}ConnectorType`,
			type: 'options',
			default: 'Jdbc',
			options: [
				{ name: 'Athena', value: 'Athena', description: 'An Amazon Athena data source connector' },
				{ name: 'JDBC', value: 'Jdbc', description: 'A JDBC driver' },
				{ name: 'Spark', value: 'Spark', description: 'An Apache Spark connector' },
			],
		},
		{
			displayName: 'Connector URL',
			name: `${prefix}ConnectorUrl`,
			type: 'string',
			default: '',
			required: true,
			placeholder: urlPlaceholder,
			description: urlDescription,
		},
		{
			displayName: 'Connector Class Name',
			name: `${prefix}ConnectorClassName`,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. com.example.connector.Driver',
		},
		{
			displayName: 'Connection URL',
			name: `${prefix}ConnectionUrl`,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. jdbc:snowflake://acme.snowflakecomputing.com/?db=sales',
			description: 'The data store URL the connector opens (for a JDBC connector it starts with jdbc:)',
		},
		...credentialFields(prefix, { show: { [`${prefix}ConnectorType`]: ['Jdbc'] } }),
	];
}

function connectorProperties(bag: ParameterBag, { prefix }: ConnectorOptions): Record<string, string> {
	const connectorType = str(bag[`${prefix}ConnectorType`]) || 'Jdbc';
	return {
		CONNECTOR_TYPE: connectorType,
		CONNECTOR_URL: str(bag[`${prefix}ConnectorUrl`]),
		CONNECTOR_CLASS_NAME: str(bag[`${prefix}ConnectorClassName`]),
		CONNECTION_URL: str(bag[`${prefix}ConnectionUrl`]),
		...(connectorType === 'Jdbc' ? credentialProperties(bag, prefix) : {}),
	};
}

/** The form of one connector type. */
export function connectorForm(options: ConnectorOptions): ConnectionTypeForm {
	return {
		type: options.type,
		fields: connectorFields(options),
		toConnectionProperties: (bag) => connectorProperties(bag, options),
		labels: {
			...Object.fromEntries(
				Object.entries({ CONNECTOR_TYPE: 'Connector Type', CONNECTOR_URL: 'Connector URL', CONNECTOR_CLASS_NAME: 'Connector Class Name', CONNECTION_URL: 'Connection URL' }).map(
					([key, label]) => [`ConnectionProperties.${key}`, label],
				),
			),
			...CREDENTIAL_LABELS,
		},
		checkRequest(input, at) {
			const properties = (input.ConnectionProperties ?? {}) as Record<string, string>;
			for (const key of ['CONNECTOR_TYPE', 'CONNECTOR_URL', 'CONNECTOR_CLASS_NAME', 'CONNECTION_URL']) {
				if (!properties[key]) fail(at(`ConnectionProperties.${key}`), 'is required');
			}
			checkPropertyValues(properties, at, {
				CONNECTOR_TYPE: (value, field) => checkOneOf(value, field, CONNECTOR_TYPES),
				CONNECTOR_URL: (value, field) => options.checkConnectorUrl(checkLength(value, field, 1, 2048), field),
				CONNECTOR_CLASS_NAME: checkJavaClassName,
				CONNECTION_URL: (value, field) => checkNoSpace(checkLength(value, field, 1, 2048), field),
			});
			if (properties.CONNECTOR_TYPE === 'Jdbc') {
				checkPattern(properties.CONNECTION_URL, at('ConnectionProperties.CONNECTION_URL'), /^jdbc:/i, 'a URL that starts with jdbc: for a JDBC connector');
				checkCredentialProperties(input, at);
			}
		},
	};
}

/** Accepts an https:// or s3:// URL. */
export function checkHttpsOrS3Url(url: string, field: string): string {
	return url.startsWith('s3://') ? checkS3Url(url, field) : checkUrl(url, field, ['https']);
}
