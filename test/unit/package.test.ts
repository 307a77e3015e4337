// What the published tarball holds and what package.json promises n8n, checked without a build:
// `npm pack --dry-run` over a copy of package.json, README.md and LICENSE.md beside a stand-in dist/
// that has what tsc and gulp emit plus what must never ship (maps, declarations, sources, config).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const SHIPPED = [
	'dist/credentials/WeChatOfficialAccountApi.credentials.js',
	'dist/icons/wechat.svg',
	'dist/nodes/WeChatCustomerService/WeChatCustomerService.node.js',
	'dist/nodes/WeChatCustomerService/WeChatCustomerService.node.json',
	'dist/nodes/WeChatCustomerService/client/KfClient.js',
];
const NEVER_SHIPPED = [
	'dist/nodes/WeChatCustomerService/WeChatCustomerService.node.js.map',
	'dist/nodes/WeChatCustomerService/WeChatCustomerService.node.d.ts',
	'dist/credentials/WeChatOfficialAccountApi.credentials.d.ts',
	'nodes/WeChatCustomerService/WeChatCustomerService.node.ts',
	'credentials/WeChatOfficialAccountApi.credentials.ts',
	'index.js',
	'tsconfig.json',
	'eslint.config.mjs',
	'test/unit/package.test.ts',
	'sandbox/server.ts',
	'scripts/n8n/start.js',
	'build-dev/sandbox/index.js',
	'examples/agents.json',
];

function packedFiles(): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'wechat-cs-pack-'));
	try {
		for (const file of ['package.json', 'README.md', 'LICENSE.md']) copyFileSync(join(ROOT, file), join(dir, file));
		for (const file of [...SHIPPED, ...NEVER_SHIPPED]) {
			mkdirSync(dirname(join(dir, file)), { recursive: true });
			writeFileSync(join(dir, file), '// stand-in\n');
		}
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
		return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path).sort();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('package', () => {
	it('npm pack lists only dist/ (no maps, no declarations), package.json, README.md and LICENSE.md', () => {
		expect(packedFiles()).toEqual([...SHIPPED, 'LICENSE.md', 'README.md', 'package.json'].sort());
	});

	it('the build emits no source maps or declarations', () => {
		const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
		expect([compilerOptions.sourceMap, compilerOptions.declaration, compilerOptions.declarationMap]).toEqual([false, false, undefined]);
	});

	it('has what n8n requires of a community package: no dependencies, n8n-workflow an optional peer, strict', () => {
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		// Optional, so a plain `npm install` in ~/.n8n/nodes does not pull a second n8n-workflow (and its native build).
		expect(pkg.peerDependenciesMeta).toEqual({ 'n8n-workflow': { optional: true } });
		expect(pkg.n8n.strict).toBe(true);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		// n8n loads the package from the n8n block; nothing requires it by its main entry.
		expect(pkg.main).toBeUndefined();
	});

	it('builds before packing and has no lifecycle script n8n forbids', () => {
		expect(pkg.scripts.prepack).toBe('npm run build');
		expect(Object.keys(pkg.scripts).filter((s) => /^(pre|post)?(install|prepare)$|^prepublish$/.test(s))).toEqual([]);
	});

	it('every node and credential n8n loads is a compiled file under dist/ that the source has', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials] as string[]) {
			expect(file).toMatch(/^dist\/.+\.js$/);
			const source = join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
			expect(() => readFileSync(source)).not.toThrow();
		}
	});
});
