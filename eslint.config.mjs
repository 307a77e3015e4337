// Mirrors @n8n/node-cli's eslint config (n8n's rules for community nodes), without its
// import plugin. n8n's rules apply to what ships (nodes/, credentials/, package.json);
// tests, the sandbox, benchmarks and scripts get TypeScript's recommended rules only; the JavaScript of scripts/
// and test-e2e/ gets ESLint's recommended rules and size limits (its types: tsconfig.scripts.json).
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const community = n8nCommunityNodesPlugin.configs.recommended;

// n8n's no-restricted-imports lets a devDependency through (it assumes a bundler), but this package
// ships tsc's output unbundled: a devDependency imported by what ships is missing on the user's n8n.
// So what ships imports only n8n-workflow, node:crypto and relative paths.
const onlyWhatN8nProvides = {
	'no-restricted-imports': [
		'error',
		{
			patterns: [
				{
					regex: '^(?!n8n-workflow$|node:crypto$|crypto$|\\.\\.?/)',
					message: 'Nodes and credentials may import only n8n-workflow, node:crypto and relative paths (no runtime dependencies).',
				},
			],
		},
	],
};

// The globals the scripts use: Node's, and the browser's inside puppeteer's page callbacks (run in Chromium).
const scriptGlobals = Object.fromEntries(
	[
		...['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL', 'AbortSignal', 'fetch'],
		...['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate'],
		...['document', 'location'],
	].map((name) => [name, 'readonly']),
);

export default tseslint.config(
	globalIgnores(['dist', 'build-dev', 'build-test', 'node_modules', 'coverage', '**/*.js', '**/*.mjs', '!scripts/**', '!test-e2e/**']),
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended, community],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...onlyWhatN8nProvides, 'prefer-spread': 'off', 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		extends: [community],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Both off in n8n's own scanner too: not valid for community nodes, and n8n's credential-password-field
			// rule is the more accurate check for secrets.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		extends: [tseslint.configs.recommended],
	},
	{
		files: ['scripts/**/*.js', 'scripts/**/*.mjs', 'test-e2e/**/*.js'],
		extends: [js.configs.recommended],
		languageOptions: { ecmaVersion: 2024, sourceType: 'commonjs', globals: scriptGlobals },
		rules: {
			'max-lines': ['error', 300],
			'max-lines-per-function': ['error', 60],
			'no-unused-vars': ['error', { caughtErrors: 'none' }],
		},
	},
	{
		files: ['scripts/**/*.mjs'],
		languageOptions: { sourceType: 'module' },
	},
);
