// The import rule (CONTRIBUTING), checked on the source of every folder: node files → router →
// resources → execution → client/push → transport. client/, push/ and transport/ know nothing of
// n8n, so the trigger and the action node can share them and they can be tested without n8n.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Path segments (from the node root) of what a relative import lands on; undefined for a package. */
function targetOf(file: string, specifier: string): string[] | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const target = relative(ROOT, resolve(dirname(file), specifier));
	if (target.startsWith(`..${sep}shared${sep}`)) return ['shared', ...target.split(sep).slice(2)];
	return target.startsWith('..') ? ['outside', target] : target.split(sep);
}

/** The top folder (or root file) an import lands in; undefined for a package. */
const areaOf = (file: string, specifier: string) => targetOf(file, specifier)?.[0];

/** A file directly in the node root: the node files, router.ts, subtitle.ts (an index.ts of a folder is not one). */
function isRootFile(file: string, specifier: string): boolean {
	const target = targetOf(file, specifier);
	return target !== undefined && target.length === 1 && !existsSync(join(ROOT, target[0]));
}

const isN8n = (specifier: string) => /^(n8n-|@n8n\/)/.test(specifier);

interface Rule {
	/** Folder under the node root the rule applies to; '*' for every folder (not the root files). */
	folder: string;
	forbidden: string;
	test(file: string, specifier: string): boolean;
}

const RULES: Rule[] = [
	...['client', 'push', 'transport'].map((folder) => ({ folder, forbidden: 'n8n packages', test: (_f: string, s: string) => isN8n(s) })),
	{ folder: 'transport', forbidden: 'client/ (or any other folder of the node)', test: (f, s) => areaOf(f, s) !== undefined && areaOf(f, s) !== 'transport' },
	...['client', 'push'].map((folder) => ({
		folder,
		forbidden: 'execution/, resources/, methods/, trigger/, the router or a node file',
		test: (f: string, s: string) => !['client', 'push', 'transport', 'shared', undefined].includes(areaOf(f, s)),
	})),
	{ folder: 'execution', forbidden: 'resources/, methods/ or trigger/', test: (f, s) => ['resources', 'methods', 'trigger'].includes(areaOf(f, s) ?? '') },
	...['methods', 'trigger'].map((folder) => ({ folder, forbidden: 'resources/', test: (f: string, s: string) => areaOf(f, s) === 'resources' })),
	{
		folder: 'resources',
		forbidden: "another resource's files (what two share lives in resources/shared.ts)",
		test: (f, s) => {
			const from = relative(ROOT, f).split(sep);
			const to = targetOf(f, s);
			if (to?.[0] !== 'resources' || to.length < 3) return false; // not into a resource folder
			return from.length < 3 ? from[1] !== 'index.ts' : to[1] !== from[1]; // only resources/index.ts lists them all
		},
	},
	{ folder: '*', forbidden: 'a root file (router.ts, subtitle.ts, the node files)', test: isRootFile },
];

function offendingImports(rule: Rule): string[] {
	const dirs = rule.folder === '*' ? readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isDirectory()) : [rule.folder];
	const files = dirs.filter((dir) => existsSync(join(ROOT, dir))).flatMap((dir) => sourceFiles(join(ROOT, dir)));
	return files.flatMap((file) =>
		specifiersOf(readFileSync(file, 'utf8'))
			.filter((s) => rule.test(file, s))
			.map((s) => `${relative(ROOT, file)} imports ${s}`),
	);
}

const SHARED = resolve(ROOT, '..', 'shared');
const FAMILIES = ['WeChatCustomerService', 'WeComCustomerService'].map((family) => resolve(ROOT, '..', family));

describe('shared code', () => {
	it('imports nothing of either family', () => {
		const offending = sourceFiles(SHARED).flatMap((file) =>
			specifiersOf(readFileSync(file, 'utf8'))
				.filter((s) => s.startsWith('.') && FAMILIES.some((family) => resolve(dirname(file), s).startsWith(family + sep)))
				.map((s) => `${relative(SHARED, file)} imports ${s}`),
		);
		expect(offending).toEqual([]);
	});

	it('imports n8n packages only in execution/', () => {
		const offending = sourceFiles(SHARED)
			.filter((file) => !relative(SHARED, file).startsWith(`execution${sep}`))
			.flatMap((file) => specifiersOf(readFileSync(file, 'utf8')).filter(isN8n).map((s) => `${relative(SHARED, file)} imports ${s}`));
		expect(offending).toEqual([]);
	});
});

describe('import rule', () => {
	it('finds every kind of import', () => {
		expect(
			specifiersOf(`import a from 'x';\nimport type { B } from "../y";\nexport { c } from './z';\nimport 'side';\nconst d = require('r');\nawait import('dyn');`),
		).toEqual(['x', '../y', './z', 'side', 'r', 'dyn']);
	});

	it('covers every folder of the node', () => {
		const folders = readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isDirectory());
		const ruled = new Set(RULES.map((r) => r.folder));
		// Besides the '*' rule that holds for all of them, each folder has its own.
		expect(folders.filter((f) => !ruled.has(f)).sort()).toEqual([]);
	});

	it.each(RULES.map((r) => [r.folder === '*' ? 'every folder' : `${r.folder}/`, r.forbidden, r] as const))('%s imports no %s', (_folder, _forbidden, rule) => {
		expect(offendingImports(rule)).toEqual([]);
	});

	it('catches a violation (the checker itself can fail)', () => {
		const rule = (folder: string, forbidden: string) => RULES.find((r) => r.folder === folder && r.forbidden.startsWith(forbidden))!;
		const at = (...path: string[]) => join(ROOT, ...path);
		const transportRule = rule('transport', 'client');
		expect(transportRule.test(at('transport', 'http.ts'), '../client/errors')).toBe(true);
		expect(transportRule.test(at('transport', 'http.ts'), './errors')).toBe(false);
		expect(rule('transport', 'n8n').test(at('transport', 'http.ts'), 'n8n-workflow')).toBe(true);
		const executionRule = rule('execution', 'resources');
		expect(executionRule.test(at('execution', 'runner.ts'), '../resources/shared')).toBe(true);
		expect(executionRule.test(at('execution', 'runner.ts'), '../client/errors')).toBe(false);
		const resourceRule = rule('resources', 'another');
		expect(resourceRule.test(at('resources', 'session', 'get.ts'), '../account/shared')).toBe(true);
		expect(resourceRule.test(at('resources', 'session', 'get.ts'), './shared')).toBe(false);
		expect(resourceRule.test(at('resources', 'session', 'get.ts'), '../shared')).toBe(false);
		expect(resourceRule.test(at('resources', 'shared.ts'), './session/shared')).toBe(true);
		expect(resourceRule.test(at('resources', 'index.ts'), './session')).toBe(false);
		expect(rule('methods', 'resources').test(at('methods', 'listSearch.ts'), '../resources/shared')).toBe(true);
		const rootRule = rule('*', 'a root file');
		expect(rootRule.test(at('methods', 'listSearch.ts'), '../router')).toBe(true);
		expect(rootRule.test(at('trigger', 'webhook.ts'), '../WeChatCustomerServiceTrigger.node')).toBe(true);
		expect(rootRule.test(at('methods', 'listSearch.ts'), '../resources')).toBe(false);
		expect(rootRule.test(at('methods', 'listSearch.ts'), '../execution/errors')).toBe(false);
	});
});
