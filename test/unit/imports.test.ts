// The import rule, checked on the source: node → router → resources → execution → client/push →
// transport. client/, push/ and transport/ know nothing of n8n, so the trigger and the action
// node can share them and they can be tested without n8n.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', 'nodes', 'WeChatCustomerService');

function sourceFiles(dir: string): string[] {
	let out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) out = out.concat(sourceFiles(full));
		else if (name.endsWith('.ts')) out.push(full);
	}
	return out;
}

/** Every module a file imports, re-exports or requires. */
function specifiersOf(source: string): string[] {
	const found = new Set<string>();
	const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
	for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.add(m[1]);
	return [...found];
}

/** The top folder (or file) under nodes/WeChatCustomerService a relative import lands in; undefined for a package. */
function areaOf(file: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const target = relative(ROOT, resolve(dirname(file), specifier));
	return target.startsWith('..') ? `outside:${target}` : target.split(sep)[0];
}

const isN8n = (specifier: string) => /^(n8n-|@n8n\/)/.test(specifier);

interface Rule {
	folder: string;
	forbidden: string;
	test(file: string, specifier: string): boolean;
}

const RULES: Rule[] = [
	...['client', 'push', 'transport'].map((folder) => ({ folder, forbidden: 'n8n packages', test: (_f: string, s: string) => isN8n(s) })),
	{ folder: 'transport', forbidden: 'client/ (or any other folder of the node)', test: (f, s) => areaOf(f, s) !== undefined && areaOf(f, s) !== 'transport' },
	...['client', 'push'].map((folder) => ({
		folder,
		forbidden: 'execution/, resources/, the router or a node file',
		test: (f: string, s: string) => !['client', 'push', 'transport', undefined].includes(areaOf(f, s)),
	})),
	{ folder: 'execution', forbidden: 'resources/ or the router', test: (f, s) => ['resources', 'router.ts', 'router'].includes(areaOf(f, s) ?? '') },
];

describe('import rule', () => {
	it('finds every kind of import', () => {
		expect(
			specifiersOf(`import a from 'x';\nimport type { B } from "../y";\nexport { c } from './z';\nimport 'side';\nconst d = require('r');\nawait import('dyn');`),
		).toEqual(['x', '../y', './z', 'side', 'r', 'dyn']);
	});

	it.each(RULES.map((r) => [r.folder, r.forbidden, r] as const))('%s/ imports no %s', (folder, _forbidden, rule) => {
		const dir = join(ROOT, folder);
		let files: string[] = [];
		try {
			files = sourceFiles(dir);
		} catch {
			return; // the folder does not exist (yet)
		}
		const offending = files.flatMap((file) =>
			specifiersOf(readFileSync(file, 'utf8'))
				.filter((s) => rule.test(file, s))
				.map((s) => `${relative(ROOT, file)} imports ${s}`),
		);
		expect(offending).toEqual([]);
	});

	it('catches a violation (the checker itself can fail)', () => {
		const file = join(ROOT, 'transport', 'http.ts');
		const transportRule = RULES.find((r) => r.folder === 'transport' && r.forbidden.startsWith('client'))!;
		expect(transportRule.test(file, '../client/errors')).toBe(true);
		expect(transportRule.test(file, './errors')).toBe(false);
		expect(RULES[0].test(file, 'n8n-workflow')).toBe(true);
		const executionRule = RULES.find((r) => r.folder === 'execution')!;
		expect(executionRule.test(join(ROOT, 'execution', 'runner.ts'), '../resources/shared')).toBe(true);
		expect(executionRule.test(join(ROOT, 'execution', 'runner.ts'), '../client/errors')).toBe(false);
	});
});
