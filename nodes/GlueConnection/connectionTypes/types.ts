import type { ConnectionInput } from '@aws-sdk/client-glue';
import type { INodeProperties } from 'n8n-workflow';

/** The node's parameter values for one item, read by field name (see readBag in ../common). */
export type ParameterBag = Record<string, unknown>;

/**
 * One Glue connection type's form: its own fields, how they map to ConnectionProperties and the
 * rules about the request they make. Adding a type means adding one such module to ./index.ts.
 */
export interface ConnectionTypeForm {
	/** The ConnectionType value sent to AWS, e.g. 'JDBC'. */
	type: string;
	/**
	 * The type's own fields. Their names are prefixed with the type (jdbcHost, kafkaBootstrapServers)
	 * so forms never collide. The registry adds `connectionType: [type]` and the operations that show
	 * the definition to each field's displayOptions; a field keeps any show conditions of its own.
	 */
	fields: INodeProperties[];
	/**
	 * Pure: maps the type's fields to ConnectionProperties. It refuses only what it cannot read into a
	 * request (a choice outside its options, a host or port it writes into the JDBC URL); every rule
	 * about the request is in checkRequest.
	 */
	toConnectionProperties(bag: ParameterBag): Record<string, string>;
	/**
	 * Pure, optional: the type's rules about the request, whatever built it (common/check.ts runs
	 * them for the form, a JSON Definition and Reconcile alike). `saved` is false for Test Definition.
	 */
	checkRequest?(input: Partial<ConnectionInput>, at: Label, saved: boolean): void;
	/** The form's label of each ConnectionProperties key the type's fields fill (messages name the field). */
	labels?: Record<string, string>;
	/**
	 * AWS's documented value of a property when it is absent (e.g. JDBC_ENFORCE_SSL "false"). The
	 * form never sends these; Create or Update treats "absent" and "the default" as the same.
	 */
	propertyDefaults?: Record<string, string>;
}

/** The name a message gives a request path: a form field's label, or a JSON Definition's path. */
export type Label = (path: string) => string;
