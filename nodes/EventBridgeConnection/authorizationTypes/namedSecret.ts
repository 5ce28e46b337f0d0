import type {
	CreateConnectionAuthRequestParameters,
	UpdateConnectionAuthRequestParameters,
} from '@aws-sdk/client-eventbridge';
import type { INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../shared/descriptions';
import { secretField } from '../../shared/secrets';
import { compact, fail } from '../../shared/validation';
import { fieldText, onlySet, requiredAuthValue } from './values';
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
	/** The secret (declared in shared/secretModel.ts). */
	secret: MemberField;
}): AuthorizationType {
	const { value, name, description, section, identity, secret } = spec;
	const show = { show: { authorizationType: [value] } };
	// Values of the two fields (the secret taken as typed); checkRequest below holds the rules.
	const values = (bag: Record<string, unknown>) => ({
		[identity.member]: fieldText(bag[identity.field.name]),
		[secret.member]: fieldText(bag[secret.field.name], true),
	});
	return {
		value,
		name,
		description,
		fields: withDisplayOptions([identity.field, ...secretField(secret.field)], show),
		toCreate: (bag) => ({ [section]: compact(values(bag)) }) as CreateConnectionAuthRequestParameters,
		toUpdate: (bag) => onlySet(section, values(bag)) as UpdateConnectionAuthRequestParameters,
		section,
		schema: { object: { [identity.member]: 'string', [secret.member]: 'string' }, required: [identity.member, secret.member] },
		labels: { [`AuthParameters.${section}.${identity.member}`]: identity.field.displayName },
		checkRequest(auth, at, create) {
			const own = auth[section] as Record<string, unknown> | undefined;
			if (!own) {
				if (create) fail(at(`AuthParameters.${section}`), `is required for AuthorizationType ${value}`);
				return;
			}
			for (const [member, isSecret] of [[identity.member, false], [secret.member, true]] as const) {
				const field = at(`AuthParameters.${section}.${member}`);
				if (own[member] !== undefined || create) requiredAuthValue(own[member], field, isSecret);
			}
		},
	};
}
