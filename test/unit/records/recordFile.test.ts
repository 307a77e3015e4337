import { recordFileStream } from '../../../nodes/WeChatCustomerService/client/recordFile';
import type { KfRecord } from '../../../nodes/WeChatCustomerService/client/types';
import { ZonedFormatter } from '../../../nodes/WeChatCustomerService/client/zonedTime';

async function csvOf(pages: KfRecord[][]): Promise<string> {
	async function* source() {
		yield* pages;
	}
	const chunks: Buffer[] = [];
	for await (const chunk of recordFileStream(source(), 'csv', new ZonedFormatter('Asia/Shanghai'), { records: 0 })) {
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

describe('record CSV columns', () => {
	it('are the item fields whatever the first record lacks, then the first record’s extra fields; a missing field is an empty cell', async () => {
		const first = { openid: 'o_a', opercode: 1000, time: 1709222400, extra: 'x' } as unknown as KfRecord;
		const second: KfRecord = { worker: 'w@oa', openid: 'o_b', opercode: 2002, time: 1709222401, text: 'hi' };
		expect((await csvOf([[first], [second]])).split('\r\n')).toEqual([
			'\uFEFFtime_iso,operation,worker,openid,text,opercode,time,extra',
			'2024-03-01T00:00:00+08:00,sessionCreatedUnaccepted,,o_a,,1000,1709222400,x',
			'2024-03-01T00:00:01+08:00,agentSent,w@oa,o_b,hi,2002,1709222401,',
			'',
		]);
	});
});
