import type {
	ConnectionPropertiesConfiguration,
	ConnectorAuthenticationConfiguration,
	RegisterConnectionTypeRequest,
	RestConfiguration,
} from '@aws-sdk/client-glue';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalSettings } from '../../../shared/descriptions';
import { namedField, type OperationKeys } from '../../../shared/form';
import { keyValueCollection, toStringMap } from '../../../shared/keyValue';
import { readParameters } from '../../../shared/parameters';
import type { ServiceProvider } from '../../../shared/router';
import {
	GLUE_AUTHENTICATION_TYPES,
	GLUE_CONNECTOR_OAUTH2_GRANT_TYPES,
	GLUE_CONTENT_TYPES,
	GLUE_FIELD_DATA_TYPES,
	GLUE_HTTP_METHODS,
	GLUE_INTEGRATION_TYPES,
	GLUE_PROPERTY_LOCATIONS,
	GLUE_PROPERTY_TYPES,
} from '../../../shared/sdkEnums.generated';
import { checkLength, checkOneOf, compact, fail, str } from '../../../shared/validation';
import { toolDescriptionField } from '../../../shared/toolMode';
import type { ParameterBag } from '../../connectionTypes/types';
import { registerConnectionType } from '../../common/writes';
import type { GlueService } from '../../transport';
import { connectionTypeName, optionsField } from './shared';

const MAX_TAGS = 50;

const nameField = namedField({
	displayName: 'Name',
	name: 'newConnectionType',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. REST-TICKETS',
	description: 'The name of the custom connection type: it starts with "REST-" (1 to 255 characters)',
});

const fields: INodeProperties[] = [
	{
		displayName: 'Integration Type',
		name: 'integrationType',
		type: 'options',
		default: 'REST',
		options: GLUE_INTEGRATION_TYPES.map((value) => ({ name: value, value })),
	},
	{
		displayName: 'Authentication Types',
		name: 'connectorAuthenticationTypes',
		type: 'multiOptions',
		default: [],
		required: true,
		description: 'How connections of this type may authenticate to the REST source',
		options: GLUE_AUTHENTICATION_TYPES.map((value) => ({ name: value, value })),
	},
	{
		displayName: 'Connection Properties (JSON)',
		name: 'connectionPropertiesConfiguration',
		type: 'json',
		default: '{\n  "Url": { "Name": "INSTANCE_URL", "Required": true, "PropertyType": "USER_INPUT" },\n  "AdditionalRequestParameters": []\n}',
		required: true,
		description:
			'The base URL and further request parameters a connection of this type is created with (ConnectionPropertiesConfiguration); each is a ConnectorProperty with Name, Required and PropertyType',
	},
	{
		displayName: 'REST Configuration (JSON)',
		name: 'restConfiguration',
		type: 'json',
		default:
			'{\n  "GlobalSourceConfiguration": {\n    "RequestMethod": "GET",\n    "RequestPath": "/api/v1",\n    "ResponseConfiguration": { "ResultPath": "$.items" }\n  },\n  "EntityConfigurations": {}\n}',
		required: true,
		description: 'How requests are made and responses read: global source, validation endpoint and entities (RestConfiguration)',
	},
	optionalSettings(
		'Field',
		[
			{
				displayName: 'Authentication Properties (JSON)',
				name: 'authenticationProperties',
				type: 'json',
				default: '{}',
				description:
					'OAuth2Properties, BasicAuthenticationProperties and CustomAuthenticationProperties of the ConnectorAuthenticationConfiguration',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 2 }, description: 'At most 2048 characters' },
			{ ...keyValueCollection({ name: 'tags', displayName: 'Tags', description: 'Tags for the connection type, at most 50' }) },
		],
		'connectionTypeFields',
	),
];

/** What a model reads about this operation as a tool (nodes/shared/toolMode.ts). */
const TOOL_DESCRIPTION =
	'Register a custom REST-based AWS Glue connection type from the settings this tool asks for. Returns { connectionType, connectionTypeArn, action: "registered" }.';

export const description = [toolDescriptionField(TOOL_DESCRIPTION), nameField, ...fields, optionsField] as const;
export const keys: OperationKeys<typeof description> = ['newConnectionType'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON field's value: n8n hands over a string, or an object when it holds an expression. */
function jsonObject(value: unknown, field: string): Json {
	let parsed = value ?? {};
	if (typeof value === 'string') {
		if (!value.trim()) return {};
		try {
			parsed = JSON.parse(value);
		} catch {
			fail(field, 'must be valid JSON');
		}
	}
	if (!isObject(parsed)) fail(field, 'must be a JSON object');
	return parsed as Json;
}

function checkEnum(value: unknown, field: string, path: string, allowed: readonly string[]) {
	if (value !== undefined && !(typeof value === 'string' && allowed.includes(value))) {
		fail(field, `${path} must be one of ${allowed.join(', ')}`);
	}
}

/** A ConnectorProperty: Name, Required and PropertyType are required; the rest must have their types. */
function checkConnectorProperty(value: unknown, field: string, path: string) {
	if (!isObject(value)) fail(field, `${path} must be an object`);
	const property = value as Json;
	if (typeof property.Name !== 'string' || !property.Name.trim()) fail(field, `${path}.Name is required`);
	if (typeof property.Required !== 'boolean') fail(field, `${path}.Required must be true or false`);
	if (property.PropertyType === undefined) fail(field, `${path}.PropertyType is required`);
	checkEnum(property.PropertyType, field, `${path}.PropertyType`, GLUE_PROPERTY_TYPES);
	checkEnum(property.PropertyLocation, field, `${path}.PropertyLocation`, GLUE_PROPERTY_LOCATIONS);
	for (const key of ['KeyOverride', 'DefaultValue', 'Format'] as const) {
		if (property[key] !== undefined && typeof property[key] !== 'string') fail(field, `${path}.${key} must be a string`);
	}
	const allowed = property.AllowedValues;
	if (allowed !== undefined && !(Array.isArray(allowed) && allowed.every((v) => typeof v === 'string'))) {
		fail(field, `${path}.AllowedValues must be a list of strings`);
	}
}

function checkConnectorProperties(value: unknown, field: string, path: string) {
	if (value === undefined) return;
	if (!Array.isArray(value)) fail(field, `${path} must be a list`);
	(value as unknown[]).forEach((entry, index) => checkConnectorProperty(entry, field, `${path}[${index}]`));
}

/** Members of an object that hold one ConnectorProperty or a list of them, checked as such. */
function checkPropertyMembers(value: Json, field: string, path: string, single: string[], lists: string[] = []) {
	for (const key of single) if (value[key] !== undefined) checkConnectorProperty(value[key], field, `${path}.${key}`);
	for (const key of lists) checkConnectorProperties(value[key], field, `${path}.${key}`);
}

function connectionPropertiesConfiguration(bag: ParameterBag): ConnectionPropertiesConfiguration {
	const field = 'Connection Properties (JSON)';
	const value = jsonObject(bag.connectionPropertiesConfiguration, field);
	checkPropertyMembers(value, field, 'connection properties', ['Url'], ['AdditionalRequestParameters']);
	if (value.Url === undefined && !(value.AdditionalRequestParameters as unknown[] | undefined)?.length) {
		fail(field, 'needs a Url or at least one of AdditionalRequestParameters');
	}
	return value as ConnectionPropertiesConfiguration;
}

const OAUTH2_FLOWS: Record<string, { key: string; single: string[] }> = {
	CLIENT_CREDENTIALS: { key: 'ClientCredentialsProperties', single: ['TokenUrl', 'ClientId', 'ClientSecret', 'Scope'] },
	JWT_BEARER: { key: 'JWTBearerProperties', single: ['TokenUrl', 'JwtToken'] },
	AUTHORIZATION_CODE: {
		key: 'AuthorizationCodeProperties',
		single: ['AuthorizationCodeUrl', 'AuthorizationCode', 'RedirectUri', 'TokenUrl', 'ClientId', 'ClientSecret', 'Scope', 'Prompt'],
	},
};

function connectorAuthentication(bag: ParameterBag, extra: Json): ConnectorAuthenticationConfiguration {
	const types = (Array.isArray(bag.connectorAuthenticationTypes) ? bag.connectorAuthenticationTypes : str(bag.connectorAuthenticationTypes).split(','))
		.map((type) => str(type))
		.filter(Boolean);
	if (!types.length) fail('Authentication Types', 'needs at least one type');
	for (const type of types) checkOneOf(type, 'Authentication Types', GLUE_AUTHENTICATION_TYPES);

	const field = 'Authentication Properties (JSON)';
	const properties = jsonObject(extra.authenticationProperties, field);
	const allowedKeys = ['OAuth2Properties', 'BasicAuthenticationProperties', 'CustomAuthenticationProperties'];
	for (const key of Object.keys(properties)) {
		if (!allowedKeys.includes(key)) fail(field, `${key} is not one of ${allowedKeys.join(', ')}`);
	}
	const oauth2 = properties.OAuth2Properties;
	if (oauth2 !== undefined) {
		if (!isObject(oauth2)) fail(field, 'OAuth2Properties must be an object');
		const grant = (oauth2 as Json).OAuth2GrantType;
		if (grant === undefined) fail(field, 'OAuth2Properties.OAuth2GrantType is required');
		checkEnum(grant, field, 'OAuth2Properties.OAuth2GrantType', GLUE_CONNECTOR_OAUTH2_GRANT_TYPES);
		for (const { key, single } of Object.values(OAUTH2_FLOWS)) {
			const flow = (oauth2 as Json)[key];
			if (flow === undefined) continue;
			if (!isObject(flow)) fail(field, `OAuth2Properties.${key} must be an object`);
			checkPropertyMembers(flow as Json, field, `OAuth2Properties.${key}`, single, ['TokenUrlParameters']);
			checkEnum((flow as Json).RequestMethod, field, `OAuth2Properties.${key}.RequestMethod`, GLUE_HTTP_METHODS);
			checkEnum((flow as Json).ContentType, field, `OAuth2Properties.${key}.ContentType`, GLUE_CONTENT_TYPES);
		}
	}
	const basic = properties.BasicAuthenticationProperties;
	if (basic !== undefined) {
		if (!isObject(basic)) fail(field, 'BasicAuthenticationProperties must be an object');
		checkPropertyMembers(basic as Json, field, 'BasicAuthenticationProperties', ['Username', 'Password']);
	}
	const custom = properties.CustomAuthenticationProperties;
	if (custom !== undefined) {
		if (!isObject(custom) || !Array.isArray((custom as Json).AuthenticationParameters)) {
			fail(field, 'CustomAuthenticationProperties.AuthenticationParameters is required (a list)');
		}
		checkConnectorProperties((custom as Json).AuthenticationParameters, field, 'CustomAuthenticationProperties.AuthenticationParameters');
	}
	return { AuthenticationTypes: types as never[], ...properties };
}

function checkSourceConfiguration(value: unknown, field: string, path: string) {
	if (value === undefined) return;
	if (!isObject(value)) fail(field, `${path} must be an object`);
	const source = value as Json;
	checkEnum(source.RequestMethod, field, `${path}.RequestMethod`, GLUE_HTTP_METHODS);
	if (source.RequestPath !== undefined && typeof source.RequestPath !== 'string') fail(field, `${path}.RequestPath must be a string`);
	checkConnectorProperties(source.RequestParameters, field, `${path}.RequestParameters`);
	const response = source.ResponseConfiguration;
	if (response !== undefined && !(isObject(response) && typeof response.ResultPath === 'string' && response.ResultPath)) {
		fail(field, `${path}.ResponseConfiguration.ResultPath is required`);
	}
}

function restConfiguration(bag: ParameterBag): RestConfiguration {
	const field = 'REST Configuration (JSON)';
	const value = jsonObject(bag.restConfiguration, field);
	if (!Object.keys(value).length) fail(field, 'is required');
	checkSourceConfiguration(value.GlobalSourceConfiguration, field, 'GlobalSourceConfiguration');
	checkSourceConfiguration(value.ValidationEndpointConfiguration, field, 'ValidationEndpointConfiguration');
	const entities = value.EntityConfigurations;
	if (entities !== undefined) {
		if (!isObject(entities)) fail(field, 'EntityConfigurations must be an object keyed by entity name');
		for (const [entity, configuration] of Object.entries(entities as Json)) {
			const path = `EntityConfigurations.${entity}`;
			if (!isObject(configuration)) fail(field, `${path} must be an object`);
			checkSourceConfiguration((configuration as Json).SourceConfiguration, field, `${path}.SourceConfiguration`);
			for (const [name, definition] of Object.entries(((configuration as Json).Schema ?? {}) as Json)) {
				if (!isObject(definition) || typeof definition.Name !== 'string' || !definition.Name) fail(field, `${path}.Schema.${name}.Name is required`);
				if ((definition as Json).FieldDataType === undefined) fail(field, `${path}.Schema.${name}.FieldDataType is required`);
				checkEnum((definition as Json).FieldDataType, field, `${path}.Schema.${name}.FieldDataType`, GLUE_FIELD_DATA_TYPES);
			}
		}
	}
	return value as RestConfiguration;
}

/** Pure: the RegisterConnectionType request from the form, validated against the SDK's types. */
export function buildRegisterConnectionTypeRequest(bag: ParameterBag): RegisterConnectionTypeRequest {
	const name = connectionTypeName(bag.newConnectionType, 'Name');
	if (!name.startsWith('REST-')) fail('Name', 'must start with "REST-" (AWS registers REST-based connection types only)');
	const integrationType = checkOneOf(str(bag.integrationType) || 'REST', 'Integration Type', GLUE_INTEGRATION_TYPES);
	const extra = (bag.connectionTypeFields ?? {}) as Json;
	const description = typeof extra.description === 'string' ? extra.description : '';
	if (description) checkLength(description, 'Description', 0, 2048);
	return compact({
		ConnectionType: name,
		IntegrationType: integrationType,
		Description: description || undefined,
		ConnectionProperties: connectionPropertiesConfiguration(bag),
		ConnectorAuthenticationConfiguration: connectorAuthentication(bag, extra),
		RestConfiguration: restConfiguration(bag),
		Tags: toStringMap(extra.tags, 'Tags', MAX_TAGS),
	});
}

/** RegisterConnectionType: a custom REST-based connection type. */
export async function execute(this: IExecuteFunctions, itemIndex: number, service: ServiceProvider<GlueService>): Promise<IDataObject> {
	const request = buildRegisterConnectionTypeRequest(readParameters(this, itemIndex, description));
	const { ConnectionTypeArn } = await registerConnectionType(await service(), request);
	return { connectionType: request.ConnectionType, connectionTypeArn: ConnectionTypeArn, action: 'registered', changed: true };
}
