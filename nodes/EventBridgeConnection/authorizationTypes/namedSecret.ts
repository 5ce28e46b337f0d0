import type {
	CreateConnectionAuthRequestParameters,
	UpdateConnectionAuthRequestParameters,
} from '@aws-sdk/client-eventbridge';
import type { INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../shared/descriptions';
import { type CredentialMember, secretField } from '../../shared/secrets';
import { authValue, omitSecret, onlySet, requiredAuthValue } from './values';
import type { AuthorizationType, AuthorizationTypeValue } from './types';

/** A form field and the AuthParameters member it fills. */
interface MemberField {
	field: INodeProperties;
	member: string;
}

/**
 * A type whose whole authorization is a name and a secret in one AuthParameters section (Basic:
 * username and password; API key: header name and key value). Create needs both; Update sends only
 * what is filled; the secret is what AWS never returns.
 */
export function namedSecretType(spec: {
	value: AuthorizationTypeValue;
	name: string;
	description: string;
	section: 'BasicAuthParameters' | 'ApiKeyAuthParameters';
	identity: MemberField;
	/** The secret, and the field of the AWS Connection Secret credential it comes from by default. */
	secret: MemberField & { credentialMember: CredentialMember };
}): AuthorizationType {
	const { value, name, description, section, identity, secret } = spec;
	const show = { show: { authorizationType: [value] } };
	// Values of the two fields, labelled as the user sees them (the secret taken as typed).
	const create = (bag: Record<string, unknown>) => ({
		[identity.member]: requiredAuthValue(bag[identity.field.name], identity.field.displayName),
		[secret.member]: requiredAuthValue(bag[secret.field.name], secret.field.displayName, true),
	});
	const update = (bag: Record<string, unknown>) => ({
		[identity.member]: authValue(bag[identity.field.name], identity.field.displayName),
		[secret.member]: authValue(bag[secret.field.name], secret.field.displayName, true),
	});
	return {
		value,
		name,
		description,
		fields: withDisplayOptions([identity.field, ...secretField(secret.field, secret.credentialMember)], show),
		toCreate: (bag) => ({ [section]: create(bag) }) as CreateConnectionAuthRequestParameters,
		toUpdate: (bag) => onlySet(section, update(bag)) as UpdateConnectionAuthRequestParameters,
		withoutSecrets: (auth) => omitSecret(auth, section, secret.member),
	};
}
