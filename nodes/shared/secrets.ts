/**
 * Secrets by reference, for every secret field of both nodes (passwords, API key, client secrets,
 * OAuth tokens, key/value rows marked secret). n8n encrypts credentials, not node parameters: a
 * secret typed into a field is stored in plain text in the workflow. So a node offers, in one
 * "Secret Values From" choice, where its secret fields come from:
 *
 * - Typed in This Node: the fields as they always were (text or an expression);
 * - AWS Secrets Manager: each secret field names a secret (ARN or name) and an optional JSON key;
 *   the node reads it with GetSecretValue at run time, once per execution and secret;
 * - an AWS Connection Secret credential of this package (encrypted by n8n): each secret field
 *   takes one of its fields.
 *
 * Which fields are secret, and where, is declared once in ./secretModel.ts. `secretField()` turns a
 * declared field into its variants for the three sources; `resolveSecrets()` finds the references
 * the declarations place among an item's parameters, validates the whole item with stand-ins (so
 * bad input still stops before any AWS call), reads the references and builds the request with the
 * values. One choice per node, not per field: n8n can show the optional credential only from one
 * parameter.
 */
import type {
	DisplayCondition,
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeApiError } from './errors';
import {
	CREDENTIAL_MEMBERS,
	CREDENTIAL_SUFFIX,
	type CredentialMember,
	declarationFor,
	FROM_CREDENTIAL,
	FROM_NODE,
	FROM_SECRETS_MANAGER,
	formSecrets,
	SECRET_DECLARATIONS,
	SECRET_SOURCE_FIELD,
	SECRETS_MANAGER_KEY_SUFFIX as SM_KEY_SUFFIX,
	SECRETS_MANAGER_SUFFIX as SM_SUFFIX,
} from './secretModel';
import { awsService } from './transport/awsClient';
import { checkSecretId, fail, str } from './validation';

export { CREDENTIAL_MEMBERS, type CredentialMember, FROM_CREDENTIAL, FROM_NODE, FROM_SECRETS_MANAGER, SECRET_SOURCE_FIELD };
export const SECRET_CREDENTIAL_TYPE = 'awsConnectionSecretApi';

const NOTICE_SUFFIX = 'StoredInWorkflowNotice';
const ROW_REFERENCE = /^([^#]+?)(?:#(.+))?$/;
const memberOptions: INodePropertyOptions[] = Object.entries(CREDENTIAL_MEMBERS).map(([value, name]) => ({ name, value }));

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;
const showFor = (field: INodeProperties, extra: Show): INodeProperties['displayOptions'] => ({
	...field.displayOptions,
	show: { ...field.displayOptions?.show, ...extra },
});

/** The node-level choice, shown on the operations that write secrets (`show`). */
export function secretSourceField(show: Show): INodeProperties {
	return {
		displayName: 'Secret Values From',
		name: SECRET_SOURCE_FIELD,
		type: 'options',
		default: FROM_NODE,
		description: 'Where the passwords, keys and client secrets below come from',
		options: [
			{
				name: 'Typed in This Node',
				value: FROM_NODE,
				description: 'Text or an expression in each field. Typed text is stored unencrypted in the workflow.',
			},
			{
				name: 'AWS Secrets Manager',
				value: FROM_SECRETS_MANAGER,
				description: 'Each field names a secret (and a JSON key); the node reads it at run time with GetSecretValue',
			},
			{
				name: 'AWS Connection Secret Credential',
				value: FROM_CREDENTIAL,
				description: 'An n8n credential of this package, encrypted by n8n; each field takes one of its values',
			},
		],
		displayOptions: { show },
	};
}

/** How the value of a key/value row marked secret is read, per source (for the rows' description). */
export const SECRET_ROW_HINT =
	'With Secret Values From AWS Secrets Manager, a secret row holds the secret\'s name or ARN, optionally followed by #key for a JSON secret; with the credential, the name of its field (password, apiKey or clientSecret).';

/**
 * A secret field and its variants: the field itself (typed, with a notice while it holds literal
 * text), the secret and JSON key to read from Secrets Manager, and the credential field to take.
 * The field must be declared in ./secretModel.ts, which gives its credential member.
 */
export function secretField(field: INodeProperties): INodeProperties[] {
	const { name, displayName } = field;
	const member = declarationFor(name)?.member ?? 'password';
	// Hidden while empty or an expression (n8n shows a field whenever a `show` value is an expression, so the test is a `hide`).
	const emptyOrExpression: Array<string | DisplayCondition> = ['', { _cnd: { startsWith: '=' } }];
	return [
		{ ...field, displayOptions: showFor(field, { [SECRET_SOURCE_FIELD]: [FROM_NODE] }) },
		{
			displayName: `${displayName} is stored unencrypted in the workflow (database, exports, version history). Use AWS Secrets Manager or an AWS Connection Secret credential under Secret Values From.`,
			name: `${name}${NOTICE_SUFFIX}`,
			type: 'notice',
			default: '',
			displayOptions: {
				...showFor(field, { [SECRET_SOURCE_FIELD]: [FROM_NODE] }),
				hide: { ...field.displayOptions?.hide, [name]: emptyOrExpression },
			},
		},
		{
			displayName: `${displayName}: Secret Name or ARN`,
			name: `${name}${SM_SUFFIX}`,
			type: 'string',
			default: '',
			placeholder: 'e.g. prod/orders-db or arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders-db-AbCdEf',
			description: `The Secrets Manager secret that holds the ${displayName.toLowerCase()}, read when the workflow runs. Leave empty to send none.`,
			displayOptions: showFor(field, { [SECRET_SOURCE_FIELD]: [FROM_SECRETS_MANAGER] }),
		},
		{
			displayName: `${displayName}: JSON Key`,
			name: `${name}${SM_KEY_SUFFIX}`,
			type: 'string',
			default: '',
			placeholder: `e.g. ${member}`,
			description: 'For a secret stored as JSON (as RDS and the console store them), the key that holds the value; empty for a plain-text secret',
			displayOptions: showFor(field, { [SECRET_SOURCE_FIELD]: [FROM_SECRETS_MANAGER] }),
		},
		{
			displayName: `${displayName}: Credential Field`,
			name: `${name}${CREDENTIAL_SUFFIX}`,
			type: 'options',
			default: member,
			description: 'The field of the AWS Connection Secret credential that holds the value',
			options: memberOptions,
			displayOptions: showFor(field, { [SECRET_SOURCE_FIELD]: [FROM_CREDENTIAL] }),
		},
	];
}

/** A secret an item's parameters refer to, and where its value goes in the parameters. */
export interface SecretReference {
	/** The field as the user sees it, for messages. */
	field: string;
	/** Where the value goes: a top-level parameter, or the `value` of a key/value row. */
	path: Array<string | number>;
	source: typeof FROM_SECRETS_MANAGER | typeof FROM_CREDENTIAL;
	secretId?: string;
	jsonKey?: string;
	member?: CredentialMember;
}

type Bag = Record<string, unknown>;

function checkMember(value: string, field: string): CredentialMember {
	if (!(value in CREDENTIAL_MEMBERS)) fail(field, `must name a field of the credential: ${Object.keys(CREDENTIAL_MEMBERS).join(', ')}`);
	return value as CredentialMember;
}

/** The declared secret rows of the parameters that hold a value (every row of a secret collection, or the flagged ones). */
function secretRows(bag: Bag): Array<{ path: Array<string | number>; value: string; field: string }> {
	return formSecrets(bag)
		.filter((secret) => secret.declaration.rows && str(secret.value) !== '')
		.map((secret) => ({ path: secret.path, value: str(secret.value), field: `Secret row "${secret.rowKey ?? ''}"` }));
}

/** Pure: the secrets the item's parameters refer to, as the declarations place them, validated (an InputProblem names the field). */
export function secretReferences(bag: Bag): SecretReference[] {
	const source = str(bag[SECRET_SOURCE_FIELD]) || FROM_NODE;
	if (source === FROM_NODE) return [];
	if (source !== FROM_SECRETS_MANAGER && source !== FROM_CREDENTIAL) {
		return fail('Secret Values From', 'must be Typed in This Node, AWS Secrets Manager or AWS Connection Secret Credential');
	}
	const references: SecretReference[] = [];
	for (const { parameter: name, label, rows } of SECRET_DECLARATIONS) {
		if (rows) continue;
		if (source === FROM_SECRETS_MANAGER) {
			const secretId = str(bag[`${name}${SM_SUFFIX}`]);
			if (!secretId) continue;
			const field = `${label}: Secret Name or ARN`;
			const jsonKey = str(bag[`${name}${SM_KEY_SUFFIX}`]);
			references.push({ field, path: [name], source, secretId: checkSecretId(secretId, field), jsonKey: jsonKey || undefined });
		} else {
			const member = str(bag[`${name}${CREDENTIAL_SUFFIX}`]);
			if (!member) continue;
			const field = `${label}: Credential Field`;
			references.push({ field, path: [name], source, member: checkMember(member, field) });
		}
	}
	for (const row of secretRows(bag)) {
		if (source === FROM_CREDENTIAL) {
			references.push({ field: row.field, path: row.path, source, member: checkMember(row.value, row.field) });
			continue;
		}
		const [, secretId = '', jsonKey] = ROW_REFERENCE.exec(row.value) ?? [];
		references.push({ field: row.field, path: row.path, source, secretId: checkSecretId(secretId.trim(), row.field), jsonKey: jsonKey?.trim() || undefined });
	}
	return references;
}

/** Pure: a copy of the parameters with each reference's value in place. */
export function withSecretValues(bag: Bag, references: SecretReference[], values: readonly string[]): Bag {
	const copy = structuredClone(bag);
	references.forEach(({ path }, index) => {
		let target = copy as Record<string | number, unknown>;
		for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
		target[path[path.length - 1]] = values[index];
	});
	return copy;
}

/** A stand-in that passes every secret field's own checks (length, characters, JWT shape). */
const STAND_IN = 'stand.in.value';

/** Pure: the value of a secret string, or of one key of a JSON secret. Never echoes the secret. */
export function secretValueFrom(secretString: string, jsonKey: string | undefined, field: string): string {
	if (!jsonKey) return secretString;
	let parsed: unknown;
	try {
		parsed = JSON.parse(secretString);
	} catch {
		return fail(field, `has a JSON key ("${jsonKey}") but the secret is not JSON`);
	}
	const value = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[jsonKey] : undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return fail(field, `the secret has no text value under the JSON key "${jsonKey}"`);
}

type SecretsManagerSdk = typeof import('@aws-sdk/client-secrets-manager');

/**
 * What one execution of a node reads: each Secrets Manager secret once (one client), the
 * credential once. Keeps the values it handed out, so errors can be redacted.
 */
class SecretReader {
	private service?: Promise<{ client: InstanceType<SecretsManagerSdk['SecretsManagerClient']>; sdk: SecretsManagerSdk }>;
	private readonly secrets = new Map<string, Promise<string>>();
	private credential?: Promise<ICredentialDataDecryptedObject>;
	readonly handedOut = new Set<string>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	private secretsManager() {
		this.service ??= import('@aws-sdk/client-secrets-manager').then(async (sdk) => await awsService(this.ctx, 'secretsmanager', sdk, sdk.SecretsManagerClient));
		return this.service;
	}

	private secretString(secretId: string, itemIndex: number): Promise<string> {
		let pending = this.secrets.get(secretId);
		if (!pending) {
			pending = this.secretsManager().then(async ({ client, sdk }) => {
				const answer = await client.send(new sdk.GetSecretValueCommand({ SecretId: secretId }));
				if (typeof answer.SecretString === 'string') return answer.SecretString;
				if (answer.SecretBinary) return Buffer.from(answer.SecretBinary).toString('utf8');
				return '';
			});
			// A failed read is not cached: the next item may try again.
			pending.catch(() => this.secrets.delete(secretId));
			this.secrets.set(secretId, pending);
		}
		return pending.catch((error: unknown) => {
			throw toNodeApiError(this.ctx.getNode(), error, itemIndex);
		});
	}

	private credentialData(): Promise<ICredentialDataDecryptedObject> {
		this.credential ??= this.ctx.getCredentials(SECRET_CREDENTIAL_TYPE).catch((error: unknown) => {
			this.credential = undefined;
			throw new NodeOperationError(this.ctx.getNode(), 'Secret Values From: choose an AWS Connection Secret credential for this node', {
				description: (error as Error).message,
			});
		});
		return this.credential;
	}

	async read(reference: SecretReference, itemIndex: number): Promise<string> {
		let value: string;
		if (reference.source === FROM_SECRETS_MANAGER) {
			value = secretValueFrom(await this.secretString(String(reference.secretId), itemIndex), reference.jsonKey, reference.field);
		} else {
			const member = reference.member as CredentialMember;
			const stored = (await this.credentialData())[member];
			value = typeof stored === 'string' ? stored : '';
			if (!value) fail(reference.field, `the AWS Connection Secret credential has no ${CREDENTIAL_MEMBERS[member]}`);
		}
		this.handedOut.add(value);
		return value;
	}

	async release() {
		const service = await this.service?.catch(() => undefined);
		service?.client.destroy();
	}
}

const readers = new WeakMap<IExecuteFunctions, SecretReader>();

function readerFor(ctx: IExecuteFunctions): SecretReader {
	let reader = readers.get(ctx);
	if (!reader) readers.set(ctx, (reader = new SecretReader(ctx)));
	return reader;
}

/**
 * Builds an item's request with its secrets in place. `build` is the operation's pure mapping: it
 * first runs on stand-ins, so a problem with any other field stops the item before any AWS call
 * (Secrets Manager included); then the references are read and `build` runs on the real values.
 */
export async function resolveSecrets<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	bag: Bag,
	build: (bag: Bag) => T,
): Promise<T> {
	const { request, references } = buildWithStandIns(bag, build);
	if (!references.length) return request;
	return build(withSecretValues(bag, references, await readSecretValues(ctx, itemIndex, references)));
}

/** The secret values this execution has read so far (to redact them from error messages). */
export function secretsReadBy(ctx: IExecuteFunctions): string[] {
	return [...(readers.get(ctx)?.handedOut ?? [])];
}

/** Closes the execution's Secrets Manager client, if one was built. */
export async function releaseSecrets(ctx: IExecuteFunctions): Promise<void> {
	await readers.get(ctx)?.release();
	readers.delete(ctx);
}

/**
 * Pure: the request built with stand-ins in place of every referenced secret (Reconcile's plan
 * reads no secret), and the references, to read only for the items an apply writes.
 */
export function buildWithStandIns<T>(bag: Bag, build: (bag: Bag) => T): { request: T; references: SecretReference[] } {
	const references = secretReferences(bag);
	// Without references the request is final: no copy of the parameters.
	if (!references.length) return { request: build(bag), references };
	return { request: build(withSecretValues(bag, references, references.map(() => STAND_IN))), references };
}

/** Reads the values of references (each Secrets Manager secret once per execution). */
export async function readSecretValues(ctx: IExecuteFunctions, itemIndex: number, references: SecretReference[]): Promise<string[]> {
	const reader = readerFor(ctx);
	const values: string[] = [];
	for (const reference of references) values.push(await reader.read(reference, itemIndex));
	return values;
}
