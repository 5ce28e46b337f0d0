// What `npm publish` would upload (`npm pack --dry-run`): exactly what n8n loads, with nothing of
// the sources, tests or tooling, and no source maps (they would carry the sources).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

let files;
beforeAll(() => {
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
	files = pack.files.map((file) => file.path).sort();
}, 60000);

test('holds package.json, README.md, LICENSE and dist/ only', () => {
	expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
});

test('dist/ holds exactly what the build produced: no sources, tests, maps or declarations', () => {
	const walk = (dir) =>
		fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? walk(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
		);
	expect(files.filter((file) => file.startsWith('dist/'))).toEqual(walk('dist').sort());
	const unwanted = files.filter((file) => /\.(ts|map|tsbuildinfo)$/.test(file) || /(^|\/)(test|__tests__|node_modules)\//.test(file));
	expect(unwanted).toEqual([]);
	expect(files.filter((file) => file.startsWith('dist/')).every((file) => /\.(js|svg|json)$/.test(file))).toBe(true);
});

test('every file n8n is told to load is in it, with its icons and codex', () => {
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
	for (const node of pkg.n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
	// Each node's operation code, which its node file imports on first use (gulpfile.js).
	for (const node of pkg.n8n.nodes) expect(files).toContain(node.replace(/\.node\.js$/, '.execute.js'));
	const icons = files.filter((file) => file.endsWith('.svg'));
	expect(icons.length).toBeGreaterThanOrEqual(2 * (pkg.n8n.nodes.length + pkg.n8n.credentials.length));
});

test('no built file points at a source map or embeds one', () => {
	for (const file of files.filter((name) => name.endsWith('.js'))) {
		expect(fs.readFileSync(path.join(root, file), 'utf8')).not.toMatch(/sourceMappingURL=/);
	}
});

test('every vendored SDK module a built file loads is in the package', () => {
	const loaded = files
		.filter((name) => name.endsWith('.js') && !name.startsWith('dist/vendor/'))
		.flatMap((file) =>
			[...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/(?:import|require)\("(\.[^"]*\/vendor\/[^"]+)"\)/g)].map(
				([, relative]) => path.posix.join(path.posix.dirname(file), relative),
			),
		);
	// Both nodes load their client, STS (credential test, assume role) and the credential providers.
	expect(new Set(loaded).size).toBeGreaterThanOrEqual(4);
	for (const module of loaded) expect(files).toContain(module);
});

test('no runtime dependencies; a license file that matches the declared license; where to report issues', () => {
	expect(pkg.dependencies ?? {}).toEqual({});
	expect(pkg.license).toBe('MIT');
	expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
	expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
	expect(pkg.bugs.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
});
