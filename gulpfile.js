// Build: type-check, bundle with esbuild, copy icons and codex files into dist/.
//
// The published package has no runtime dependencies. Each node and credential file is bundled on
// its own with n8n-workflow left external; each AWS SDK client is bundled once into dist/vendor/
// and required lazily by relative path, so n8n's start-up (which requires every node file) never
// evaluates the SDK. test/unit/lazyLoad.test.js checks that on the built files.
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { series, src, dest } = require('gulp');
const esbuild = require('esbuild');

const DIST = path.join(__dirname, 'dist');
// @smithy/core/retry: the SDK's retry strategies, which our adaptive retries are built from.
const VENDORED = ['@aws-sdk/client-glue', '@aws-sdk/client-eventbridge', '@aws-sdk/client-sts', '@aws-sdk/credential-providers', '@aws-sdk/client-secrets-manager', '@smithy/core/retry'];
const ENTRIES = process.env.ONLY_ENTRY ? [process.env.ONLY_ENTRY] : [
	'credentials/AwsConnectionsApi.credentials.ts',
	'credentials/AwsConnectionSecretApi.credentials.ts',
	'nodes/GlueConnection/GlueConnection.node.ts',
	'nodes/EventBridgeConnection/EventBridgeConnection.node.ts',
];
const VENDORED_IMPORT = new RegExp(`^(${VENDORED.map((name) => name.replace(/[/.-]/g, '\\$&')).join('|')})$`);
const vendorFile = (name) => path.join(DIST, 'vendor', `${name.split('/').slice(1).join('-')}.js`);

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
				// Smaller files parse faster: n8n requires every node file at start-up. Names stay (keepNames).
				minify: true,
				keepNames: true,
				plugins: [vendorAliases(outfile)],
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
