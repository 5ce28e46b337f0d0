/**
 * Connection types AWS describes (ListConnectionTypes / DescribeConnectionType), for the types the
 * first-class forms do not cover: the Connection Type list, the "Connection Properties" form (an
 * n8n resource mapper) and the check of an item against the same description. Pure functions:
 * the AWS calls are in ../methods and ../transport.
 */
import type { ConnectionTypeBrief, DescribeConnectionTypeResponse, Property } from '@aws-sdk/client-glue';
import type { INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

import { toEntries } from '../../shared/keyValue';
import { GLUE_CONNECTION_TYPES } from '../../shared/sdkEnums.generated';
import { fail, str } from '../../shared/validation';
import type { ParameterBag } from '../connectionTypes/types';

export type ConnectionTypeDescription = DescribeConnectionTypeResponse;

/** The resource mapper's id of the read-only line that sums the type up (never sent). */
export const ABOUT_FIELD_ID = '__about';
const OPTION_LIST_SEPARATOR = ' · ';

const isSecret = (property: Property) => (property.PropertyTypes ?? []).includes('SECRET');
/** READ_ONLY (set by AWS) and UNUSED properties are not the user's to fill. */
const isHidden = (property: Property) => (property.PropertyTypes ?? []).some((type) => type === 'READ_ONLY' || type === 'UNUSED');

/** The properties the user may set: neither secret, read-only nor unused; in AWS's order. */
export function inputProperties(description: ConnectionTypeDescription): Property[] {
	return Object.values(description.ConnectionProperties ?? {}).filter((p) => p.Name && !isHidden(p) && !isSecret(p));
}

/** The SECRET properties the user may set (in a password field, never in the mapper). */
export function secretProperties(description: ConnectionTypeDescription): Property[] {
	return Object.values(description.ConnectionProperties ?? {}).filter((p) => p.Name && !isHidden(p) && isSecret(p));
}

/** Whether Glue needs Network (VPC) settings for this type. */
export function needsNetwork(description: ConnectionTypeDescription): boolean {
	const physical = Object.values(description.PhysicalConnectionRequirements ?? {});
	const environments = Object.values(description.ComputeEnvironmentConfigurations ?? {});
	return physical.some((p) => p.Required === true) || environments.some((e) => e.PhysicalConnectionPropertiesRequired === true);
}

export function supportedAuthenticationTypes(description: ConnectionTypeDescription): string[] {
	return description.Capabilities?.SupportedAuthenticationTypes ?? [];
}

const secretArnRequired = (description: ConnectionTypeDescription) =>
	description.AuthenticationConfiguration?.SecretArn?.Required === true;

/** One short line (the editor cuts long labels) that tells what the type needs besides its properties. */
export function typeSummary(description: ConnectionTypeDescription): string {
	const auth = supportedAuthenticationTypes(description);
	return [
		auth.length ? `auth ${auth.join('/')}` : 'no auth',
		needsNetwork(description) ? 'VPC required' : 'VPC optional',
		...(secretArnRequired(description) ? ['Secret ARN required'] : []),
	].join(OPTION_LIST_SEPARATOR);
}

function propertyLabel(property: Property): string {
	const parts = [property.Name as string];
	const description = str(property.Description);
	if (description) parts.push(`: ${description}`);
	if (property.DefaultValue) parts.push(` (default ${property.DefaultValue})`);
	return parts.join('');
}

/** The resource mapper's fields: one per property the user may set, after a read-only summary. */
export function mapperFields(description: ConnectionTypeDescription): ResourceMapperField[] {
	const about: ResourceMapperField = {
		id: ABOUT_FIELD_ID,
		// Authentication Type and Network (VPC) are fields further down the form.
		displayName: `${description.ConnectionType}: ${typeSummary(description)}`,
		required: false,
		defaultMatch: false,
		display: true,
		readOnly: true,
		type: 'string',
	};
	const fields = inputProperties(description).map((property): ResourceMapperField => {
		const allowed = (property.AllowedValues ?? []).map((a) => a.Value).filter((v): v is string => !!v);
		return {
			id: property.Name as string,
			displayName: propertyLabel(property),
			required: property.Required === true,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: allowed.length ? 'options' : 'string',
			...(allowed.length ? { options: allowed.map((value) => ({ name: value, value })) } : {}),
		};
	});
	return [about, ...fields];
}

/** Values of the resource mapper, as ConnectionProperties (empty values and the summary left out). */
export function mappedProperties(mapper: unknown): Record<string, string> {
	const values = ((mapper ?? {}) as { value?: Record<string, unknown> | null }).value ?? {};
	const properties: Record<string, string> = {};
	for (const [key, value] of Object.entries(values)) {
		if (key === ABOUT_FIELD_ID || value === null || value === undefined) continue;
		const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
		if (text.trim() !== '') properties[key] = typeof value === 'string' ? value.trim() : text;
	}
	return properties;
}

export const SECRET_PROPERTIES_FIELD = 'describedSecretProperties';

/** The Secret Connection Properties rows as ConnectionProperties (values as typed, not trimmed). */
export function secretPropertyValues(bag: ParameterBag): Record<string, string> {
	const entries = toEntries(bag[SECRET_PROPERTIES_FIELD], 'Secret Connection Properties');
	return Object.fromEntries(entries.filter((e) => e.value !== '').map((e) => [e.key, e.value]));
}

/** What the check of an item against its type's description looks at. */
export interface DescribedDefinition {
	connectionProperties: Record<string, string>;
	/** The item gives a Secrets Manager secret, which may hold the type's secret properties. */
	hasSecretArn: boolean;
	authenticationType?: string;
	hasNetwork: boolean;
}

/**
 * Checks a definition against its type's description, as AWS would: required properties (a
 * required secret may come from the Secret ARN instead), allowed values, a supported
 * authentication type, a required Secret ARN and Network (VPC). Messages never echo a value.
 */
export function checkAgainstDescription(description: ConnectionTypeDescription, definition: DescribedDefinition): void {
	const type = description.ConnectionType;
	const given = definition.connectionProperties;
	for (const property of Object.values(description.ConnectionProperties ?? {})) {
		const name = property.Name as string;
		if (!name || isHidden(property)) continue;
		const field = isSecret(property) ? 'Secret Connection Properties' : 'Connection Properties';
		const value = given[name];
		if (value === undefined || value === '') {
			if (property.Required === true && !(isSecret(property) && definition.hasSecretArn)) {
				fail(field, `${name} is required for ${type}`);
			}
			continue;
		}
		const allowed = (property.AllowedValues ?? []).map((a) => a.Value).filter((v): v is string => !!v);
		if (allowed.length && !allowed.includes(value)) fail(field, `${name} must be one of ${allowed.join(', ')}`);
	}
	const auth = supportedAuthenticationTypes(description);
	if (definition.authenticationType && auth.length && !auth.includes(definition.authenticationType)) {
		fail('Authentication Type', `${type} supports ${auth.join(', ')}`);
	}
	if (secretArnRequired(description) && !definition.hasSecretArn) fail('Secret ARN', `is required for ${type}`);
	if (needsNetwork(description) && !definition.hasNetwork) fail('Network (VPC)', `is required for ${type} (subnet, security groups, Availability Zone)`);
}

/** The Connection Type list from ListConnectionTypes: display name, and what the type supports. */
export function connectionTypeOptions(briefs: ConnectionTypeBrief[]): INodePropertyOptions[] {
	return briefs
		.filter((brief) => brief.ConnectionType)
		.map((brief) => {
			const capabilities = brief.Capabilities;
			const details = [
				brief.Description,
				capabilities?.SupportedAuthenticationTypes?.length ? `Authentication: ${capabilities.SupportedAuthenticationTypes.join(', ')}` : undefined,
				capabilities?.SupportedComputeEnvironments?.length ? `Compute: ${capabilities.SupportedComputeEnvironments.join(', ')}` : undefined,
			].filter(Boolean);
			const type = brief.ConnectionType as string;
			const name = brief.DisplayName && brief.DisplayName !== type ? `${brief.DisplayName} (${type})` : type;
			return { name, value: type, description: details.join(OPTION_LIST_SEPARATOR) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The SDK's own list, when AWS cannot be asked: each entry says why. */
export function fallbackConnectionTypeOptions(reason: string): INodePropertyOptions[] {
	const note = `From the AWS SDK's list: ListConnectionTypes failed (${reason})`;
	return GLUE_CONNECTION_TYPES.map((value) => ({ name: value, value, description: note }));
}
