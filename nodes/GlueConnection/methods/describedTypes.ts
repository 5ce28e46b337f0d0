import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { OTHER_CONNECTION_TYPE } from '../common/definition';
import {
	connectionTypeOptions,
	fallbackConnectionTypeOptions,
	mapperFields,
	secretProperties,
	type ConnectionTypeDescription,
} from '../common/describedType';
import { glueService } from '../transport';

/** The type chosen in the form (or typed under "Other"), upper-cased as AWS spells types. */
function chosenType(ctx: ILoadOptionsFunctions): string {
	const picked = String(ctx.getCurrentNodeParameter('connectionType') ?? '');
	const type = picked === OTHER_CONNECTION_TYPE ? String(ctx.getCurrentNodeParameter('otherConnectionType') ?? '') : picked;
	return type.trim().toUpperCase();
}

async function describe(ctx: ILoadOptionsFunctions): Promise<{ type: string; description?: ConnectionTypeDescription; problem?: string }> {
	const type = chosenType(ctx);
	if (!type) return { type, problem: 'Choose a connection type first' };
	const { client, sdk } = await glueService(ctx);
	try {
		return { type, description: await client.send(new sdk.DescribeConnectionTypeCommand({ ConnectionType: type })) };
	} catch (error) {
		const { name, message } = error as Error;
		return { type, problem: `AWS Glue does not describe ${type} here (${name}: ${message}). Use Additional Connection Properties.` };
	} finally {
		client.destroy();
	}
}

/**
 * Connection Type: what ListConnectionTypes returns for the credential's account and region (all
 * pages), then "Other". When AWS cannot be asked (no permission, an older region or endpoint,
 * no credential yet), the SDK's own list, each entry saying why.
 */
export async function getConnectionTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let options: INodePropertyOptions[];
	try {
		const { client, sdk } = await glueService(this);
		try {
			const briefs = [];
			for await (const page of sdk.paginateListConnectionTypes({ client, pageSize: 100 }, {})) {
				briefs.push(...(page.ConnectionTypes ?? []));
			}
			options = connectionTypeOptions(briefs);
		} finally {
			client.destroy();
		}
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
