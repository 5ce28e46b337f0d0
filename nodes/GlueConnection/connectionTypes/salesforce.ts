/**
 * SALESFORCE: Salesforce through OAuth2.
 *
 * AWS: "Requires the AuthenticationConfiguration member to be configured", and the Authentication
 * Type section of the form says SaaS types need OAuth2. The instance URL goes in INSTANCE_URL, the
 * key AWS Glue's Salesforce connector reads (the SDK's ConnectionPropertyKey enum does not list it;
 * ConnectionProperties accepts any key).
 */
import type { INodeProperties } from 'n8n-workflow';

import { checkLength, checkPattern, fail, str } from '../../shared/validation';
import type { ConnectionTypeForm } from './types';

const fields: INodeProperties[] = [
	{
		displayName: 'Instance URL',
		name: 'salesforceInstanceUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://acme.my.salesforce.com',
		description: 'The https URL of the Salesforce instance. Set Authentication Type to OAuth2 below.',
	},
];

export const salesforceForm: ConnectionTypeForm = {
	type: 'SALESFORCE',
	fields,
	toConnectionProperties: (bag) => ({ INSTANCE_URL: str(bag.salesforceInstanceUrl) }),
	labels: { 'ConnectionProperties.INSTANCE_URL': 'Instance URL' },
	checkRequest(input, at) {
		const field = at('ConnectionProperties.INSTANCE_URL');
		const url = checkLength((input.ConnectionProperties as Record<string, string> | undefined)?.INSTANCE_URL ?? fail(field, 'is required'), field, 9, 2048);
		checkPattern(url, field, /^https:\/\/[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d+)?\/?$/, 'an https URL such as https://acme.my.salesforce.com');
		if (input.AuthenticationConfiguration?.AuthenticationType !== 'OAUTH2') fail(at('AuthenticationConfiguration.AuthenticationType'), 'must be OAuth2 for a SALESFORCE connection');
	},
};
