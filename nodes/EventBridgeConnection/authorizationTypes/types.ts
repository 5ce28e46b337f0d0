import type {
	CreateConnectionAuthRequestParameters,
	UpdateConnectionAuthRequestParameters,
} from '@aws-sdk/client-eventbridge';
import type { INodeProperties } from 'n8n-workflow';

import type { Schema } from '../../shared/definitionJson';
import type { EVENTBRIDGE_AUTHORIZATION_TYPES } from '../../shared/sdkEnums.generated';
import type { ParameterBag } from './values';

/** Any auth parameters: those of Create or Update, or those DescribeConnection returns. */
export type AuthParametersView = UpdateConnectionAuthRequestParameters;

export type AuthorizationTypeValue = (typeof EVENTBRIDGE_AUTHORIZATION_TYPES)[number];

/**
 * One authorization type of an EventBridge connection. Everything about a type lives in its own
 * module (fields, validation, mapping), so adding a type means adding one file to the registry.
 */
export interface AuthorizationType {
	value: AuthorizationTypeValue;
	/** Label in the Authorization Type list. */
	name: string;
	description: string;
	/** The type's own fields; `required` marks what Create needs (Update sends only what is set). */
	fields: INodeProperties[];
	/** Pure: the type's part of AuthParameters for Create; a missing required field is an InputProblem. */
	toCreate(bag: ParameterBag): CreateConnectionAuthRequestParameters;
	/** Pure: the type's part of AuthParameters for Update, with only the fields the user set. */
	toUpdate(bag: ParameterBag): UpdateConnectionAuthRequestParameters;
	/** The AuthParameters member the type fills. */
	section: 'BasicAuthParameters' | 'ApiKeyAuthParameters' | 'OAuthParameters';
	/** That member's shape in a JSON Definition (what the definition's parser, the checker and Export read). */
	schema: Schema;
	/**
	 * Pure: the type's rules about AuthParameters, whatever built the request (common/check.ts runs
	 * them for the form, a JSON Definition and Reconcile alike). `create`: what Create needs is required.
	 */
	checkRequest(auth: AuthParametersView, at: Label, create: boolean): void;
	/** The form's label of each request path the type's own (non-secret) fields fill. */
	labels: Record<string, string>;
}

/** The name a message gives a request path: a form field's label, or a JSON Definition's path. */
export type Label = (path: string) => string;
