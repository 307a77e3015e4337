import { listIn, type WeChatResult } from '../../shared/client/WeChatClient';
import { WeChatInputError } from '../../shared/errors';
import { WeChatTransportError } from '../../shared/transport/errors';
import type { WeComClient } from './WeComClient';
import { WECOM_CALLS } from './calls';

export interface KfAccount {
	open_kfid: string;
	name: string;
	avatar?: string;
	/** Whether this API app may change the account (else 48002). */
	manage_privilege?: boolean;
	[key: string]: unknown;
}

const ACCOUNT_LIST_PATH = WECOM_CALLS.listAccounts.path;
/** kf/account/list answers at most 100 accounts a call. */
export const ACCOUNT_PAGE_SIZE = 100;

/** Every account, page by page (`offset`/`limit`), up to `limit` of them (all when undefined). */
export async function listAccounts(client: WeComClient, limit?: number): Promise<KfAccount[]> {
	const accounts: KfAccount[] = [];
	for (let offset = 0; limit === undefined || accounts.length < limit; offset += ACCOUNT_PAGE_SIZE) {
		const want = limit === undefined ? ACCOUNT_PAGE_SIZE : Math.min(ACCOUNT_PAGE_SIZE, limit - accounts.length);
		const answer = await client.read(ACCOUNT_LIST_PATH, { offset, limit: want });
		const page = listIn<KfAccount>(answer, 'account_list', ACCOUNT_LIST_PATH, 'WeCom');
		accounts.push(...page);
		if (page.length < want) break;
	}
	return accounts;
}

/** WeCom's limit on an account name, in characters (a Chinese character or an emoji counts as one). */
const ACCOUNT_NAME_MAX = 16;
/** kf/add_contact_way's `scene`: at most 32 of [0-9a-zA-Z_-]. */
const SCENE_PATTERN = /^[0-9a-zA-Z_-]{1,32}$/;
/** What may follow the link as `scene_param`, URL-encoded, in bytes. */
const SCENE_PARAM_MAX_BYTES = 128;

export function checkAccountName(field: string, value: string): string {
	if (!value.trim()) throw new WeChatInputError(field, 'is required but empty');
	const length = [...value].length;
	if (length > ACCOUNT_NAME_MAX) {
		throw new WeChatInputError(field, `is ${length} characters; WeCom allows at most ${ACCOUNT_NAME_MAX} (a Chinese character or an emoji counts as one)`);
	}
	return value;
}

export function checkScene(field: string, value: string): string {
	if (!SCENE_PATTERN.test(value)) {
		throw new WeChatInputError(field, `must be 1–32 letters, digits, _ or -, got "${value}"`);
	}
	return value;
}

/** The contact link with `scene_param` appended, URL-encoded (at most 128 bytes encoded). */
export function linkWithSceneParam(field: string, url: string, sceneParam: string): string {
	const encoded = encodeURIComponent(sceneParam);
	if (encoded.length > SCENE_PARAM_MAX_BYTES) {
		throw new WeChatInputError(field, `is ${encoded.length} bytes once URL-encoded; WeCom takes at most ${SCENE_PARAM_MAX_BYTES}`);
	}
	return `${url}${url.includes('?') ? '&' : '?'}scene_param=${encoded}`;
}

export interface AccountChange {
	open_kfid: string;
	name?: string;
	/** The avatar: temporary media of type image. */
	media_id?: string;
}

/** POST kf/account/add: a new account named `name` with the avatar `mediaId`; its open_kfid. */
export async function createAccount(client: WeComClient, name: string, mediaId: string): Promise<string> {
	const path = WECOM_CALLS.addAccount.path;
	const answer = await client.write<WeChatResult & { open_kfid?: unknown }>(path, { name, media_id: mediaId });
	if (typeof answer.open_kfid !== 'string' || !answer.open_kfid) {
		throw new WeChatTransportError('invalidResponse', path, `WeCom's answer to kf/account/add has no open_kfid`);
	}
	return answer.open_kfid;
}

/** POST kf/account/update: only the fields given change. */
export async function updateAccount(client: WeComClient, change: AccountChange): Promise<void> {
	await client.write(WECOM_CALLS.updateAccount.path, change);
}

/** POST kf/account/del. */
export async function deleteAccount(client: WeComClient, openKfId: string): Promise<void> {
	await client.write(WECOM_CALLS.deleteAccount.path, { open_kfid: openKfId });
}

/** POST kf/add_contact_way: the account's contact link, for `scene` when given. */
export async function addContactWay(client: WeComClient, openKfId: string, scene?: string): Promise<string> {
	const path = WECOM_CALLS.addContactWay.path;
	// The same scene gives the same link: safe to repeat.
	const answer = await client.read<WeChatResult & { url?: unknown }>(path, scene ? { open_kfid: openKfId, scene } : { open_kfid: openKfId });
	if (typeof answer.url !== 'string' || !answer.url) {
		throw new WeChatTransportError('invalidResponse', path, `WeCom's answer to kf/add_contact_way has no url`);
	}
	return answer.url;
}
