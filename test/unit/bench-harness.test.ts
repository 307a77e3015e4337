// The benchmarks reach the real-n8n harness (plain CommonJS) through require() with a cast type, so
// the compiler cannot see a renamed export: CI's bench step once died on `ensureNode24 is not a
// function`. Every name a bench file takes from scripts/n8n/ is checked here against the module.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BENCH = join(ROOT, 'bench');

/** Each `require(join(…, 'scripts', 'n8n', '<module>')) as { name…; }` of a bench file: module and names. */
function harnessUses(source: string): Array<{ module: string; names: string[] }> {
	const uses: Array<{ module: string; names: string[] }> = [];
	const pattern = /require\(join\((?:[^()]|\(\))*'scripts',\s*'n8n',\s*'([\w/]+)'\)\)\s*as\s*\{([^}]*(?:\{[^}]*\}[^}]*)*)\}/g;
	for (const m of source.matchAll(pattern)) {
		const names = [...m[2].matchAll(/^\s*(\w+)\s*[(:]/gm)].map((n) => n[1]);
		uses.push({ module: m[1], names });
	}
	return uses;
}

const uses = readdirSync(BENCH)
	.filter((file) => file.endsWith('.ts'))
	.flatMap((file) => harnessUses(readFileSync(join(BENCH, file), 'utf8')).map((use) => ({ file, ...use })));

describe('bench → scripts/n8n harness', () => {
	it('finds the harness uses it checks', () => {
		expect(uses.map((u) => `${u.file} ${u.module}`)).toEqual(expect.arrayContaining(['concurrency.ts runtime', 'records.ts runtime', 'recordsN8n.ts runtime', 'recordsN8n.ts instance', 'weComTrigger.ts runtime']));
	});

	it.each(uses)('$file takes from scripts/n8n/$module only what it exports ($names)', ({ module, names }) => {
		/* eslint-disable-next-line @typescript-eslint/no-require-imports -- the harness is plain CommonJS */
		const exported = require(join(ROOT, 'scripts', 'n8n', module)) as Record<string, unknown>;
		expect(names.filter((name) => exported[name] === undefined)).toEqual([]);
	});
});
