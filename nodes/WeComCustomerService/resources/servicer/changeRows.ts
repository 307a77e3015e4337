import type { ServicerChange, ServicerChangeRow } from '../../client/servicers';
import { refusalWords } from '../refusals';

/** One output item per id: the account, the id, WeCom's errcode for it and a status in words. */
export function servicerChangeItems(openKfId: string, change: ServicerChange, rows: ServicerChangeRow[]): Array<Record<string, unknown>> {
	return rows.map((row) => {
		const errcode = Number(row.errcode ?? 0);
		const base = {
			open_kfid: openKfId,
			...(row.userid !== undefined ? { userid: row.userid } : { department_id: row.department_id }),
		};
		if (errcode === 0) {
			return { ...base, success: true, errcode, errmsg: String(row.errmsg ?? ''), status: change === 'add' ? 'added' : 'removed' };
		}
		const words = refusalWords(errcode);
		return {
			...base,
			success: false,
			errcode,
			errmsg: String(row.errmsg ?? ''),
			status: `${change === 'add' ? 'not added' : 'not removed'}: ${words.what || `WeCom refused it (errcode ${errcode}).`}`,
			...(words.do ? { hint: words.do } : {}),
		};
	});
}
