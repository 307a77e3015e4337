// Mirrors @n8n/node-cli's eslint config (n8n's rules for community nodes), without its
// import plugin. n8n's rules apply to what ships (nodes/, credentials/, package.json);
// tests, the sandbox, benchmarks and scripts get TypeScript's recommended rules only.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const community = n8nCommunityNodesPlugin.configs.recommended;

// The only rules switched off, each because it conflicts with the runtime dependencies the
// user chose (undici for HTTP, form-data for avatar uploads):
const offForChosenRuntimeDependencies = {
	// undici and form-data are the chosen runtime dependencies, so `dependencies` is not empty.
	'@n8n/community-nodes/no-runtime-dependencies': 'off',
	// Importing undici, form-data and node:timers/promises is the point of the transport layer.
	'@n8n/community-nodes/no-restricted-imports': 'off',
};

export default tseslint.config(
	globalIgnores(['dist', 'build-dev', 'build-test', 'node_modules', 'coverage', 'scripts/n8n/**', '**/*.js', '**/*.mjs']),
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended, community],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...offForChosenRuntimeDependencies, 'prefer-spread': 'off', 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		extends: [community],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules, ...offForChosenRuntimeDependencies },
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Not a runtime-dependency conflict: issue #2 fixes the names `tokenSource` (an options field)
			// and `tokenServerHeaderName`; the rule reads "token" as a secret, and an options field marked
			// as a password would be blanked by n8n's credential editor. Real secrets set password: true.
			'@n8n/community-nodes/credential-password-field': 'off',
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
);
