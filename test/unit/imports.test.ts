// The import rule (CONTRIBUTING), checked on the source of every folder of both families and of
// nodes/shared/: node files → router → resources → execution → client/push → transport. client/,
// push/ and transport/ know nothing of n8n, so the trigger and the action node can share them and
// they can be tested without n8n; shared code imports no family, and no family imports another.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const NODES = resolve(__dirname, '..', '..', 'nodes');
const SHARED = join(NODES, 'shared');
/** Every family's node root (the Official Account's, WeCom's): the rules hold for whatever folders each has. */
const FAMILY_ROOTS = readdirSync(NODES)
	.filter((name) => name !== 'shared' && statSync(join(NODES, name)).isDirectory())
	.map((name) => join(NODES, name));
const OA_ROOT = join(NODES, 'WeChatCustomerService');

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

/**
 * Path segments (from the family root `root`) of what a relative import lands on: `['shared', …]`
 * for shared code, `['family', name]` for another family; undefined for a package.
 */
function targetOf(root: string, file: string, specifier: string): string[] | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const target = relative(root, resolve(dirname(file), specifier));
	const outside = target.split(sep);
	if (outside[0] === '..' && outside[1] === 'shared') return ['shared', ...outside.slice(2)];
	if (outside[0] === '..' && outside.length >= 2 && outside[1] !== '..') return ['family', outside[1]];
	return target.startsWith('..') ? ['outside', target] : outside;
}

/** The top folder (or root file) an import lands in; undefined for a package. */
const areaOf = (root: string, file: string, specifier: string) => targetOf(root, file, specifier)?.[0];

/** A file directly in the node root: the node files, router.ts, subtitle.ts (an index.ts of a folder is not one). */
function isRootFile(root: string, file: string, specifier: string): boolean {
	const target = targetOf(root, file, specifier);
	return target !== undefined && target.length === 1 && !existsSync(join(root, target[0]));
}

/** Shared code that knows n8n: only the layers above the client may use it. */
const isSharedExecution = (root: string, file: string, specifier: string) => {
	const target = targetOf(root, file, specifier);
	return target?.[0] === 'shared' && target[1] === 'execution';
};

const isN8n = (specifier: string) => /^(n8n-|@n8n\/)/.test(specifier);

interface Rule {
	/** Folder under a family root the rule applies to; '*' for every folder (not the root files), '**' for every file. */
	folder: string;
	forbidden: string;
	test(root: string, file: string, specifier: string): boolean;
}

/** A family's inbound folder: push/ (the Official Account's pushes), callback/ (WeCom's callbacks). */
const INBOUND = ['push', 'callback'];

const RULES: Rule[] = [
	...['client', ...INBOUND, 'transport'].map((folder) => ({ folder, forbidden: 'n8n packages', test: (_r: string, _f: string, s: string) => isN8n(s) })),
	{
		folder: 'transport',
		forbidden: 'client/ (or any other folder of the node)',
		test: (r, f, s) => !['transport', 'shared', undefined].includes(areaOf(r, f, s)) || isSharedExecution(r, f, s),
	},
	...['client', ...INBOUND].map((folder) => ({
		folder,
		forbidden: 'execution/ (its own or shared), resources/, methods/, trigger/, the router or a node file',
		test: (r: string, f: string, s: string) =>
			!['client', ...INBOUND, 'transport', 'shared', undefined].includes(areaOf(r, f, s)) || isSharedExecution(r, f, s),
	})),
	{ folder: 'execution', forbidden: 'resources/, methods/ or trigger/', test: (r, f, s) => ['resources', 'methods', 'trigger'].includes(areaOf(r, f, s) ?? '') },
	...['methods', 'trigger'].map((folder) => ({
		folder,
		forbidden: 'resources/, the router or a node file',
		test: (r: string, f: string, s: string) => areaOf(r, f, s) === 'resources' || isRootFile(r, f, s),
	})),
	{
		folder: 'resources',
		forbidden: "another resource's files (what two share lives in resources/shared.ts)",
		test: (r, f, s) => {
			const from = relative(r, f).split(sep);
			const to = targetOf(r, f, s);
			if (to?.[0] !== 'resources' || to.length < 3) return false; // not into a resource folder
			return from.length < 3 ? from[1] !== 'index.ts' : to[1] !== from[1]; // only resources/index.ts lists them all
		},
	},
	{ folder: '*', forbidden: 'a root file (router.ts, subtitle.ts, the node files)', test: isRootFile },
	{ folder: '**', forbidden: 'another family', test: (r, f, s) => areaOf(r, f, s) === 'family' },
];

function offendingImports(rule: Rule, root: string): string[] {
	const folders = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
	const dirs = rule.folder === '*' || rule.folder === '**' ? folders : [rule.folder];
	const files = dirs.filter((dir) => existsSync(join(root, dir))).flatMap((dir) => sourceFiles(join(root, dir)));
	if (rule.folder === '**') files.push(...readdirSync(root).filter((name) => name.endsWith('.ts')).map((name) => join(root, name)));
	return files.flatMap((file) =>
		specifiersOf(readFileSync(file, 'utf8'))
			.filter((s) => rule.test(root, file, s))
			.map((s) => `${relative(NODES, file)} imports ${s}`),
	);
}

describe('shared code', () => {
	it('imports nothing of either family', () => {
		const offending = sourceFiles(SHARED).flatMap((file) =>
			specifiersOf(readFileSync(file, 'utf8'))
				.filter((s) => s.startsWith('.') && FAMILY_ROOTS.some((family) => resolve(dirname(file), s).startsWith(family + sep)))
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

	it('keeps the n8n-free layers free of execution/: transport/ imports only itself, client/, push/ and root files no execution/', () => {
		const offending = sourceFiles(SHARED).flatMap((file) => {
			const [area] = relative(SHARED, file).split(sep);
			if (area === 'execution') return [];
			return specifiersOf(readFileSync(file, 'utf8'))
				.filter((s) => s.startsWith('.'))
				.filter((s) => {
					const [to] = relative(SHARED, resolve(dirname(file), s)).split(sep);
					return to === 'execution' || (area === 'transport' && to !== 'transport');
				})
				.map((s) => `${relative(SHARED, file)} imports ${s}`);
		});
		expect(offending).toEqual([]);
	});
});

describe('import rule', () => {
	it('finds every kind of import', () => {
		expect(
			specifiersOf(`import a from 'x';\nimport type { B } from "../y";\nexport { c } from './z';\nimport 'side';\nconst d = require('r');\nawait import('dyn');`),
		).toEqual(['x', '../y', './z', 'side', 'r', 'dyn']);
	});

	it('checks both families', () => {
		expect(FAMILY_ROOTS.map((root) => relative(NODES, root)).sort()).toEqual(['WeChatCustomerService', 'WeComCustomerService']);
	});

	it.each(FAMILY_ROOTS.map((root) => [relative(NODES, root), root] as const))('covers every folder of %s', (_name, root) => {
		const folders = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
		const ruled = new Set(RULES.map((r) => r.folder));
		// Besides the '*' rule that holds for all of them, each folder has its own.
		expect(folders.filter((f) => !ruled.has(f)).sort()).toEqual([]);
	});

	const label = (folder: string) => (folder === '**' ? 'every file' : folder === '*' ? 'every folder' : `${folder}/`);
	it.each(FAMILY_ROOTS.flatMap((root) => RULES.map((r) => [relative(NODES, root), label(r.folder), r.forbidden, r, root] as const)))(
		'%s: %s imports no %s',
		(_family, _folder, _forbidden, rule, root) => {
			expect(offendingImports(rule, root)).toEqual([]);
		},
	);

	it('catches a violation (the checker itself can fail)', () => {
		const rule = (folder: string, forbidden: string) => RULES.find((r) => r.folder === folder && r.forbidden.startsWith(forbidden))!;
		const ROOT = OA_ROOT;
		const at = (...path: string[]) => join(ROOT, ...path);
		const test = (r: Rule, file: string, specifier: string) => r.test(ROOT, file, specifier);
		const transportRule = rule('transport', 'client');
		expect(test(transportRule, at('transport', 'http.ts'), '../client/errors')).toBe(true);
		expect(test(transportRule, at('transport', 'http.ts'), './errors')).toBe(false);
		expect(test(rule('transport', 'n8n'), at('transport', 'http.ts'), 'n8n-workflow')).toBe(true);
		const clientRule = rule('client', 'execution');
		expect(test(clientRule, at('client', 'KfClient.ts'), '../../shared/execution/errors')).toBe(true);
		expect(test(clientRule, at('client', 'KfClient.ts'), '../execution/types')).toBe(true);
		expect(test(clientRule, at('client', 'KfClient.ts'), '../../shared/client/WeChatClient')).toBe(false);
		const executionRule = rule('execution', 'resources');
		expect(test(executionRule, at('execution', 'runner.ts'), '../resources/shared')).toBe(true);
		expect(test(executionRule, at('execution', 'runner.ts'), '../client/errors')).toBe(false);
		const resourceRule = rule('resources', 'another');
		expect(test(resourceRule, at('resources', 'session', 'get.operation.ts'), '../account/shared')).toBe(true);
		expect(test(resourceRule, at('resources', 'session', 'get.operation.ts'), './shared')).toBe(false);
		expect(test(resourceRule, at('resources', 'session', 'get.operation.ts'), '../shared')).toBe(false);
		expect(test(resourceRule, at('resources', 'shared.ts'), './session/shared')).toBe(true);
		expect(test(resourceRule, at('resources', 'index.ts'), './session')).toBe(false);
		const methodsRule = rule('methods', 'resources');
		expect(test(methodsRule, at('methods', 'listSearch.ts'), '../resources/shared')).toBe(true);
		expect(test(methodsRule, at('methods', 'listSearch.ts'), '../router')).toBe(true);
		expect(test(rule('trigger', 'resources'), at('trigger', 'webhook.ts'), '../WeChatCustomerServiceTrigger.node')).toBe(true);
		const rootRule = rule('*', 'a root file');
		expect(test(rootRule, at('methods', 'listSearch.ts'), '../router')).toBe(true);
		expect(test(rootRule, at('methods', 'listSearch.ts'), '../resources')).toBe(false);
		expect(test(rootRule, at('methods', 'listSearch.ts'), '../execution/errors')).toBe(false);
		const familyRule = rule('**', 'another family');
		expect(test(familyRule, at('router.ts'), '../WeComCustomerService/resources')).toBe(true);
		expect(test(familyRule, at('client', 'KfClient.ts'), '../../WeComCustomerService/client/hints')).toBe(true);
		expect(test(familyRule, at('client', 'KfClient.ts'), '../../shared/errors')).toBe(false);
	});
});
