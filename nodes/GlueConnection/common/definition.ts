import type { ConnectionInput, PhysicalConnectionRequirements, TestConnectionInput } from '@aws-sdk/client-glue';
import type { INodeProperties } from 'n8n-workflow';

import { optionalSettings } from '../../shared/descriptions';
import { keyValueCollection, listField, toList, toStringMap } from '../../shared/keyValue';
import { hiddenWhileJson } from '../../shared/reconcileFields';
import { secretSourceField } from '../../shared/secrets';
import { GLUE_COMPUTE_ENVIRONMENTS } from '../../shared/sdkEnums.generated';
import { declarationsOf } from '../../shared/secretModel';
import { checkPattern, compact, fail, required, str } from '../../shared/validation';
import { CONNECTION_TYPE_FORMS, connectionTypeFormFields, findConnectionTypeForm } from '../connectionTypes';
import type { Label, ParameterBag } from '../connectionTypes/types';
import { authenticationFields, toAuthenticationConfiguration } from './authentication';
import { checkConnectionName, checkGlueRequest } from './check';
import { mappedProperties, SECRET_PROPERTIES_FIELD, secretPropertyValues } from './describedType';

export const OTHER_CONNECTION_TYPE = '__other__';
export { checkConnectionName };

/**
 * The connection type picker: the types AWS lists for the credential's account and region
 * (ListConnectionTypes; the SDK's own list when that fails), plus one typed by hand.
 */
const connectionTypeFields: INodeProperties[] = [
	{
		displayName: 'Connection Type Name or ID',
		name: 'connectionType',
		type: 'options',
		default: 'JDBC',
		required: true,
		description:
			'The types AWS Glue lists for your account and region. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		typeOptions: { loadOptionsMethod: 'getConnectionTypes' },
	},
	{
		displayName: 'Other Connection Type',
		name: 'otherConnectionType',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. SNOWFLAKE',
		displayOptions: { show: { connectionType: [OTHER_CONNECTION_TYPE] } },
	},
];

/** Types with a form of their own: AWS's description of them is not used. */
export const FIRST_CLASS_TYPES = CONNECTION_TYPE_FORMS.map((form) => form.type);

/**
 * Every other type: its properties as AWS describes them (DescribeConnectionType), one field per
 * property; its SECRET properties in password fields of their own.
 */
const describedTypeFields: INodeProperties[] = [
	{
		displayName: 'Connection Properties',
		name: 'connectionProperties',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description: 'The properties AWS Glue describes for this connection type',
		typeOptions: {
			loadOptionsDependsOn: ['connectionType', 'otherConnectionType'],
			resourceMapper: {
				resourceMapperMethod: 'getConnectionProperties',
				mode: 'add',
				// The editor labels the mapper with this, not with the parameter's display name.
				valuesLabel: 'Connection Properties',
				fieldWords: { singular: 'property', plural: 'properties' },
				addAllFields: true,
				supportAutoMap: false,
				noFieldsError: 'AWS Glue describes no properties for this connection type',
			},
		},
		displayOptions: { hide: { connectionType: FIRST_CLASS_TYPES } },
	},
	{
		displayName: 'Secret Connection Properties',
		name: SECRET_PROPERTIES_FIELD,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Secret Property',
		default: {},
		description:
			'Properties AWS Glue marks as SECRET for this type (a Secret ARN may hold them instead). With Secret Values From set to AWS Secrets Manager or the credential, each value is a reference, as in Custom Credentials.',
		displayOptions: { hide: { connectionType: FIRST_CLASS_TYPES } },
		options: [
			{
				displayName: 'Entry',
				name: 'pairs',
				values: [
					{
						displayName: 'Property Name or ID',
						name: 'key',
						type: 'options',
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						typeOptions: { loadOptionsMethod: 'getSecretConnectionProperties', loadOptionsDependsOn: ['connectionType', 'otherConnectionType'] },
					},
					{ displayName: 'Value', name: 'value', type: 'string', typeOptions: { password: true }, default: '' },
				],
			},
		],
	},
];

const additionalPropertiesField: INodeProperties = {
	...keyValueCollection({
			name: 'additionalConnectionProperties',
			displayName: 'Additional Connection Properties',
			description:
				'Any further ConnectionProperties key, e.g. ENDPOINT or ROLE_ARN. A key set by the form above cannot be set here as well.',
			keyPlaceholder: 'e.g. JDBC_ENGINE_VERSION',
		}),
	};

/** The parts of a definition only a saved connection has (Create, Update, Create or Update; not Test Definition). */
export const savedConnectionFields: INodeProperties[] = hiddenWhileJson([
	{
		displayName: 'Network (VPC)',
		name: 'physicalConnectionRequirements',
		type: 'collection',
		placeholder: 'Add Network Setting',
		default: {},
		description: 'The VPC subnet, security groups and Availability Zone Glue connects from (required for NETWORK)',
		options: [
			{ displayName: 'Availability Zone', name: 'availabilityZone', type: 'string', default: '', placeholder: 'e.g. eu-west-1a' },
			listField({
				displayName: 'Security Group IDs',
				name: 'securityGroupIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. sg-0123456789abcdef0, sg-0fedcba9876543210',
				description: 'Comma-separated, at most 50',
			}),
			{ displayName: 'Subnet ID', name: 'subnetId', type: 'string', default: '', placeholder: 'e.g. subnet-0123456789abcdef0' },
		],
	},
	optionalSettings('Field', [
		{ ...keyValueCollection({ name: 'athenaProperties', displayName: 'Athena Properties', description: 'Properties for the Athena compute environment' }) },
		{ displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 2 } },
		listField({
			displayName: 'Match Criteria',
			name: 'matchCriteria',
			type: 'string',
			default: '',
			placeholder: 'e.g. team-sales, prod',
			description: 'Comma-separated criteria used to select this connection, at most 10',
		}),
		{ ...keyValueCollection({ name: 'pythonProperties', displayName: 'Python Properties', description: 'Properties for the Python compute environment' }) },
		{ ...keyValueCollection({ name: 'sparkProperties', displayName: 'Spark Properties', description: 'Properties for the Spark compute environment' }) },
		{
			...keyValueCollection({ name: 'tags', displayName: 'Tags', description: 'Tags for a new connection, at most 50 (AWS ignores them on update)' }),
			displayOptions: { show: { '/operation': ['create', 'createOrUpdate', 'reconcile'] } },
		},
		{
			displayName: 'Validate Credentials',
			name: 'validateCredentials',
			type: 'boolean',
			default: false,
			description: 'Whether AWS Glue checks the credentials while it saves the connection',
		},
		{
			displayName: 'Validate for Compute Environments',
			name: 'validateForComputeEnvironments',
			type: 'multiOptions',
			default: [],
			description: 'The compute environments in which AWS Glue checks that the connection works',
			options: GLUE_COMPUTE_ENVIRONMENTS.map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase(), value })),
		},
	]),
]);

/**
 * The definition form every operation that sends a definition shows (Create, Update, Create or
 * Update, Test Definition), in display order: the type, where secrets come from, the type's own
 * form or AWS's description of it, authentication and further properties.
 */
export const definitionFields: INodeProperties[] = [
	...hiddenWhileJson(connectionTypeFields),
	// Also for a JSON Definition: its {"$secret": {"credential": …}} references need the credential.
	secretSourceField({}),
	...hiddenWhileJson([...connectionTypeFormFields(), ...describedTypeFields, ...authenticationFields, additionalPropertiesField]),
];

/**
 * The connection type chosen in the list (as AWS spells it), or typed under "Other" (upper-cased),
 * validated. The one reader of the choice: runs and the editor's described-type lists both use it.
 */
export function chosenConnectionType(bag: ParameterBag): string {
	const picked = required(bag.connectionType ?? 'JDBC', 'Connection Type');
	if (picked !== OTHER_CONNECTION_TYPE) return picked;
	const typed = required(bag.otherConnectionType, 'Other Connection Type').toUpperCase();
	return checkPattern(typed, 'Other Connection Type', /^[A-Z0-9_]{1,64}$/, 'a connection type code such as SNOWFLAKE');
}

function connectionProperties(bag: ParameterBag, type: string): Record<string, string> {
	const form = findConnectionTypeForm(type);
	const fromForm = form ? form.toConnectionProperties(bag) : describedProperties(bag);
	const extra = toStringMap(bag.additionalConnectionProperties, 'Additional Connection Properties') ?? {};
	for (const key of Object.keys(extra)) {
		if (key in fromForm) fail('Additional Connection Properties', `key "${key}" is already set by the form`);
	}
	return { ...fromForm, ...extra };
}

/** A described type's properties: the resource mapper's values and the secret rows. */
function describedProperties(bag: ParameterBag): Record<string, string> {
	const visible = mappedProperties(bag.connectionProperties);
	const secrets = secretPropertyValues(bag);
	for (const key of Object.keys(secrets)) {
		if (key in visible) fail('Secret Connection Properties', `key "${key}" is already set in Connection Properties`);
	}
	return { ...visible, ...secrets };
}

function physicalConnectionRequirements(bag: ParameterBag): PhysicalConnectionRequirements | undefined {
	const group = (bag.physicalConnectionRequirements ?? {}) as Record<string, unknown>;
	const securityGroupIds = toList(group.securityGroupIds);
	const network = compact({
		SubnetId: str(group.subnetId) || undefined,
		SecurityGroupIdList: securityGroupIds.length ? securityGroupIds : undefined,
		AvailabilityZone: str(group.availabilityZone) || undefined,
	});
	return Object.keys(network).length ? network : undefined;
}

/** The form's label of each request path that is not a type's own field (those come from the type's module and the secret model). */
const FORM_LABELS: Record<string, string> = {
	Name: 'Name',
	Description: 'Description',
	ConnectionType: 'Connection Type',
	MatchCriteria: 'Match Criteria',
	ConnectionProperties: 'Additional Connection Properties',
	SparkProperties: 'Spark Properties',
	AthenaProperties: 'Athena Properties',
	PythonProperties: 'Python Properties',
	Tags: 'Tags',
	'PhysicalConnectionRequirements.SubnetId': 'Subnet ID',
	'PhysicalConnectionRequirements.SecurityGroupIdList': 'Security Group IDs',
	'PhysicalConnectionRequirements.AvailabilityZone': 'Availability Zone',
	'AuthenticationConfiguration.AuthenticationType': 'Authentication Type',
	'AuthenticationConfiguration.SecretArn': 'Secret ARN',
	'AuthenticationConfiguration.KmsKeyArn': 'KMS Key ARN',
	'AuthenticationConfiguration.BasicAuthenticationCredentials.Username': 'Username',
	'AuthenticationConfiguration.OAuth2Properties.OAuth2ClientApplication.UserManagedClientApplicationClientId': 'Client ID',
	'AuthenticationConfiguration.OAuth2Properties.OAuth2ClientApplication.AWSManagedClientApplicationReference': 'AWS Managed Client Application Reference',
	'AuthenticationConfiguration.OAuth2Properties.TokenUrl': 'Token URL',
	'AuthenticationConfiguration.OAuth2Properties.TokenUrlParametersMap': 'Token URL Parameters',
	'AuthenticationConfiguration.OAuth2Properties.AuthorizationCodeProperties.RedirectUri': 'Redirect URI',
	'AuthenticationConfiguration.OAuth2Properties.OAuth2GrantType': 'Grant Type',
};
// Secret fields are labelled where they are declared (the secret model); a type's own fields by its module.
const SECRET_LABELS = Object.fromEntries(declarationsOf('glue').map((declaration) => [declaration.sdkPath.replace(/\.\*$/, ''), declaration.label]));

/** Messages about the form's request name its fields. */
export function formLabel(type: string): Label {
	const own = findConnectionTypeForm(type)?.labels ?? {};
	return (path) =>
		own[path] ?? FORM_LABELS[path] ?? SECRET_LABELS[path] ?? (path.startsWith('ConnectionProperties.') ? (findConnectionTypeForm(type) ? 'Additional Connection Properties' : 'Connection Properties') : path);
}

/** Pure: the TestConnectionInput of an inline definition, checked by the request checker. */
export function buildTestConnectionInput(bag: ParameterBag): TestConnectionInput {
	const type = chosenConnectionType(bag);
	const input = compact({ ConnectionType: type as never, ConnectionProperties: connectionProperties(bag, type), AuthenticationConfiguration: toAuthenticationConfiguration(bag) });
	checkGlueRequest(input, formLabel(type), undefined, false);
	return input;
}

/** Pure: the whole ConnectionInput the form's fields say, checked by the request checker (common/check.ts). */
export function buildConnectionInput(bag: ParameterBag, name: string): ConnectionInput {
	const type = chosenConnectionType(bag);
	const extra = (bag.additionalFields ?? {}) as Record<string, unknown>;
	const description = typeof extra.description === 'string' ? extra.description : '';
	const matchCriteria = toList(extra.matchCriteria);
	const environments = toList(extra.validateForComputeEnvironments);
	const input: ConnectionInput = compact({
		Name: name,
		Description: description || undefined,
		ConnectionType: type as never,
		MatchCriteria: matchCriteria.length ? matchCriteria : undefined,
		ConnectionProperties: connectionProperties(bag, type),
		SparkProperties: toStringMap(extra.sparkProperties, 'Spark Properties'),
		AthenaProperties: toStringMap(extra.athenaProperties, 'Athena Properties'),
		PythonProperties: toStringMap(extra.pythonProperties, 'Python Properties'),
		PhysicalConnectionRequirements: physicalConnectionRequirements(bag),
		AuthenticationConfiguration: toAuthenticationConfiguration(bag),
		ValidateCredentials: extra.validateCredentials === true ? true : undefined,
		ValidateForComputeEnvironments: environments.length ? (environments as never[]) : undefined,
	});
	checkGlueRequest(input, formLabel(type), buildTags(bag));
	return input;
}

/** Pure: the tags of a new connection (CreateConnection only). */
export function buildTags(bag: ParameterBag): Record<string, string> | undefined {
	return toStringMap(((bag.additionalFields ?? {}) as Record<string, unknown>).tags, 'Tags');
}

/** AWS's values for ConnectionProperties keys that are absent, for the chosen type. */
export function propertyDefaults(type: string): Record<string, string> {
	return findConnectionTypeForm(type)?.propertyDefaults ?? {};
}

