// TEMPORARY registry stub (lead) until the connection type forms land; helper replaces this file.
import type { INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../shared/descriptions';
import type { ConnectionTypeForm } from './types';

export const CONNECTION_TYPE_FORMS: readonly ConnectionTypeForm[] = [];

export function findConnectionTypeForm(type: string): ConnectionTypeForm | undefined {
	return CONNECTION_TYPE_FORMS.find((form) => form.type === type);
}

export function connectionTypeFormFields(displayOptions: NonNullable<INodeProperties['displayOptions']>): INodeProperties[] {
	return CONNECTION_TYPE_FORMS.flatMap((form) =>
		withDisplayOptions(form.fields, { ...displayOptions, show: { ...displayOptions.show, connectionType: [form.type] } }),
	);
}
