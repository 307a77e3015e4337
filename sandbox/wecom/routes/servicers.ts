// kf/servicer/add|del (one result row per id) and kf/servicer/list.
import type { ReceivedRequest, Route, SandboxContext } from '../../types';
import type { WeComCorp } from '../corp';
import { WECOM_ERRMSG, ok, weComError } from '../errors';
import type { KfAccount } from '../model';
import { body, corpOf } from './common';

const MAX_IDS_PER_CALL = 100;

interface Ids {
	userids: string[];
	departments: number[];
}

/** userid_list and department_id_list: at least one id, at most 100 together. */
function ids(b: Record<string, unknown>): Ids {
	const userids = b.userid_list ?? [];
	const departments = b.department_id_list ?? [];
	if (!Array.isArray(userids) || !userids.every((u) => typeof u === 'string')) throw weComError(40058, 'userid_list');
	if (!Array.isArray(departments) || !departments.every((d) => Number.isInteger(d))) throw weComError(40058, 'department_id_list');
	if (userids.length + departments.length === 0) throw weComError(40058, 'userid_list and department_id_list are both empty');
	if (userids.length + departments.length > MAX_IDS_PER_CALL) throw weComError(40058, `at most ${MAX_IDS_PER_CALL} ids per call`);
	return { userids: userids as string[], departments: departments as number[] };
}

const row = (errcode: number) => ({ errcode, errmsg: errcode === 0 ? 'success' : WECOM_ERRMSG[errcode] });

function change(req: ReceivedRequest, sb: SandboxContext, apply: (corp: WeComCorp, account: KfAccount, id: string | number) => number) {
	const corp = corpOf(req, sb);
	const b = body(req);
	const account = corp.managedAccount(b.open_kfid);
	const { userids, departments } = ids(b);
	const result_list = [
		...userids.map((userid) => ({ userid, ...row(apply(corp, account, userid)) })),
		...departments.map((department_id) => ({ department_id, ...row(apply(corp, account, department_id)) })),
	];
	return { json: ok({ result_list }) };
}

function addOne(corp: WeComCorp, account: KfAccount, id: string | number): number {
	if (typeof id === 'number') {
		if (!corp.departments.has(id)) return 60003;
		account.departments.add(id);
		return 0;
	}
	if (!corp.members.has(id)) return 60111;
	if (!account.servicers.has(id)) account.servicers.set(id, { userid: id, status: 0, stop_type: 0 });
	return 0;
}

function delOne(_corp: WeComCorp, account: KfAccount, id: string | number): number {
	if (typeof id === 'number') return account.departments.delete(id) ? 0 : 95014;
	return account.servicers.delete(id) ? 0 : 95014;
}

/** GET ?open_kfid=: each servicer with status (0 receiving, 1 stopped) and, when stopped, stop_type; then whole departments. */
function list(req: ReceivedRequest, sb: SandboxContext) {
	const corp = corpOf(req, sb);
	const account = corp.account(req.query.open_kfid);
	const servicer_list = [
		...[...account.servicers.values()].map((s) => ({ userid: s.userid, status: s.status, ...(s.status === 1 ? { stop_type: s.stop_type } : {}) })),
		...[...account.departments].map((department_id) => ({ department_id })),
	];
	return { json: ok({ servicer_list }) };
}

export const weComServicerRoutes: Route[] = [
	{ method: 'POST', path: '/cgi-bin/kf/servicer/add', handler: (req, sb) => change(req, sb, addOne) },
	{ method: 'POST', path: '/cgi-bin/kf/servicer/del', handler: (req, sb) => change(req, sb, delOne) },
	{ method: 'GET', path: '/cgi-bin/kf/servicer/list', handler: list },
];
