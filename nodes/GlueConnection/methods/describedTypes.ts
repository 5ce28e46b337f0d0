import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { withEditorClient } from '../../shared/methods/listSearch';
import { chosenConnectionType, OTHER_CONNECTION_TYPE } from '../common/definition';
import {
	connectionTypeOptions,
	fallbackConnectionTypeOptions,
	mapperFields,
	secretProperties,
	type ConnectionTypeDescription,
} from '../common/describedType';
import { glueService } from '../transport';

async function describe(ctx: ILoadOptionsFunctions): Promise<{ type: string; description?: ConnectionTypeDescription; problem?: string }> {
	let type: string;
	try {
		// The reader a run uses, so the editor describes exactly the type the run will send.
		type = chosenConnectionType({
			connectionType: ctx.getCurrentNodeParameter('connectionType'),
			otherConnectionType: ctx.getCurrentNodeParameter('otherConnectionType'),
		});
	} catch (problem) {
		// Only an InputProblem (it is a pure check), e.g. "Other Connection Type: must be a connection type code …".
		return { type: '', problem: (problem as Error).message };
	}
	return await withEditorClient(glueService(ctx), async ({ client, sdk }) => {
		try {
			return { type, description: await client.send(new sdk.DescribeConnectionTypeCommand({ ConnectionType: type })) };
		} catch (error) {
			const { name, message } = error as Error;
			return { type, problem: `AWS Glue does not describe ${type} here (${name}: ${message}). Use Additional Connection Properties.` };
		}
	});
}

/**
 * Connection Type: what ListConnectionTypes returns for the credential's account and region (all
 * pages), then "Other". When AWS cannot be asked (no permission, an older region or endpoint,
 * no credential yet), the SDK's own list, each entry saying why.
 */
export async function getConnectionTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let options: INodePropertyOptions[];
	try {
		options = await withEditorClient(glueService(this), async ({ client, sdk }) => {
			const briefs = [];
			for await (const page of sdk.paginateListConnectionTypes({ client, pageSize: 100 }, {})) {
				briefs.push(...(page.ConnectionTypes ?? []));
			}
			return connectionTypeOptions(briefs);
		});
	} catch (error) {
		const { name, message } = error as Error;
		options = fallbackConnectionTypeOptions(name && name !== 'Error' ? name : message);
	}
	return [...options, { name: 'Other (Enter Below)', value: OTHER_CONNECTION_TYPE, description: 'A type AWS accepts but does not list here' }];
}

/** Connection Properties: one field per property AWS describes for the chosen type. */
export async function getConnectionProperties(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const { description, problem } = await describe(this);
	if (!description) return { fields: [], emptyFieldsNotice: problem };
	return { fields: mapperFields(description) };
}

/** Secret Connection Properties: the chosen type's SECRET properties. */
export async function getSecretConnectionProperties(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { description } = await describe(this);
	return secretProperties(description ?? {}).map((property) => ({
		name: property.Name as string,
		value: property.Name as string,
		description: property.Description,
	}));
}
