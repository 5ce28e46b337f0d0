/**
 * The registry of first-class connection type forms. A type listed here gets its own fields (shown
 * only when it is chosen), its own validation and mapping to ConnectionProperties, and its secret
 * keys; any other type uses the generic Additional Connection Properties only.
 */
import type { INodeProperties } from 'n8n-workflow';

import { withDisplayOptions } from '../../shared/descriptions';
import { customForm } from './custom';
import { jdbcForm } from './jdbc';
import { kafkaForm } from './kafka';
import { marketplaceForm } from './marketplace';
import { mongodbForm } from './mongodb';
import { networkForm } from './network';
import { salesforceForm } from './salesforce';
import type { ConnectionTypeForm } from './types';

export const CONNECTION_TYPE_FORMS: readonly ConnectionTypeForm[] = [
	jdbcForm,
	kafkaForm,
	mongodbForm,
	networkForm,
	marketplaceForm,
	customForm,
	salesforceForm,
];

export function findConnectionTypeForm(type: string): ConnectionTypeForm | undefined {
	return CONNECTION_TYPE_FORMS.find((form) => form.type === type);
}

/** Every type's own fields, each shown only while its type is chosen. */
export function connectionTypeFormFields(): INodeProperties[] {
	return CONNECTION_TYPE_FORMS.flatMap((form) => withDisplayOptions(form.fields, { show: { connectionType: [form.type] } }));
}
