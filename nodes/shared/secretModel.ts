/**
 * The secret model of both nodes: every secret field is declared here, once. A declaration says
 * where the secret sits in the form (a parameter, or the rows of a key/value collection), where it
 * sits in the SDK request (a path), and how it may be supplied (typed, AWS Secrets Manager, or a
 * member of the AWS Connection Secret credential). Everything that must know about secrets derives
 * from this list: resolution (./secrets.ts), masking of the node copy an error carries and
 * redaction of messages (./router.ts, ./errors.ts), output redaction (Get, Get Many), comparison
 * (Create or Update, Reconcile), export and the read-back of retried writes.
 *
 * Pure and light: no SDK, no n8n runtime code (n8n loads node files at start-up).
 *
 * SDK path patterns: members joined by dots; `*` in a member name matches any characters of a map
 * key (`ConnectionProperties.ENCRYPTED_*`); `Name[]` is every element of the list `Name`, and
 * `Name[IsValueSecret]` only the elements whose `IsValueSecret` is true.
 */

/** The members of the AWS Connection Secret credential a secret field can take. */
export const CREDENTIAL_MEMBERS = {
	password: 'Password',
	apiKey: 'API Key',
	clientSecret: 'Client Secret',
} as const;
export type CredentialMember = keyof typeof CREDENTIAL_MEMBERS;

export type SecretNode = 'glue' | 'eventBridge';

/**
 * How a secret may be supplied. Every declared secret takes all three, chosen once per node by
 * "Secret Values From" (n8n shows the optional credential from one parameter only).
 */
export type SecretSupply = 'typed' | 'secretsManager' | 'credential';

/**
 * Which rows of a key/value collection hold secrets: all of them; those the user flagged "Value Is
 * Secret"; or (Glue) the SECRET properties of a described connection type, known only at run time
 * from DescribeConnectionType (see SecretContext).
 */
export type SecretRows = 'all' | 'flagged' | 'describedSecret';

export interface SecretDeclaration {
	node: SecretNode;
	/** The label the user sees (messages name it). */
	label: string;
	/** Where it sits in the form: a parameter name, or a dotted path into a collection. */
	parameter: string;
	/** Present for a key/value collection (`{ pairs: [{ key, value, isValueSecret? }] }`). */
	rows?: SecretRows;
	/** Where its value goes in the SDK request (patterns, see above). */
	sdkPath: string;
	/** The credential member a single field takes by default (a row names its member itself). */
	member?: CredentialMember;
	/**
	 * Glue: the ConnectionProperties key whose presence in AWS's answer says this hidden secret is
	 * set (USERNAME for PASSWORD): Export then writes a placeholder for it.
	 */
	companion?: string;
}

const glue = (label: string, parameter: string, sdkPath: string, member: CredentialMember, companion?: string): SecretDeclaration => ({
	node: 'glue',
	label,
	parameter,
	sdkPath,
	member,
	...(companion ? { companion } : {}),
});
const eventBridge = (label: string, parameter: string, sdkPath: string, member: CredentialMember): SecretDeclaration => ({ node: 'eventBridge', label, parameter, sdkPath, member });
/** Glue's OAuth2Properties, parent of its OAuth secrets. */
const GLUE_GRANT_PROPERTIES = 'AuthenticationConfiguration.OAuth2Properties';

/** The three HTTP parameter lists of an EventBridge connection: form suffix, SDK list, label. */
const HTTP_LISTS = [
	['Headers', 'HeaderParameters', 'Header Parameters'],
	['QueryString', 'QueryStringParameters', 'Query String Parameters'],
	['Body', 'BodyParameters', 'Body Parameters'],
] as const;
const flaggedHttpRows = (collection: string, prefix: string, purpose: string, sdkParent: string): SecretDeclaration[] =>
	HTTP_LISTS.map(([suffix, list, label]) => ({
		node: 'eventBridge',
		label: `${purpose} ${label}`,
		parameter: `${collection}.${prefix}${suffix}`,
		rows: 'flagged',
		sdkPath: `${sdkParent}.${list}[IsValueSecret].Value`,
	}));

/** Every secret field of both nodes. A new secret field is one line here (tests check the forms against it). */
export const SECRET_DECLARATIONS: readonly SecretDeclaration[] = [
	// Glue: the credentials of the first-class connection type forms.
	...['jdbc', 'mongodb', 'custom', 'marketplace'].map((prefix) => glue('Password', `${prefix}Password`, 'ConnectionProperties.PASSWORD', 'password', 'USERNAME')),
	glue('Client Keystore Password', 'kafkaClientKeystorePassword', 'ConnectionProperties.KAFKA_CLIENT_KEYSTORE_PASSWORD', 'password', 'KAFKA_CLIENT_KEYSTORE'),
	glue('Client Key Password', 'kafkaClientKeyPassword', 'ConnectionProperties.KAFKA_CLIENT_KEY_PASSWORD', 'password'),
	glue('SCRAM Password', 'kafkaSaslScramPassword', 'ConnectionProperties.KAFKA_SASL_SCRAM_PASSWORD', 'password', 'KAFKA_SASL_SCRAM_USERNAME'),
	glue('PLAIN Password', 'kafkaSaslPlainPassword', 'ConnectionProperties.KAFKA_SASL_PLAIN_PASSWORD', 'password', 'KAFKA_SASL_PLAIN_USERNAME'),
	// Glue: a described type's SECRET properties (DescribeConnectionType says which).
	{ node: 'glue', label: 'Secret Connection Properties', parameter: 'describedSecretProperties', rows: 'describedSecret', sdkPath: 'ConnectionProperties.*' },
	// Glue: AuthenticationConfiguration.
	glue('Password', 'authBasicPassword', 'AuthenticationConfiguration.BasicAuthenticationCredentials.Password', 'password'),
	{ node: 'glue', label: 'Custom Credentials', parameter: 'authCustomCredentials', rows: 'all', sdkPath: 'AuthenticationConfiguration.CustomAuthenticationCredentials.*' },
	glue('Client Secret', 'authOauth2ClientSecret', `${GLUE_GRANT_PROPERTIES}.OAuth2Credentials.UserManagedClientApplicationClientSecret`, 'clientSecret'),
	glue('Authorization Code', 'authOauth2AuthorizationCode', `${GLUE_GRANT_PROPERTIES}.AuthorizationCodeProperties.AuthorizationCode`, 'clientSecret'),
	glue('Access Token', 'authOauth2AccessToken', `${GLUE_GRANT_PROPERTIES}.OAuth2Credentials.AccessToken`, 'clientSecret'),
	glue('Refresh Token', 'authOauth2RefreshToken', `${GLUE_GRANT_PROPERTIES}.OAuth2Credentials.RefreshToken`, 'clientSecret'),
	glue('JWT Token', 'authOauth2JwtToken', `${GLUE_GRANT_PROPERTIES}.OAuth2Credentials.JwtToken`, 'clientSecret'),
	// EventBridge: each authorization type's secret, and the HTTP parameter rows flagged secret.
	eventBridge('Password', 'basicPassword', 'AuthParameters.BasicAuthParameters.Password', 'password'),
	eventBridge('API Key Value', 'apiKeyValue', 'AuthParameters.ApiKeyAuthParameters.ApiKeyValue', 'apiKey'),
	eventBridge('Client Secret', 'oauthClientSecret', 'AuthParameters.OAuthParameters.ClientParameters.ClientSecret', 'clientSecret'),
	...flaggedHttpRows('additionalFields', 'invocation', 'Invocation', 'AuthParameters.InvocationHttpParameters'),
	...flaggedHttpRows('oauthOptions', 'oauth', 'OAuth', 'AuthParameters.OAuthParameters.OAuthHttpParameters'),
];

/**
 * Secrets that are no form field: what AWS itself keeps and may return (Glue's ENCRYPTED_* copies
 * of the secret properties). Never compared, never output with secrets hidden, never exported.
 */
export const AWS_MANAGED_SECRET_PATHS: Readonly<Record<SecretNode, readonly string[]>> = {
	glue: ['ConnectionProperties.ENCRYPTED_*'],
	eventBridge: [],
};

/**
 * Output only (Get, Get Many with secrets hidden): keys that look like secrets although no form
 * field declares them (e.g. set through Additional Connection Properties, or by another tool).
 * Not used for comparison: such a key may hold a plain value (a keytab's S3 path).
 */
export const SECRET_LOOKING_PATHS: Readonly<Record<SecretNode, readonly string[]>> = {
	glue: ['ConnectionProperties.*PASSWORD*', 'ConnectionProperties.*KEYTAB*'],
	eventBridge: [],
};

// ---- credentials written into a URL ---------------------------------------------------------

/**
 * A password inside a URL-valued text: `scheme://user:password@`, Oracle's `thin:user/password@`,
 * or a password parameter (`?password=`, `;password=`, `&pwd=`). AWS keeps such a property in
 * clear text and returns it: the request checkers refuse it, output, Export and plans mask it.
 */
const URL_CREDENTIALS: ReadonlyArray<[RegExp, string]> = [
	[/^([a-z][a-z0-9+.:-]*:\/\/[^/?#@\s:]*):[^/?#@\s]*@/i, '$1:****@'],
	[/^(jdbc:oracle:thin:[^@/:]+\/)[^@]*@/i, '$1****@'],
	[/([?;&](?:password|pwd)=)[^;&]*/gi, '$1****'],
];

/** Whether a text carries a password in URL form. */
export const hasUrlCredentials = (text: string) => URL_CREDENTIALS.some(([pattern]) => new RegExp(pattern.source, 'i').test(text));

/** The text with any password in URL form replaced by ****. */
export const maskUrlCredentials = (text: string) => URL_CREDENTIALS.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), text);

/** A copy (or the value itself when there is nothing to mask) with every text's URL passwords masked. */
export function withUrlCredentialsMasked<T>(value: T): T {
	if (typeof value === 'string') return (hasUrlCredentials(value) ? maskUrlCredentials(value) : value) as T;
	if (Array.isArray(value)) return value.map((member: unknown) => withUrlCredentialsMasked(member)) as T;
	if (!isObject(value)) return value;
	const copy: Holder = {};
	for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: withUrlCredentialsMasked(value[key]), enumerable: true, writable: true, configurable: true });
	return copy as T;
}

/** What only run time knows: the SECRET properties of a described Glue connection type. */
export interface SecretContext {
	describedSecretKeys?: readonly string[];
}

export const declarationsOf = (node: SecretNode) => SECRET_DECLARATIONS.filter((declaration) => declaration.node === node);

/** The SDK path patterns of a node's secrets (declared and AWS-managed), e.g. for a reader of JSON definitions. */
export function secretSdkPaths(node: SecretNode): string[] {
	return [...new Set([...declarationsOf(node).map((declaration) => declaration.sdkPath), ...AWS_MANAGED_SECRET_PATHS[node]])];
}

/**
 * The ConnectionProperties keys that hold secrets in a Glue connection: the declared ones
 * (PASSWORD, Kafka's passwords) and a described type's SECRET properties (`context`). AWS's
 * ENCRYPTED_* copies are matched by AWS_MANAGED_SECRET_PATHS, not listed here.
 */
export function glueSecretPropertyKeys(context: SecretContext = {}): string[] {
	const declared = declarationsOf('glue')
		.map((declaration) => /^ConnectionProperties\.([A-Z0-9_]+)$/.exec(declaration.sdkPath)?.[1])
		.filter((key): key is string => key !== undefined);
	return [...new Set([...declared, ...(context.describedSecretKeys ?? [])])];
}

/** AWS's own encrypted copy of a Glue secret property (what the catalog returns instead of it). */
const encryptedCopyOf = (key: string) => `ENCRYPTED_${key}`;

/**
 * Glue, for Export: the secret ConnectionProperties a copy must be given (a placeholder each). A
 * secret AWS returned (an emulator, or a read without HidePassword); a hidden one AWS shows its
 * encrypted copy of; a hidden one whose companion is there (the declaration's, or for a described
 * type's secret named …PASSWORD its …USERNAME or the key without _PASSWORD). None when a SECRET_ID
 * holds the credentials.
 */
export function glueSecretsToSupply(properties: Record<string, string>, secretKeys: readonly string[]): string[] {
	const companions = new Map(
		declarationsOf('glue')
			.filter((declaration) => declaration.companion)
			.map((declaration) => [declaration.sdkPath.replace(/^ConnectionProperties\./, ''), [declaration.companion as string]]),
	);
	return secretKeys.filter((key) => {
		if (key in properties) return true;
		if (properties.SECRET_ID) return false;
		if (properties[encryptedCopyOf(key)] !== undefined) return true;
		const named = companions.get(key) ?? (key.endsWith('PASSWORD') ? [key.replace(/PASSWORD$/, 'USERNAME'), key.replace(/_PASSWORD$/, '')] : []);
		return named.some((companion) => companion !== key && properties[companion] !== undefined);
	});
}

const GLUE_AUTH = 'AuthenticationConfiguration';
const GLUE_SECRET_PATH = (label: string) => declarationsOf('glue').find((declaration) => declaration.sdkPath.startsWith(GLUE_AUTH) && declaration.label === label)?.sdkPath as string;

/**
 * Glue, for Export: where a copy needs the credentials AWS keeps in the secret it made for the
 * connection (a service-linked SecretArn, which belongs to the source and is not exported): Basic's
 * username and password, Custom's whole map, and OAuth2's secrets for its grant.
 */
export function glueManagedAuthPaths(type: string | undefined, grant: string | undefined, userManagedClient: boolean): string[] {
	if (type === 'BASIC') {
		const password = GLUE_SECRET_PATH('Password');
		return [password.replace(/Password$/, 'Username'), password];
	}
	if (type === 'CUSTOM') return [GLUE_SECRET_PATH('Custom Credentials').replace(/\.\*$/, '')];
	if (type !== 'OAUTH2') return [];
	return [
		userManagedClient ? GLUE_SECRET_PATH('Client Secret') : undefined,
		grant === 'JWT_BEARER' ? GLUE_SECRET_PATH('JWT Token') : undefined,
		grant === 'REFRESH_TOKEN' ? GLUE_SECRET_PATH('Refresh Token') : undefined,
		grant === 'AUTHORIZATION_CODE' ? GLUE_SECRET_PATH('Authorization Code') : undefined,
	].filter((path): path is string => path !== undefined);
}

// ---- the SDK side ---------------------------------------------------------------------------

export type Path = Array<string | number>;
type Holder = Record<string | number, unknown>;
/** One secret found in a request or an answer: where, and the object and key that hold it. */
export interface SecretLocation {
	path: Path;
	holder: Holder;
	key: string | number;
	value: unknown;
}

interface Step {
	/** The member name as declared (a literal, or with `*`). */
	text: string;
	name: RegExp;
	list?: 'all' | 'flagged';
}

const steps = new Map<string, Step[]>();

function parse(pattern: string): Step[] {
	let parsed = steps.get(pattern);
	if (!parsed) {
		parsed = pattern.split('.').map((segment) => {
			const [, name, filter] = /^([^[]+)(?:\[([^\]]*)\])?$/.exec(segment) ?? [];
			const glob = new RegExp(`^${name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
			return { text: name, name: glob, list: filter === undefined ? undefined : filter ? 'flagged' : 'all' };
		});
		steps.set(pattern, parsed);
	}
	return parsed;
}

const isObject = (value: unknown): value is Holder => !!value && typeof value === 'object' && !Array.isArray(value);

function visit(value: unknown, pattern: Step[], path: Path, found: SecretLocation[], lastKeyAllowed: (key: string) => boolean) {
	if (!isObject(value)) return;
	const [step, ...rest] = pattern;
	for (const key of Object.keys(value)) {
		if (!step.name.test(key)) continue;
		const member = value[key];
		if (step.list) {
			if (!Array.isArray(member)) continue;
			member.forEach((element, index) => {
				if (step.list === 'flagged' && !(isObject(element) && element.IsValueSecret === true)) return;
				if (rest.length) visit(element, rest, [...path, key, index], found, lastKeyAllowed);
			});
		} else if (rest.length) {
			visit(member, rest, [...path, key], found, lastKeyAllowed);
		} else if (member !== undefined && lastKeyAllowed(key)) {
			found.push({ path: [...path, key], holder: value, key, value: member });
		}
	}
}

type Which = 'declared' | 'output';

function patternsOf(node: SecretNode, context: SecretContext, which: Which) {
	const described = new Set(context.describedSecretKeys ?? []);
	const any = () => true;
	return [
		...declarationsOf(node).map((declaration) => ({
			pattern: declaration.sdkPath,
			allowed: declaration.rows === 'describedSecret' ? (key: string) => described.has(key) : any,
		})),
		...AWS_MANAGED_SECRET_PATHS[node].map((pattern) => ({ pattern, allowed: any })),
		...(which === 'output' ? SECRET_LOOKING_PATHS[node].map((pattern) => ({ pattern, allowed: any })) : []),
	];
}

function locate(node: SecretNode, value: unknown, context: SecretContext, which: Which): SecretLocation[] {
	const found: SecretLocation[] = [];
	for (const { pattern, allowed } of patternsOf(node, context, which)) visit(value, parse(pattern), [], found, allowed);
	// One secret may match two patterns (PASSWORD is declared and looks secret): report it once.
	const seen = new Set<string>();
	return found.filter((location) => {
		const id = JSON.stringify(location.path);
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}

/** Where a request (or an answer shaped like one) holds secrets: declared fields, described SECRET properties, AWS's copies. */
export function secretLocations(node: SecretNode, value: unknown, context: SecretContext = {}): SecretLocation[] {
	return locate(node, value, context, 'declared');
}

/**
 * Whether a dotted path of members (e.g. a difference `ConnectionProperties.PASSWORD`) is a
 * secret's. A list element's secret depends on its row (IsValueSecret): ask isSecretAt for those.
 */
export function isSecretPath(node: SecretNode, path: string, context: SecretContext = {}): boolean {
	const target = path.split('.');
	const probe: Holder = {};
	let holder = probe;
	target.forEach((key, index) => {
		holder[key] = index === target.length - 1 ? '' : {};
		holder = holder[key] as Holder;
	});
	return locate(node, probe, context, 'declared').length > 0;
}

/** Whether the member at `path` of a request (or definition) holds a secret: e.g. an HTTP parameter's Value when its row says IsValueSecret. */
export function isSecretAt(node: SecretNode, value: unknown, path: readonly (string | number)[], context: SecretContext = {}): boolean {
	const wanted = JSON.stringify(path.map(String));
	return secretLocations(node, value, context).some((location) => JSON.stringify(location.path.map(String)) === wanted);
}

/** The steps of a concrete path: `AuthParameters.InvocationHttpParameters.HeaderParameters[0].Value` or with `.0.`. */
const stepsOf = (path: string) => path.split(/\.|\[(\d+)\]/).filter((step) => step !== undefined && step !== '');

/**
 * The declaration of the secret at a concrete path, if any (a list element's row flag is not
 * looked at: the path alone cannot say it). E.g. to learn a secret's default credential member.
 */
export function declarationAt(node: SecretNode, path: string): SecretDeclaration | undefined {
	const steps = stepsOf(path);
	return declarationsOf(node).find((declaration) => {
		let index = 0;
		for (const step of parse(declaration.sdkPath)) {
			if (!step.name.test(steps[index] ?? '')) return false;
			index += step.list ? 2 : 1;
			if (step.list && !/^\d+$/.test(steps[index - 1] ?? '')) return false;
		}
		return index === steps.length;
	});
}

/**
 * A copy with `fill(path)` at every declared secret whose holder the value has: AWS returns the
 * holder (a type's auth parameters, a row marked IsValueSecret), never the secret. Declarations
 * that end in a map of any keys (`*`) are skipped: which keys is for the caller to say.
 */
export function withSecretsFilled<T>(node: SecretNode, value: T, fill: (path: Path) => unknown): T {
	const copy = structuredClone(value);
	for (const declaration of declarationsOf(node)) {
		const steps = parse(declaration.sdkPath);
		const leaf = steps[steps.length - 1];
		if (leaf.text.includes('*') || leaf.list) continue;
		let holders: Array<{ holder: Holder; path: Path }> = [{ holder: copy as Holder, path: [] }];
		for (const step of steps.slice(0, -1)) {
			holders = holders.flatMap(({ holder, path }) => {
				const member = holder[step.text];
				if (!step.list) return isObject(member) ? [{ holder: member, path: [...path, step.text] }] : [];
				if (!Array.isArray(member)) return [];
				return member.flatMap((row: unknown, index) =>
					isObject(row) && (step.list === 'all' || row.IsValueSecret === true) ? [{ holder: row, path: [...path, step.text, index] }] : [],
				);
			});
		}
		for (const { holder, path } of holders) holder[leaf.text] = fill([...path, leaf.text]);
	}
	return copy;
}

/**
 * A deep copy of plain data (objects, lists, dates, primitives), as structuredClone makes it but
 * several times faster for the small requests and answers compared per connection and target;
 * anything else (a Map, a class instance) is left to structuredClone.
 */
function copyOf<T>(value: T): T {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map(copyOf) as T;
	if (value instanceof Date) return new Date(value.getTime()) as T;
	const prototype = Object.getPrototypeOf(value) as unknown;
	if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const member = (value as Record<string, unknown>)[key];
		// structuredClone keeps an own "__proto__" key as a member: so does this.
		if (key === '__proto__') Object.defineProperty(copy, key, { value: copyOf(member), enumerable: true, writable: true, configurable: true });
		else copy[key] = copyOf(member);
	}
	return copy as T;
}

/** A copy with every secret replaced by what `replace` returns for it (undefined leaves the member out). */
export function replaceSecrets<T>(
	node: SecretNode,
	value: T,
	replace: (location: { path: Path; value: unknown }) => unknown,
	context: SecretContext = {},
	which: Which = 'declared',
): T {
	const copy = copyOf(value);
	for (const location of locate(node, copy, context, which)) {
		const replacement = replace({ path: location.path, value: location.value });
		if (replacement === undefined) delete location.holder[location.key];
		else location.holder[location.key] = replacement;
	}
	return copy;
}

/** A copy without any secret: what a comparison with AWS's answer (which never holds them) can see. */
export function withoutSecrets<T>(node: SecretNode, value: T, context: SecretContext = {}): T {
	return replaceSecrets(node, value, () => undefined, context);
}

/**
 * The value as a comparison sees it, without its secrets: the value itself when it holds none, else
 * a copy of only the objects on the way to each secret. For reading only (Glue's comparison runs
 * per connection and target); withoutSecrets gives a full copy to keep.
 */
export function secretFreeView<T>(node: SecretNode, value: T, context: SecretContext = {}): T {
	const locations = locate(node, value, context, 'declared');
	if (!locations.length) return value;
	const root = (Array.isArray(value) ? [...value] : { ...(value as Holder) }) as Holder;
	for (const { path } of locations) {
		let holder = root;
		for (const step of path.slice(0, -1)) {
			const member = holder[step as string] as unknown;
			const copied = (Array.isArray(member) ? [...member] : { ...(member as Holder) }) as Holder;
			holder[step as string] = copied;
			holder = copied;
		}
		delete holder[path[path.length - 1] as string];
	}
	return root as T;
}

/** A copy for node output with secrets hidden: also without keys that merely look secret, and URL passwords masked. */
export function redactedForOutput<T>(node: SecretNode, value: T, context: SecretContext = {}): T {
	return withUrlCredentialsMasked(replaceSecrets(node, value, () => undefined, context, 'output'));
}

/** The secret texts a request carries (to redact them from messages). */
export function secretValuesIn(node: SecretNode, value: unknown, context: SecretContext = {}): string[] {
	return secretLocations(node, value, context)
		.map((location) => location.value)
		.filter((text): text is string => typeof text === 'string' && text !== '');
}

/** Whether a request carries any secret (which a comparison with AWS can never see). */
export function carriesSecrets(node: SecretNode, value: unknown, context: SecretContext = {}): boolean {
	return secretLocations(node, value, context).some((location) => location.value !== undefined && location.value !== '');
}

// ---- the form side --------------------------------------------------------------------------

/** The parameter that chooses the supply, and its values. */
export const SECRET_SOURCE_FIELD = 'secretSource';
export const FROM_NODE = 'node';
export const FROM_SECRETS_MANAGER = 'secretsManager';
export const FROM_CREDENTIAL = 'credential';

/** Suffixes of the parameters that say where a single secret field's value comes from. */
export const SECRETS_MANAGER_SUFFIX = 'FromSecretsManager';
export const SECRETS_MANAGER_KEY_SUFFIX = 'FromSecretsManagerKey';
export const CREDENTIAL_SUFFIX = 'FromCredential';

type Bag = Record<string, unknown>;

export const declarationFor = (parameter: string) => SECRET_DECLARATIONS.find((declaration) => declaration.parameter === parameter);

/**
 * Parameters that hold a whole JSON Definition (contract 2: AWS's request shape, either node): a
 * secret in it is wherever the SDK-side declarations say, typed as a literal text (a reference is
 * an object, `{"$secret": …}`, and no secret).
 */
export const DEFINITION_PARAMETERS: readonly string[] = ['definitionJson'];

/** The top-level parameters that hold declared secrets (what to read to redact an item's messages). */
export const SECRET_PARAMETERS: readonly string[] = [
	...new Set([...SECRET_DECLARATIONS.map((declaration) => declaration.parameter.split('.')[0]), ...DEFINITION_PARAMETERS]),
];

/** A JSON Definition parameter's value as an object (typed JSON text, or an object from an expression); undefined otherwise. */
function definitionIn(value: unknown): Holder | undefined {
	if (isObject(value)) return value;
	if (typeof value !== 'string' || value.startsWith('=')) return undefined;
	try {
		const parsed: unknown = JSON.parse(value);
		return isObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/** The literal secrets of a JSON Definition (the two nodes' request shapes share no secret path). */
const definitionSecrets = (definition: Holder) =>
	[...secretLocations('glue', definition), ...secretLocations('eventBridge', definition)].filter(
		(location) => typeof location.value === 'string' && location.value !== '',
	);

/** One secret value or reference in an item's parameters: the declaration, where, and what is there. */
export interface FormSecret {
	declaration: SecretDeclaration;
	path: Path;
	value: unknown;
	/** For a row: its key (the SDK map key or HTTP parameter name). */
	rowKey?: string;
}

/**
 * Every declared secret place in the parameters that holds something: single fields, and the rows
 * of secret collections (every row, or the rows flagged "Value Is Secret"). A row of a described
 * type's Secret Connection Properties is secret whatever its key: the user put it there as one.
 */
export function formSecrets(parameters: Bag): FormSecret[] {
	const found: FormSecret[] = [];
	for (const declaration of SECRET_DECLARATIONS) {
		const path = declaration.parameter.split('.');
		let value: unknown = parameters;
		for (const key of path) value = isObject(value) ? value[key] : undefined;
		if (value === undefined || value === null) continue;
		if (!declaration.rows) {
			found.push({ declaration, path, value });
			continue;
		}
		const pairs = isObject(value) ? value.pairs : undefined;
		if (!Array.isArray(pairs)) continue;
		pairs.forEach((row: unknown, index) => {
			if (!isObject(row)) return;
			if (declaration.rows === 'flagged' && row.isValueSecret !== true) return;
			found.push({ declaration, path: [...path, 'pairs', index, 'value'], value: row.value, rowKey: typeof row.key === 'string' ? row.key : String(row.key ?? '') });
		});
	}
	return found;
}

/** The secret texts typed into the parameters (with another source, rows hold references, not secrets). */
export function typedSecretTexts(parameters: Bag): string[] {
	const typed = (parameters[SECRET_SOURCE_FIELD] ?? FROM_NODE) === FROM_NODE;
	const inDefinitions = DEFINITION_PARAMETERS.flatMap((name) => {
		const definition = definitionIn(parameters[name]);
		return definition ? definitionSecrets(definition).map((location) => location.value) : [];
	});
	return [
		...formSecrets(parameters)
			.filter((secret) => typed || !secret.declaration.rows)
			.map((secret) => secret.value),
		...inDefinitions,
	].filter((text): text is string => typeof text === 'string' && text !== '');
}

/** A copy of the parameters with every declared secret place that holds text replaced by `mask`. */
export function maskFormSecrets<T extends Bag>(parameters: T, mask: string): T {
	const copy = structuredClone(parameters);
	for (const { path, value } of formSecrets(copy)) {
		if (typeof value !== 'string' || value === '') continue;
		let holder = copy as Holder;
		for (const key of path.slice(0, -1)) holder = holder[key] as Holder;
		holder[path[path.length - 1]] = mask;
	}
	for (const name of DEFINITION_PARAMETERS) {
		const definition = definitionIn(copy[name]);
		const literals = definition ? definitionSecrets(definition) : [];
		if (!definition || !literals.length) continue;
		for (const location of literals) location.holder[location.key] = mask;
		(copy as Bag)[name] = typeof copy[name] === 'string' ? JSON.stringify(definition, null, 2) : definition;
	}
	return copy;
}

/** The keys of the rows a described type's Secret Connection Properties hold (they are secret whatever AWS says). */
export function describedSecretRowKeys(parameters: Bag): string[] {
	return formSecrets(parameters)
		.filter((secret) => secret.declaration.rows === 'describedSecret' && secret.rowKey)
		.map((secret) => secret.rowKey as string);
}
