/** Unit, engine and moto tests. Sources are TypeScript (transpiled only; `npm run typecheck` checks types). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	moduleFileExtensions: ['ts', 'js', 'json'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/ui/'],
	testTimeout: 30000,
};
