/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: '<rootDir>/test/environment.js',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: false }],
	},
	setupFiles: ['<rootDir>/test/setup-env.js'],
	testTimeout: 60000,
	maxWorkers: 2,
	// Failures (with what n8n logged during them) and the summary; no per-file lines, no console
	// output of passing tests. `npx jest --silent=false --reporters=default` shows everything.
	silent: true,
	reporters: [['summary', { summaryThreshold: 0 }]],
};
