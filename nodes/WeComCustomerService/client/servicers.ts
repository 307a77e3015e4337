import { listIn } from '../../shared/client/WeChatClient';
import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

/** kf/servicer/add and del take at most 100 ids a call; more go in further calls. */
export const SERVICER_IDS_PER_CALL = 100;

const SERVICER_LIST_PATH = WECOM_CALLS.listServicers.path;

/** Members and whole departments to add to or remove from an account. */
export interface ServicerIds {
	userids: string[];
	departmentIds: number[];
}

/** One row of result_list: the id it is about and WeCom's errcode for it. */
export type ServicerChangeRow = {
	userid?: string;
	department_id?: number;
	errcode: number;
	errmsg: string;
};

export type ServicerChange = 'add' | 'del';

/** Splits the ids into calls of at most 100 (members first, then departments). */
export function servicerBatches(ids: ServicerIds): ServicerIds[] {
	const all: Array<string | number> = [...ids.userids, ...ids.departmentIds];
	const batches: ServicerIds[] = [];
	for (let start = 0; start < all.length; start += SERVICER_IDS_PER_CALL) {
		const slice = all.slice(start, start + SERVICER_IDS_PER_CALL);
		batches.push({
			userids: slice.filter((id): id is string => typeof id === 'string'),
			departmentIds: slice.filter((id): id is number => typeof id === 'number'),
		});
	}
	return batches;
}

/**
 * kf/servicer/add or del for every id, 100 a call: one row per id with WeCom's own errcode for
 * it (a member WeCom does not know fails alone; the others are still changed).
 */
export async function changeServicers(client: WeComClient, change: ServicerChange, openKfId: string, ids: ServicerIds): Promise<ServicerChangeRow[]> {
	const path = (change === 'add' ? WECOM_CALLS.addServicers : WECOM_CALLS.removeServicers).path;
	const rows: ServicerChangeRow[] = [];
	for (const batch of servicerBatches(ids)) {
		const body = {
			open_kfid: openKfId,
			...(batch.userids.length ? { userid_list: batch.userids } : {}),
			...(batch.departmentIds.length ? { department_id_list: batch.departmentIds } : {}),
		};
		const answer = await client.write(path, body);
		rows.push(...listIn<ServicerChangeRow>(answer, 'result_list', path, 'WeCom'));
	}
	return rows;
}

/** kf/servicer/list: a member (with status) or a whole department. */
export interface Servicer {
	userid?: string;
	department_id?: number;
	/** 0 receiving, 1 stopped. */
	status?: number;
	/** When stopped: 0 stopped, 1 suspended for now. */
	stop_type?: number;
	[key: string]: unknown;
}

const STATUS_NAMES: Record<number, string> = { 0: 'receiving', 1: 'stopped' };
const STOP_TYPE_NAMES: Record<number, string> = { 0: 'stopped', 1: 'suspended' };

/** A servicer with its status and stop type named, right after the numbers. */
export function describeServicer(openKfId: string, servicer: Servicer): Record<string, unknown> {
	const { userid, department_id, status, stop_type, ...rest } = servicer;
	if (userid === undefined) return { open_kfid: openKfId, department_id, ...rest };
	return {
		open_kfid: openKfId,
		userid,
		status,
		status_name: STATUS_NAMES[status ?? -1] ?? 'unknown',
		...(stop_type !== undefined && status === 1 ? { stop_type, stop_type_name: STOP_TYPE_NAMES[stop_type] ?? 'unknown' } : {}),
		...rest,
	};
}

/** GET kf/servicer/list?open_kfid=: the account's servicers, then its whole departments. */
export async function listServicers(client: WeComClient, openKfId: string): Promise<Servicer[]> {
	const answer = await client.readQuery(SERVICER_LIST_PATH, { open_kfid: openKfId });
	return listIn<Servicer>(answer, 'servicer_list', SERVICER_LIST_PATH, 'WeCom');
}
