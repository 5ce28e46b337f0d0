// Build: type-check, bundle with esbuild, copy icons and codex files into dist/.
//
// The published package has no runtime dependencies. Each node and credential file is bundled on
// its own with n8n-workflow left external; each AWS SDK client is bundled once into dist/vendor/
// and required lazily by relative path, so n8n's start-up (which requires every node file) never
// evaluates the SDK. Each node's operation code (execute() and the editor methods) is a second
// bundle next to it, `<Node>.execute.js`, imported on first use. The node file keeps its class and
// its form: what it imports from its own folder (the properties the operation files declare) is
// evaluated at build time and stored as JSON, which V8 reads several times faster than it runs the
// code that builds it. test/integration/lazyLoad.test.js checks all of it on the built files.
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { series, src, dest } = require('gulp');
const esbuild = require('esbuild');

const DIST = path.join(__dirname, 'dist');
// @smithy/core/retry: the SDK's retry strategies, which our adaptive retries are built from.
const VENDORED = ['@aws-sdk/client-glue', '@aws-sdk/client-eventbridge', '@aws-sdk/client-sts', '@aws-sdk/credential-providers', '@aws-sdk/client-secrets-manager', '@smithy/core/retry'];
const NODES = ['nodes/GlueConnection/GlueConnection', 'nodes/EventBridgeConnection/EventBridgeConnection'];
const ENTRIES = process.env.ONLY_ENTRY ? [process.env.ONLY_ENTRY] : [
	'credentials/AwsConnectionsApi.credentials.ts',
	'credentials/AwsConnectionSecretApi.credentials.ts',
	...NODES.flatMap((node) => [`${node}.node.ts`, `${node}.execute.ts`]),
];
// A node file's import of its own operation code stays an import of the built file beside it.
const OPERATION_CODE_IMPORT = /^\.\/[A-Za-z]+\.execute$/;
const VENDORED_IMPORT = new RegExp(`^(${VENDORED.map((name) => name.replace(/[/.-]/g, '\\$&')).join('|')})$`);
const vendorFile = (name) => path.join(DIST, 'vendor', `${name.split('/').slice(1).join('-')}.js`);
const isNodeFile = (file) => file.endsWith('.node.ts');

function typecheck(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], {
		stdio: 'inherit',
	});
	done();
}

/** Resolves SDK imports to the vendor bundle, relative to the output file being written. */
function vendorAliases(outfile) {
	return {
		name: 'vendor-aliases',
		setup(build) {
			build.onResolve({ filter: VENDORED_IMPORT }, ({ path: name }) => {
				let relative = path.relative(path.dirname(outfile), vendorFile(name)).split(path.sep).join('/');
				if (!relative.startsWith('.')) relative = `./${relative}`;
				return { path: relative, external: true };
			});
		},
	};
}

/** The value as plain JSON data; throws naming where it holds something else (a function...). */
function asData(value, where) {
	if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
	if (Array.isArray(value)) return value.map((element, index) => asData(element, `${where}[${index}]`));
	if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const data = {};
		for (const [key, member] of Object.entries(value)) if (member !== undefined) data[key] = asData(member, `${where}.${key}`);
		return data;
	}
	throw new Error(`${where} is not JSON data (${typeof value})`);
}

/** Runs a module in this process (bundled, n8n-workflow from node_modules) and returns its exports. */
async function evaluate(file) {
	const { outputFiles } = await esbuild.build({ ...common, entryPoints: [file], write: false, external: ['n8n-workflow'] });
	const Module = require('node:module');
	const loaded = new Module(file, module);
	loaded.filename = file;
	loaded.paths = Module._nodeModulePaths(path.dirname(file));
	loaded._compile(outputFiles[0].text, file);
	return loaded.exports;
}

/**
 * A node file: its import of `./<Node>.execute` stays an import of the built file beside it; its
 * other imports from its own folder (the form) become their exported values as JSON.
 */
const nodeFileParts = {
	name: 'node-file-parts',
	setup(build) {
		build.onResolve({ filter: /^\.\// }, ({ path: name, importer, resolveDir }) => {
			if (!isNodeFile(importer)) return undefined;
			if (OPERATION_CODE_IMPORT.test(name)) return { path: `${name}.js`, external: true };
			const base = path.join(resolveDir, name);
			const file = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => require('node:fs').existsSync(candidate));
			return file ? { path: file, namespace: 'node-form' } : undefined;
		});
		build.onLoad({ filter: /.*/, namespace: 'node-form' }, async ({ path: file }) => {
			// Only exports that are data are kept: importing anything else (a function, an object
			// holding one) into a node file fails the build ("No matching export").
			const contents = Object.entries(await evaluate(file))
				.flatMap(([name, value]) => {
					try {
						return [`export const ${name} = JSON.parse(${JSON.stringify(JSON.stringify(asData(value, name)))});`];
					} catch {
						return [];
					}
				})
				.join('\n');
			return { contents, loader: 'js' };
		});
	},
};

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

async function bundleVendor() {
	await Promise.all(
		VENDORED.map((name) =>
			esbuild.build({ ...common, entryPoints: [require.resolve(name)], outfile: vendorFile(name), minify: true }),
		),
	);
}

async function bundleEntries() {
	await Promise.all(
		ENTRIES.map((entry) => {
			const outfile = path.join(DIST, entry.replace(/\.ts$/, '.js'));
			return esbuild.build({
				...common,
				entryPoints: [entry],
				outfile,
				external: ['n8n-workflow'],
				// Smaller files parse faster: n8n requires every node file at start-up. MINIFY=0 keeps them
				// readable, for a CPU profile.
				minify: process.env.MINIFY !== '0',
				// The classes n8n loads keep their names; the operation code does without, as esbuild's name
				// helper would run for every function it makes per item.
				keepNames: !entry.endsWith('.execute.ts'),
				plugins: isNodeFile(entry) ? [nodeFileParts, vendorAliases(outfile)] : [vendorAliases(outfile)],
			});
		}),
	);
}

function copyAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(
		dest(DIST),
	);
}

async function clean() {
	await require('node:fs/promises').rm(DIST, { recursive: true, force: true });
}

exports.clean = clean;
exports.bundle = series(bundleVendor, bundleEntries, copyAssets);
exports.build = series(clean, typecheck, exports.bundle);
exports.default = exports.build;
