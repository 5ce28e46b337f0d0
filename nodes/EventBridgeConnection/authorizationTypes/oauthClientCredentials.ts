import type { ConnectivityResourceParameters, CreateConnectionOAuthRequestParameters as OAuthParameters } from '@aws-sdk/client-eventbridge';
import type { INodeProperties } from 'n8n-workflow';

import { hasUrlCredentials } from '../../shared/secretModel';
import { secretField } from '../../shared/secrets';
import { EVENTBRIDGE_OAUTH_HTTP_METHODS } from '../../shared/sdkEnums.generated';
import { checkOneOf, compact, fail } from '../../shared/validation';
import {
	checkHttpParameters,
	fieldText,
	HTTP_PARAMETERS_SCHEMA,
	httpParameterFields,
	httpParameterLabels,
	httpsEndpoint,
	onlySet,
	type ParameterBag,
	requiredAuthValue,
	toHttpParameters,
} from './values';
import type { AuthorizationType } from './types';

const show = { show: { authorizationType: ['OAUTH_CLIENT_CREDENTIALS'] } };
const ENDPOINT = 'Authorization Endpoint';
const METHOD = 'HTTP Method';
const PRIVATE_ENDPOINT = 'Private Authorization Endpoint (Resource Configuration ARN)';
const PATH = 'AuthParameters.OAuthParameters';

const optionsField: INodeProperties = {
	displayName: 'OAuth Options',
	name: 'oauthOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: show,
	options: [
		...httpParameterFields('oauth', 'OAuth'),
		{
			displayName: PRIVATE_ENDPOINT,
			name: 'resourceConfigurationArn',
			type: 'string',
			default: '',
			placeholder: 'e.g. arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0',
			description: 'For an authorization endpoint in a private network: the VPC Lattice resource configuration that reaches it',
		},
	],
};

const options = (bag: ParameterBag) => (bag.oauthOptions ?? {}) as ParameterBag;

function connectivity(bag: ParameterBag): ConnectivityResourceParameters | undefined {
	const arn = fieldText(options(bag).resourceConfigurationArn);
	return arn ? { ResourceParameters: { ResourceConfigurationArn: arn } } : undefined;
}

/** The OAuthParameters the fields say, only what is filled (checkRequest below holds the rules). */
const oauthParameters = (bag: ParameterBag) =>
	compact({
		...onlySet('ClientParameters', { ClientID: fieldText(bag.oauthClientId), ClientSecret: fieldText(bag.oauthClientSecret, true) }),
		AuthorizationEndpoint: fieldText(bag.oauthAuthorizationEndpoint),
		HttpMethod: fieldText(bag.oauthHttpMethod) as OAuthParameters['HttpMethod'],
		OAuthHttpParameters: toHttpParameters(options(bag), 'oauth', 'OAuth'),
	});

/** EventBridge fetches a token from the authorization endpoint with the client ID and secret. */
export const oauthClientCredentials: AuthorizationType = {
	value: 'OAUTH_CLIENT_CREDENTIALS',
	name: 'OAuth Client Credentials',
	description: 'OAuth 2.0 client credentials: EventBridge gets and refreshes the token',
	fields: [
		{ displayName: 'Client ID', name: 'oauthClientId', type: 'string', default: '', required: true, displayOptions: show },
		...secretField({
			displayName: 'Client Secret',
			name: 'oauthClientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: show,
		}),
		{
			displayName: ENDPOINT,
			name: 'oauthAuthorizationEndpoint',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://auth.example.com/oauth2/token',
			description: 'The https URL that issues the token',
			displayOptions: show,
		},
		{
			displayName: METHOD,
			name: 'oauthHttpMethod',
			type: 'options',
			default: 'POST',
			required: true,
			description: 'The method of the token request',
			options: EVENTBRIDGE_OAUTH_HTTP_METHODS.map((value) => ({ name: value, value })),
			displayOptions: show,
		},
		optionsField,
	],
	// What Create needs but the fields lack is the checker's to say (it names the field).
	toCreate: (bag) => compact({ OAuthParameters: oauthParameters(bag) as OAuthParameters, ConnectivityParameters: connectivity(bag) }),
	toUpdate: (bag) => compact({ ...onlySet('OAuthParameters', oauthParameters(bag)), ConnectivityParameters: connectivity(bag) }),
	section: 'OAuthParameters',
	schema: {
		object: {
			ClientParameters: { object: { ClientID: 'string', ClientSecret: 'string' }, required: ['ClientID', 'ClientSecret'] },
			AuthorizationEndpoint: 'string',
			HttpMethod: 'string',
			OAuthHttpParameters: HTTP_PARAMETERS_SCHEMA,
		},
		required: ['ClientParameters', 'AuthorizationEndpoint', 'HttpMethod'],
	},
	labels: {
		[`${PATH}.ClientParameters.ClientID`]: 'Client ID',
		[`${PATH}.AuthorizationEndpoint`]: ENDPOINT,
		[`${PATH}.HttpMethod`]: METHOD,
		'AuthParameters.ConnectivityParameters.ResourceParameters.ResourceConfigurationArn': PRIVATE_ENDPOINT,
		...httpParameterLabels(`${PATH}.OAuthHttpParameters`, 'OAuth'),
	},
	checkRequest(auth, at, create) {
		const oauth = auth.OAuthParameters;
		if (!oauth) {
			if (create) fail(at(PATH), 'is required for AuthorizationType OAUTH_CLIENT_CREDENTIALS');
			return;
		}
		const client = oauth.ClientParameters;
		if (client?.ClientID !== undefined || create) requiredAuthValue(client?.ClientID, at(`${PATH}.ClientParameters.ClientID`));
		if (client?.ClientSecret !== undefined || create) requiredAuthValue(client?.ClientSecret, at(`${PATH}.ClientParameters.ClientSecret`), true);
		if (oauth.AuthorizationEndpoint !== undefined || create) {
			const field = at(`${PATH}.AuthorizationEndpoint`);
			const endpoint = httpsEndpoint(oauth.AuthorizationEndpoint, field) ?? fail(field, 'is required');
			if (hasUrlCredentials(endpoint)) fail(field, 'must not contain a password: use the client ID and secret');
		}
		if (oauth.HttpMethod !== undefined) checkOneOf(String(oauth.HttpMethod), at(`${PATH}.HttpMethod`), EVENTBRIDGE_OAUTH_HTTP_METHODS);
		else if (create) fail(at(`${PATH}.HttpMethod`), 'is required');
		checkHttpParameters(oauth.OAuthHttpParameters, at, `${PATH}.OAuthHttpParameters`);
	},
};
