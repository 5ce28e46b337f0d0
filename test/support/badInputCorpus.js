// A generated corpus of malformed inputs for both nodes and every operation. The operations come
// from the node descriptions (each resource's Operation field), so a new operation is in the corpus
// without editing it: an operation without a hand-written baseline below gets one derived from the
// baseline of the same resource that fills most of its fields, plus a value for each required field
// it still shows (the corpus test proves every baseline, derived or not, reaches AWS well-formed).
// Each case takes one valid baseline (parameters that do reach AWS), puts an expression
// `{{ $json.bad }}` at one path, and feeds the malformed value through the input item, as a workflow
// would. Two families:
// - wrong types, generated from the node description: for every field the baseline shows (nested
//   collection options and key/value cells included), values of the wrong type (object, list,
//   true/false for text; text, objects and true/false for numbers; text, numbers and objects for
//   true/false; text that is not JSON, a list, a number and true/false for a JSON field; an object,
//   true/false and a number for a multiple choice). Two kinds of field are left out because n8n
//   itself handles them before the node runs: a field other fields' visibility depends on (an
//   expression there makes n8n report the workflow's issues and refuse to run it), and a whole
//   collection or key/value list (n8n replaces an expression there with the field's default; the
//   editor offers no expression for them either);
// - wrong content, from a table: control characters and newlines, huge strings, unicode lookalikes
//   where a pattern is ASCII-only, reserved keys (__proto__, constructor, prototype) in key/value
//   lists, missing required values (null, empty), JSON of the wrong shape.
const { NodeHelpers } = require('n8n-workflow');

/** Put into every secret field: no message may contain it. */
const SECRET = 'CORPUS-SECRET-7f3a9c';
/** A password written into a URL: refused, and no message may contain it either. */
const URL_SECRET = 'PwInUrl123';

const locator = (value) => ({ __rl: true, mode: 'name', value });
const rows = (...entries) => ({ pairs: entries.map(([key, value, isValueSecret]) => ({ key, value, ...(isValueSecret === undefined ? {} : { isValueSecret }) })) });

/** Valid parameters per node and operation (and per Glue type / EventBridge authorization). */
const BASELINES = {
	glue: {
		'create JDBC': {
			operation: 'create',
			name: 'corpus-jdbc',
			connectionType: 'JDBC',
			jdbcHost: 'db.example.com',
			jdbcPort: 5432,
			jdbcDatabase: 'sales',
			jdbcUsername: 'etl',
			jdbcPassword: SECRET,
			additionalConnectionProperties: rows(['JDBC_ENFORCE_SSL', 'false']),
			physicalConnectionRequirements: { subnetId: 'subnet-0123456789abcdef0', securityGroupIds: 'sg-0123456789abcdef0', availabilityZone: 'eu-west-1a' },
			additionalFields: { description: 'corpus', matchCriteria: 'prod', sparkProperties: rows(['spark.key', 'v']), tags: rows(['team', 'data']) },
			options: { catalogId: '123456789012' },
		},
		'create JDBC URL': {
			operation: 'create',
			name: 'corpus-jdbc-url',
			connectionType: 'JDBC',
			jdbcConnectUsing: 'url',
			jdbcConnectionUrl: 'jdbc:mysql://db.example.com:3306/sales',
			jdbcCredentials: 'secret',
			jdbcSecretId: 'corpus/sales-db',
		},
		'createOrUpdate KAFKA': {
			operation: 'createOrUpdate',
			name: 'corpus-kafka',
			connectionType: 'KAFKA',
			kafkaBootstrapServers: 'b-1.example.com:9096',
			kafkaSaslMechanism: 'PLAIN',
			kafkaSaslPlainUsername: 'glue',
			kafkaSaslPlainPassword: SECRET,
		},
		'update MONGODB': {
			operation: 'update',
			connection: locator('corpus-mongo'),
			newName: 'corpus-mongo-2',
			connectionType: 'MONGODB',
			mongodbConnectionUrl: 'mongodb://mongo.example.com:27017/sales',
			mongodbUsername: 'reader',
			mongodbPassword: SECRET,
		},
		'testDefinition SNOWFLAKE': {
			operation: 'testDefinition',
			connectionType: '__other__',
			otherConnectionType: 'SNOWFLAKE',
			authenticationType: 'BASIC',
			authBasicUsername: 'svc',
			authBasicPassword: SECRET,
			additionalConnectionProperties: rows(['ENDPOINT', 'acme.snowflakecomputing.com']),
		},
		get: { operation: 'get', connection: locator('corpus-get'), hidePassword: true },
		delete: { operation: 'delete', connection: locator('corpus-delete') },
		testConnection: { operation: 'testConnection', connection: locator('corpus-test') },
		getMany: { operation: 'getMany', returnAll: false, limit: 10, filters: { connectionType: 'JDBC', matchCriteria: 'prod' } },
		'connectionType register': {
			resource: 'connectionType',
			operation: 'register',
			newConnectionType: 'REST-CORPUS',
			integrationType: 'REST',
			connectorAuthenticationTypes: ['CUSTOM', 'BASIC'],
			connectionPropertiesConfiguration: JSON.stringify({ Url: { Name: 'INSTANCE_URL', Required: true, PropertyType: 'USER_INPUT' } }),
			restConfiguration: JSON.stringify({ GlobalSourceConfiguration: { RequestMethod: 'GET', RequestPath: '/items', ResponseConfiguration: { ResultPath: '$.items' } } }),
			connectionTypeFields: {
				description: 'corpus',
				authenticationProperties: JSON.stringify({ BasicAuthenticationProperties: { Username: { Name: 'USER', Required: true, PropertyType: 'USER_INPUT' } } }),
				tags: rows(['team', 'data']),
			},
		},
		'connectionType get': { resource: 'connectionType', operation: 'get', connectionTypeName: locator('SNOWFLAKE') },
		'connectionType delete': { resource: 'connectionType', operation: 'delete', connectionTypeName: locator('REST-CORPUS') },
		'connectionType getMany': { resource: 'connectionType', operation: 'getMany', returnAll: false, limit: 10 },
	},
	eventBridge: {
		'create API_KEY': {
			operation: 'create',
			name: 'corpus-api',
			authorizationType: 'API_KEY',
			keyHeaderName: 'x-api-key',
			apiKeyValue: SECRET,
			additionalFields: {
				description: 'corpus',
				invocationHeaders: rows(['x-tenant', 'acme', false]),
				invocationQueryString: rows(['q', 'v', false]),
				invocationBody: rows(['b', 'v', true]),
				kmsKeyIdentifier: 'alias/corpus',
			},
		},
		'createOrUpdate BASIC': { operation: 'createOrUpdate', name: 'corpus-basic', authorizationType: 'BASIC', basicUsername: 'svc', basicPassword: SECRET },
		'create OAUTH_CLIENT_CREDENTIALS': {
			operation: 'create',
			name: 'corpus-oauth',
			authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
			oauthClientId: 'client-1',
			oauthClientSecret: SECRET,
			oauthAuthorizationEndpoint: 'https://auth.example.com/token',
			oauthHttpMethod: 'POST',
			oauthOptions: { oauthHeaders: rows(['x-h', 'v', false]) },
		},
		update: { operation: 'update', connection: locator('corpus-update'), additionalFields: { description: 'new' } },
		get: { operation: 'get', connection: locator('corpus-get') },
		delete: { operation: 'delete', connection: locator('corpus-delete') },
		deauthorize: { operation: 'deauthorize', connection: locator('corpus-deauth') },
		getMany: { operation: 'getMany', returnAll: false, limit: 10, filters: { namePrefix: 'corpus', connectionState: 'AUTHORIZED' } },
	},
};

const NODE = { typeVersion: 1.1 };
const WRONG_TYPES = {
	text: [{ nested: 'object' }, ['a', 'list'], true],
	list: [[{ nested: 'object' }], true],
	number: ['not a number', { nested: 'object' }, true],
	boolean: ['yes', 1, { nested: 'object' }],
	json: ['{ "not": json', '[1, 2]', 42, true],
	choices: [{ nested: 'object' }, true, 42],
};
// Read once per execution (not per item) or chosen at design time: covered by their own cases.
const SKIPPED = new Set(['resource', 'operation', 'concurrency', 'maxAttempts', 'maxRetryTime', 'requestTimeout']);
const LIST_FIELDS = new Set(['matchCriteria', 'securityGroupIds']);

const kindOf = (type, name) =>
	({
		string: LIST_FIELDS.has(name) ? 'list' : 'text',
		options: 'text',
		resourceLocator: 'text',
		number: 'number',
		boolean: 'boolean',
		json: 'json',
		multiOptions: 'choices',
		collection: 'collection',
		fixedCollection: 'collection',
	})[type];

/** Every resource and operation a node offers, from its description (a node without resources has one). */
function operationsOf(description) {
	const resourceField = description.properties.find((p) => p.name === 'resource');
	const resources = resourceField ? resourceField.options.map((o) => o.value) : [undefined];
	const found = [];
	for (const resource of resources) {
		for (const field of description.properties.filter((p) => p.name === 'operation' && p.type === 'options')) {
			const shownFor = field.displayOptions?.show?.resource;
			if (resource !== undefined && shownFor && !shownFor.includes(resource)) continue;
			for (const option of field.options) found.push({ resource, operation: option.value, default: resource === resourceField?.default });
		}
	}
	return found;
}

/** The fields a form shows for these parameters (n8n's own display rules; tool-only fields aside). */
function shownFields(description, parameters) {
	const values = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, NODE, description) ?? {};
	return description.properties.filter((p) => p.type !== 'notice' && !p.displayOptions?.show?.['@tool'] && NodeHelpers.displayParameter(values, p, NODE, description));
}

/** A valid-looking value for a required field the donor baseline does not fill, from its type. */
function generatedValue(field) {
	switch (field.type) {
		case 'resourceLocator':
			return locator('corpus');
		case 'options':
			return field.default !== '' && field.default !== undefined ? field.default : field.options?.[0]?.value;
		case 'multiOptions':
			return [field.options[0].value];
		case 'string':
			return 'corpus';
		default:
			return field.default;
	}
}

/**
 * Baseline parameters for an operation nobody wrote one for: the fields it shares with the baseline
 * of the same resource that fills most of them, and a generated value for every other required field
 * it shows.
 */
function derivedBaseline(description, node, { resource, operation, default: isDefaultResource }, resourceDefault) {
	const base = resource === undefined || isDefaultResource ? { operation } : { resource, operation };
	let best = { parameters: base, shared: -1 };
	for (const donor of Object.values(BASELINES[node])) {
		if ((donor.resource ?? resourceDefault) !== (resource ?? resourceDefault)) continue;
		const candidate = { ...donor, ...base };
		const shown = new Set(shownFields(description, candidate).map((p) => p.name));
		const kept = Object.fromEntries(Object.entries(candidate).filter(([name]) => name in base || shown.has(name)));
		const shared = Object.keys(kept).length;
		if (shared > best.shared) best = { parameters: kept, shared };
	}
	const parameters = best.parameters;
	// Filling a field can show others (a chosen type shows its fields): repeat until nothing is missing.
	for (let round = 0; round < 5; round++) {
		const missing = shownFields(description, parameters).filter((p) => p.required && !(p.name in parameters) && generatedValue(p) !== undefined);
		if (!missing.length) break;
		for (const field of missing) parameters[field.name] = generatedValue(field);
	}
	return parameters;
}

/**
 * Every baseline of a node: the hand-written ones, and one derived for each operation of the
 * description that has none. @returns {Record<string, object>} parameters by baseline name
 */
function baselinesOf(node, description) {
	const all = { ...BASELINES[node] };
	const resourceDefault = description.properties.find((p) => p.name === 'resource')?.default;
	for (const entry of operationsOf(description)) {
		const covered = Object.values(BASELINES[node]).some(
			(b) => b.operation === entry.operation && (b.resource ?? resourceDefault) === (entry.resource ?? resourceDefault),
		);
		if (covered) continue;
		const prefix = entry.default || entry.resource === undefined ? '' : `${entry.resource} `;
		all[`${prefix}${entry.operation} (derived)`] = derivedBaseline(description, node, entry, resourceDefault);
	}
	return all;
}

/** Every path of a baseline that holds a value the user set, with the label its errors name. */
function typeTargets(description, parameters) {
	const shown = shownFields(description, parameters);
	const controllers = new Set(description.properties.flatMap((p) => [...Object.keys(p.displayOptions?.show ?? {}), ...Object.keys(p.displayOptions?.hide ?? {})]));
	const targets = [];
	for (const property of shown) {
		if (SKIPPED.has(property.name) || controllers.has(property.name) || !(property.name in parameters)) continue;
		const given = parameters[property.name];
		const kind = kindOf(property.type, property.name);
		if (!kind) continue;
		if (property.type === 'resourceLocator') {
			targets.push({ path: [property.name, 'value'], label: property.displayName, kind });
			continue;
		}
		if (kind !== 'collection') targets.push({ path: [property.name], label: property.displayName, kind });
		if (property.type === 'collection') {
			for (const [name, member] of Object.entries(given)) {
				const option = property.options.find((o) => o.name === name);
				if (!option || SKIPPED.has(name)) continue;
				if (option.type === 'fixedCollection') targets.push(...cellTargets([property.name, name], option, member));
				else targets.push({ path: [property.name, name], label: option.displayName, kind: kindOf(option.type, name) });
			}
		}
		if (property.type === 'fixedCollection') targets.push(...cellTargets([property.name], property, given));
	}
	return targets;
}

/** The cells of the first row of a key/value list: key, value and (where there is one) the secret flag. */
function cellTargets(path, field, given) {
	const group = field.options[0];
	const row = given?.[group.name]?.[0];
	if (!row) return [];
	return group.values
		.filter((cell) => cell.name in row)
		.map((cell) => ({ path: [...path, group.name, 0, cell.name], label: field.displayName, kind: kindOf(cell.type, cell.name) }));
}

/** Wrong content: [node, baseline, path, label, values]. */
const HUGE = 'x'.repeat(100_000);
const CONTENT = [
	// Names: control characters, newlines, huge, lookalikes (EventBridge names are ASCII-only), missing.
	...['create JDBC', 'createOrUpdate KAFKA'].map((b) => ['glue', b, ['name'], 'Name', ['bad\nname', 'bad\u0000name', 'bad\u001bname', 'x'.repeat(256), HUGE, null, '']]),
	...['get', 'delete', 'testConnection', 'update MONGODB'].map((b) => ['glue', b, ['connection', 'value'], 'Connection', ['bad\nname', 'tab\u0007bell', 'x'.repeat(256), null, '  ']]),
	['glue', 'update MONGODB', ['newName'], 'Name', ['new\nname', 'x'.repeat(300)]],
	...['create API_KEY', 'createOrUpdate BASIC', 'create OAUTH_CLIENT_CREDENTIALS'].map((b) => ['eventBridge', b, ['name'], 'Name', ['bad\nname', 'bad\u0000', 'оrders', 'ｏrders', 'x'.repeat(65), null, '']]),
	...['get', 'delete', 'deauthorize', 'update'].map((b) => ['eventBridge', b, ['connection', 'value'], 'Connection', ['bad\nname', 'оrders', 'x'.repeat(65), '']]),
	// Glue definition fields.
	['glue', 'create JDBC', ['jdbcHost'], 'Host', ['db\n.example.com', 'db example.com', HUGE]],
	['glue', 'create JDBC', ['jdbcPort'], 'Port', [0, 70000, -1, 5432.5]],
	['glue', 'create JDBC', ['jdbcUsername'], 'Username', ['et l', HUGE]],
	['glue', 'create JDBC', ['additionalFields', 'description'], 'Description', ['line\u0000null', 'bell\u0007', HUGE]],
	['glue', 'create JDBC', ['additionalFields', 'matchCriteria'], 'Match Criteria', [Array.from({ length: 11 }, (_, i) => `c${i}`).join(',')]],
	['glue', 'create JDBC', ['physicalConnectionRequirements', 'subnetId'], 'Subnet ID', ['subnet-ΟΟ12', 'subnet-1\n2']],
	['glue', 'create JDBC', ['physicalConnectionRequirements', 'securityGroupIds'], 'Security Group IDs', ['sg-12 sg-34', 'ѕg-0123']],
	['glue', 'create JDBC', ['physicalConnectionRequirements', 'availabilityZone'], 'Availability Zone', ['eu-west-1а']],
	['glue', 'create JDBC', ['options', 'catalogId'], 'Catalog ID', [HUGE]],
	['glue', 'create JDBC', ['additionalConnectionProperties', 'pairs', 0, 'key'], 'Additional Connection Properties', ['__proto__', 'constructor', 'prototype', '', 'BAD\nKEY']],
	// A JDBC URL: missing, not jdbc:, too long, with a password in it (as user:password@ or a parameter).
	['glue', 'create JDBC URL', ['jdbcConnectionUrl'], 'JDBC URL', [
		'',
		null,
		'mysql://db.example.com:3306/sales',
		`jdbc:mysql://db.example.com:3306/${'s'.repeat(2048)}`,
		`jdbc:mysql://admin:${URL_SECRET}@db.example.com:3306/sales`,
		`jdbc:mysql://db.example.com:3306/sales?user=admin&password=${URL_SECRET}`,
		`jdbc:oracle:thin:admin/${URL_SECRET}@db.example.com:1521/sales`,
	]],
	['glue', 'create JDBC', ['additionalFields', 'sparkProperties', 'pairs', 0, 'key'], 'Spark Properties', ['__proto__', 'constructor']],
	['glue', 'create JDBC', ['additionalFields', 'tags', 'pairs', 0, 'key'], 'Tags', ['__proto__', 'prototype']],
	['glue', 'createOrUpdate KAFKA', ['kafkaBootstrapServers'], 'Bootstrap Servers', ['', null, 'b-1.example.com', 'b-1.example.com:9096,b-2.example.com']],
	['glue', 'update MONGODB', ['mongodbConnectionUrl'], 'Connection URL', ['http://mongo.example.com', 'mongodb://mongo\n.example.com', `mongodb://reader:${URL_SECRET}@mongo.example.com:27017/sales`]],
	['glue', 'testDefinition SNOWFLAKE', ['otherConnectionType'], 'Other Connection Type', ['snow flake', 'SNOW\nFLAKE', 'ЅNOWFLAKE']],
	['glue', 'testDefinition SNOWFLAKE', ['authBasicUsername'], 'Username', ['sv c']],
	['glue', 'getMany', ['filters', 'matchCriteria'], 'Match Criteria', [Array.from({ length: 11 }, (_, i) => `m${i}`).join(',')]],
	// Glue connection types: names, and JSON of the wrong shape.
	...['connectionType get', 'connectionType delete'].map((b) => ['glue', b, ['connectionTypeName', 'value'], 'Connection Type', ['bad\ntype', 'bad\u0000', 'x'.repeat(256), null, '']]),
	['glue', 'connectionType register', ['newConnectionType'], 'Name', ['CORPUS', 'REST-bad\nname', 'x'.repeat(256), null, '']],
	['glue', 'connectionType register', ['integrationType'], 'Integration Type', ['SOAP']],
	['glue', 'connectionType register', ['connectorAuthenticationTypes'], 'Authentication Types', [[], ['PASSWORDLESS']]],
	['glue', 'connectionType register', ['connectionPropertiesConfiguration'], 'Connection Properties (JSON)', ['{}', '{"Url": "https://x"}', '{"Url": {"Name": "U", "Required": "yes", "PropertyType": "USER_INPUT"}}', '{"Url": {"Name": "U", "Required": true, "PropertyType": "MAGIC"}}']],
	['glue', 'connectionType register', ['restConfiguration'], 'REST Configuration (JSON)', ['{}', '{"GlobalSourceConfiguration": {"RequestMethod": "BREW"}}', '{"EntityConfigurations": []}']],
	['glue', 'connectionType register', ['connectionTypeFields', 'authenticationProperties'], 'Authentication Properties (JSON)', ['{"Kerberos": {}}', '{"OAuth2Properties": {}}', '[]']],
	['glue', 'connectionType register', ['connectionTypeFields', 'description'], 'Description', ['x'.repeat(2049)]],
	['glue', 'connectionType register', ['connectionTypeFields', 'tags', 'pairs', 0, 'key'], 'Tags', ['__proto__', 'constructor']],
	// EventBridge definition fields.
	['eventBridge', 'create API_KEY', ['keyHeaderName'], 'API Key Header Name', ['x-api:key', 'x-api\nkey', HUGE, null, '', ' ']],
	['eventBridge', 'create API_KEY', ['apiKeyValue'], 'API Key Value', [`${SECRET}\u0000`, `${SECRET}:colon`, 'x'.repeat(513), '']],
	['eventBridge', 'create API_KEY', ['additionalFields', 'description'], 'Description', ['x'.repeat(513), HUGE]],
	['eventBridge', 'create API_KEY', ['additionalFields', 'kmsKeyIdentifier'], 'KMS Key', ['alias/bad key', 'arn:aws:kms:eu-west-1:123:key/x', 'аlias/corpus']],
	['eventBridge', 'create API_KEY', ['additionalFields', 'invocationHeaders', 'pairs', 0, 'key'], 'Invocation Header Parameters', ['__proto__', 'constructor', 'bad key', 'x-tеnant', '']],
	['eventBridge', 'create API_KEY', ['additionalFields', 'invocationHeaders', 'pairs', 0, 'value'], 'Invocation Header Parameters', ['line\nbreak', 'nul\u0000', 'x'.repeat(513)]],
	['eventBridge', 'create API_KEY', ['additionalFields', 'invocationQueryString', 'pairs', 0, 'key'], 'Invocation Query String Parameters', ['__proto__', 'q\u0001']],
	['eventBridge', 'create API_KEY', ['additionalFields', 'invocationBody', 'pairs', 0, 'key'], 'Invocation Body Parameters', ['prototype', 'x'.repeat(513)]],
	['eventBridge', 'createOrUpdate BASIC', ['basicUsername'], 'Username', ['sv:c', 'sv\nc', null, '']],
	['eventBridge', 'createOrUpdate BASIC', ['basicPassword'], 'Password', [`${SECRET}\u0007`, '']],
	['eventBridge', 'create OAUTH_CLIENT_CREDENTIALS', ['oauthAuthorizationEndpoint'], 'Authorization Endpoint', ['http://auth.example.com/token', 'https://auth example.com', 'https://аuth.example.com/token']],
	['eventBridge', 'create OAUTH_CLIENT_CREDENTIALS', ['oauthHttpMethod'], 'HTTP Method', ['DELETE', 'post\n']],
	['eventBridge', 'create OAUTH_CLIENT_CREDENTIALS', ['oauthOptions', 'oauthHeaders', 'pairs', 0, 'key'], 'OAuth Header Parameters', ['__proto__', 'bad key']],
	['eventBridge', 'create OAUTH_CLIENT_CREDENTIALS', ['oauthOptions', 'resourceConfigurationArn'], 'Private Authorization Endpoint (Resource Configuration ARN)', ['arn:aws:vpc-lattice:eu-west-1:123456789012:resourceconfiguration/rcfg-short']],
	['eventBridge', 'getMany', ['filters', 'namePrefix'], 'Name Prefix', ['bad prefix', 'оrders']],
	['eventBridge', 'getMany', ['filters', 'connectionState'], 'Connection State', ['SLEEPING']],
];

/**
 * Options read once per execution (one client, one concurrency for all items): a bad value stops
 * the whole run at item 0 whatever Continue On Fail says. [node, baseline, option, label, values].
 */
const WHOLE_RUN = [
	...['create JDBC', 'get', 'getMany'].map((b) => ['glue', b, 'maxAttempts', 'Max Attempts', ['abc', true, { n: 3 }, 0, 51, 2.5]]),
	...['create API_KEY', 'delete', 'deauthorize'].map((b) => ['eventBridge', b, 'maxAttempts', 'Max Attempts', ['abc', false, [3], -1]]),
	...['create JDBC', 'getMany'].map((b) => ['glue', b, 'maxRetryTime', 'Max Retry Time', ['abc', true, { s: 60 }, 0, 3601, 2.5]]),
	['eventBridge', 'delete', 'maxRetryTime', 'Max Retry Time', ['abc', false, [60], -1]],
	...['create JDBC', 'testConnection'].map((b) => ['glue', b, 'requestTimeout', 'Request Timeout', ['abc', true, { s: 20 }, 0, 3601, 0.5]]),
	['eventBridge', 'get', 'requestTimeout', 'Request Timeout', ['abc', false, [20], -1]],
	['glue', 'delete', 'concurrency', 'Concurrency', ['ten', true, { n: 1 }, 0, 51]],
	['eventBridge', 'update', 'concurrency', 'Concurrency', ['ten', true, [2], 0]],
];

/** Sets a value at a path of a copy of the parameters. */
function withValueAt(parameters, path, value) {
	const copy = structuredClone(parameters);
	let node = copy;
	for (const key of path.slice(0, -1)) node = node[key];
	node[path[path.length - 1]] = value;
	return copy;
}

function describeValue(value) {
	if (typeof value === 'string') return value.length > 40 ? `text of ${value.length} characters` : JSON.stringify(value);
	return JSON.stringify(value) ?? String(value);
}

/** Every baseline of both nodes: { glue: { name: parameters }, eventBridge: { … } }. */
function allBaselines(descriptions) {
	return Object.fromEntries(Object.keys(BASELINES).map((node) => [node, baselinesOf(node, descriptions[node])]));
}

/**
 * @param {{ glue: object, eventBridge: object }} descriptions the nodes' descriptions
 * @returns {Array<{ node: string, baseline: string, label: string, path: Array<string|number>, value: unknown, name: string, parameters: object }>}
 */
function buildCorpus(descriptions) {
	const baselines = allBaselines(descriptions);
	const cases = [];
	const add = (node, baseline, path, label, value, family) => {
		const base = structuredClone(baselines[node][baseline]);
		if (path[0] === 'options') base.options ??= {};
		const parameters = withValueAt(base, path, '={{ $json.bad }}');
		cases.push({ node, baseline, path, label, value, family, parameters, name: `${node} ${baseline}: ${path.join('.')} = ${describeValue(value)}` });
	};
	for (const [node, ofNode] of Object.entries(baselines)) {
		for (const [baseline, parameters] of Object.entries(ofNode)) {
			for (const target of typeTargets(descriptions[node], parameters)) {
				for (const value of WRONG_TYPES[target.kind]) add(node, baseline, target.path, target.label, value, 'type');
			}
		}
	}
	for (const [node, baseline, path, label, values] of CONTENT) {
		for (const value of values) add(node, baseline, path, label, value, 'content');
	}
	for (const [node, baseline, option, label, values] of WHOLE_RUN) {
		for (const value of values) add(node, baseline, ['options', option], label, value, 'whole run');
	}
	return cases;
}

// ---- the second door: the same cases as JSON Definitions -----------------------------------

/** Where a value sits in a request: the holder, the key, and its path (JSON path steps). */
function* locations(node, path = []) {
	if (Array.isArray(node)) {
		for (let index = 0; index < node.length; index++) yield* visitMember(node, index, [...path, index]);
	} else if (node && typeof node === 'object') {
		for (const key of Object.keys(node)) yield* visitMember(node, key, [...path, key]);
	}
}
function* visitMember(holder, key, path) {
	yield { holder, key, path };
	yield* locations(holder[key], path);
}

/** Sets a member, even one named __proto__ (an own property, as JSON.parse makes it). */
const setOwn = (holder, key, value) => Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });

/** Renames a map key in place, keeping the order (the new key may be __proto__). */
function renameKey(holder, from, to) {
	const entries = Object.entries(holder);
	for (const key of Object.keys(holder)) delete holder[key];
	for (const [key, value] of entries) setOwn(holder, key === from ? to : key, value);
}

/**
 * The request the form's case stands for, as a JSON Definition: the baseline's own request (built by
 * the form's pure mapping) with the bad value where the form field's value went. A field that is a
 * whole member (Description, USERNAME, a tag key) gets the bad value as it is, wrong types included;
 * a comma-separated list field replaces the list; a field the form writes into a larger text (Host
 * and Port into the JDBC URL) is written into that text, for text and numbers (a JSON member that
 * holds text cannot hold a wrong type inside it). Undefined when the value goes nowhere in the request
 * (Catalog ID, the connection to update).
 */
function definitionFor(entry, request) {
	if (entry.family === 'whole run' || ['options', 'connection'].includes(entry.path[0])) return undefined;
	let base = entry.baselineParameters;
	for (const key of entry.path) base = base?.[key];
	if (base === undefined || base === null || base === '' || typeof base === 'object') return undefined;
	const copy = structuredClone(request);
	const isKey = entry.path[entry.path.length - 1] === 'key' && entry.path.includes('pairs');
	const bad = entry.value;
	const found = [...locations(copy)];
	if (isKey) {
		// A JSON key is always text: a wrong type in a key cell has no JSON counterpart.
		if (typeof bad !== 'string') return undefined;
		const at = found.find(({ holder, key }) => !Array.isArray(holder) && key === base && typeof holder[key] === 'string');
		// An HTTP parameter's Key is a value ({ Key, Value }), a map's key is a key.
		const cell = found.find(({ holder, key }) => key === 'Key' && holder.Key === base);
		if (cell) return { definition: (setOwn(cell.holder, 'Key', bad), copy), path: cell.path };
		if (!at) return undefined;
		renameKey(at.holder, base, bad);
		return { definition: copy, path: at.path.slice(0, -1) };
	}
	const list = found.find(({ holder, key }) => Array.isArray(holder[key]) && holder[key].length && holder[key].join(',') === String(base));
	if (list) {
		setOwn(list.holder, list.key, typeof bad === 'string' ? bad.split(',').map((part) => part.trim()) : bad);
		return { definition: copy, path: list.path };
	}
	const exact = found.filter(({ holder, key }) => holder[key] === base);
	if (exact.length) {
		for (const { holder, key } of exact) setOwn(holder, key, bad);
		return { definition: copy, path: exact[0].path };
	}
	if (typeof bad !== 'string' && typeof bad !== 'number') return undefined;
	const inside = found.filter(({ holder, key }) => typeof holder[key] === 'string' && holder[key].includes(String(base)));
	if (!inside.length) return undefined;
	for (const { holder, key } of inside) setOwn(holder, key, holder[key].split(String(base)).join(String(bad)));
	return { definition: copy, path: inside[0].path };
}

/**
 * Every form case of a baseline that sends a definition, again as a JSON Definition: generated from
 * the corpus (never written by hand), with the request path the error must name.
 * @param corpus buildCorpus's cases
 * @param requestOf (node, parameters) => the request the form maps the baseline to (a valid one)
 * @returns {{ cases: Array<object>, baselines: Record<string, object> }}
 */
function jsonDoorCorpus(descriptions, corpus, requestOf) {
	const baselines = allBaselines(descriptions);
	const requests = {};
	const cases = [];
	for (const entry of corpus) {
		const parameters = baselines[entry.node][entry.baseline];
		if (!['create', 'createOrUpdate', 'update', 'testDefinition'].includes(parameters.operation) || (entry.node === 'eventBridge' && parameters.operation === 'update')) continue;
		const id = `${entry.node} ${entry.baseline}`;
		// The form's mapping reads every shown field, defaults included (as n8n hands them to the node).
		requests[id] ??= requestOf(entry.node, NodeHelpers.getNodeParameters(descriptions[entry.node].properties, parameters, true, false, NODE, descriptions[entry.node]));
		const made = definitionFor({ ...entry, baselineParameters: parameters }, requests[id]);
		if (!made) continue;
		cases.push({ ...entry, definition: made.definition, jsonPath: made.path, name: `JSON ${entry.name}` });
	}
	return { cases, baselines: requests };
}

/** `ConnectionProperties.PASSWORD`, `AuthParameters.InvocationHttpParameters.HeaderParameters[0].Key`. */
const pathText = (path) => path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index ? `.${step}` : step)).join('');

module.exports = { SECRET, URL_SECRET, allBaselines, buildCorpus, jsonDoorCorpus, operationsOf, pathText };
