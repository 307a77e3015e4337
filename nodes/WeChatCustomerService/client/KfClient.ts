import { WeChatClient, listIn, type WeChatResult } from '../../shared/client/WeChatClient';
import type { AccountBody } from './accounts';
import { downloadMedia, uploadMedia, type DownloadedMedia, type MediaType, type UploadedMedia } from './media';
import type { MultipartBody } from '../../shared/multipart';
import type { KfAgent, KfOnlineAgent, KfRecord } from './types';
import { customMessageBody, type CustomMessage, type TypingCommand } from './messages';
import {
	LEGACY_RECORD_PATH,
	MSG_LIST_PATH,
	iterateRecordPages,
	type LegacyRecordPage,
	type LegacyRecordRequest,
	type MsgListPage,
	type MsgListRequest,
	type RecordQuery,
} from './records';
import {
	sessionChangeBody,
	type KfCustomerSession,
	type KfSessionListItem,
	type KfWaitCaseList,
	type SessionChange,
} from './sessions';

/** WeChat's customer-service (kf) API: one method per WeChat call. Knows nothing of n8n. */
export class KfClient extends WeChatClient {
	/** GET /cgi-bin/customservice/getkflist */
	async listAgents(): Promise<KfAgent[]> {
		const res = await this.call<{ kf_list?: KfAgent[] }>({
			method: 'GET',
			path: '/cgi-bin/customservice/getkflist',
			kind: 'read',
		});
		return listIn<KfAgent>(res, 'kf_list', '/cgi-bin/customservice/getkflist');
	}

	/** GET /cgi-bin/customservice/getonlinekflist */
	async listOnlineAgents(): Promise<KfOnlineAgent[]> {
		const res = await this.call<{ kf_online_list?: KfOnlineAgent[] }>({
			method: 'GET',
			path: '/cgi-bin/customservice/getonlinekflist',
			kind: 'read',
		});
		return listIn<KfOnlineAgent>(res, 'kf_online_list', '/cgi-bin/customservice/getonlinekflist');
	}

	/** POST /customservice/msgrecord/getmsglist: one page (≤ 24 h window, number ≤ 10000). */
	async getMsgList(request: MsgListRequest): Promise<MsgListPage> {
		const page = await this.call<MsgListPage>({ method: 'POST', path: MSG_LIST_PATH, kind: 'read', json: request });
		listIn(page, 'recordlist', MSG_LIST_PATH);
		return page;
	}

	/** POST /customservice/msgrecord/getrecord: one page of the legacy API (one China-time day, pagesize ≤ 50). */
	async getRecordPage(request: LegacyRecordRequest): Promise<LegacyRecordPage> {
		const page = await this.call<LegacyRecordPage>({ method: 'POST', path: LEGACY_RECORD_PATH, kind: 'read', json: request });
		listIn(page, 'recordlist', LEGACY_RECORD_PATH);
		return page;
	}

	/** Every chat record of a time range of any length, a page (filtered) at a time (windows and pages inside). */
	iterateRecordPages(query: RecordQuery): AsyncGenerator<KfRecord[]> {
		return iterateRecordPages(this, query);
	}

	/** POST /customservice/kfaccount/add */
	async addAccount(body: AccountBody): Promise<WeChatResult> {
		return await this.postWrite('/customservice/kfaccount/add', body);
	}

	/** POST /customservice/kfaccount/update */
	async updateAccount(body: AccountBody): Promise<WeChatResult> {
		return await this.postWrite('/customservice/kfaccount/update', body);
	}

	/** POST /customservice/kfaccount/del with a JSON body: the form WeChat's current documentation gives, not the legacy GET. */
	async deleteAccount(kfAccount: string): Promise<WeChatResult> {
		return await this.postWrite('/customservice/kfaccount/del', { kf_account: kfAccount });
	}

	/** POST /customservice/kfaccount/inviteworker: invite a WeChat user to bind to the account. */
	async inviteWorker(kfAccount: string, inviteWx: string): Promise<WeChatResult> {
		return await this.postWrite('/customservice/kfaccount/inviteworker', { kf_account: kfAccount, invite_wx: inviteWx });
	}

	/** POST multipart /customservice/kfaccount/uploadheadimg?kf_account=… (file part `media`). */
	async uploadHeadImage(kfAccount: string, multipart: { body: Buffer; contentType: string }): Promise<WeChatResult> {
		return await this.call({
			method: 'POST',
			path: '/customservice/kfaccount/uploadheadimg',
			kind: 'write',
			query: { kf_account: kfAccount },
			multipart,
		});
	}

	/** POST multipart /cgi-bin/media/upload?type=… (file part `media`): temporary media, kept 3 days. */
	async uploadMedia(type: MediaType, multipart: MultipartBody): Promise<UploadedMedia> {
		return await uploadMedia(this, type, multipart);
	}

	/** GET /cgi-bin/media/get?media_id=…, streamed; a video's `video_url` is followed to the file. */
	async downloadMedia(mediaId: string): Promise<DownloadedMedia> {
		return await downloadMedia(this, mediaId);
	}

	/** POST /customservice/kfsession/create: the agent takes the customer (off the waiting queue). */
	async createSession(change: SessionChange): Promise<WeChatResult> {
		return await this.postWrite('/customservice/kfsession/create', sessionChangeBody(change));
	}

	/** POST /customservice/kfsession/close */
	async closeSession(change: SessionChange): Promise<WeChatResult> {
		return await this.postWrite('/customservice/kfsession/close', sessionChangeBody(change));
	}

	/** GET /customservice/kfsession/getsession?openid=… */
	async getSession(openid: string): Promise<KfCustomerSession> {
		return await this.call<KfCustomerSession & WeChatResult>({
			method: 'GET',
			path: '/customservice/kfsession/getsession',
			kind: 'read',
			query: { openid },
		});
	}

	/** GET /customservice/kfsession/getsessionlist?kf_account=… (`@` kept literal) */
	async listSessions(kfAccount: string): Promise<KfSessionListItem[]> {
		const res = await this.call<{ sessionlist?: KfSessionListItem[] }>({
			method: 'GET',
			path: '/customservice/kfsession/getsessionlist',
			kind: 'read',
			query: { kf_account: kfAccount },
		});
		return listIn<KfSessionListItem>(res, 'sessionlist', '/customservice/kfsession/getsessionlist');
	}

	/** GET /customservice/kfsession/getwaitcase */
	async listWaitCases(): Promise<KfWaitCaseList> {
		const res = await this.call<Partial<KfWaitCaseList> & WeChatResult>({
			method: 'GET',
			path: '/customservice/kfsession/getwaitcase',
			kind: 'read',
		});
		const waitcaselist = listIn<KfWaitCaseList['waitcaselist'][number]>(res, 'waitcaselist', '/customservice/kfsession/getwaitcase');
		return { count: Number(res.count ?? waitcaselist.length), waitcaselist };
	}

	/** POST /cgi-bin/message/custom/send */
	async sendMessage(message: CustomMessage): Promise<WeChatResult> {
		return await this.postWrite('/cgi-bin/message/custom/send', customMessageBody(message));
	}

	/** POST /cgi-bin/message/custom/typing */
	async sendTyping(touser: string, command: TypingCommand): Promise<WeChatResult> {
		return await this.postWrite('/cgi-bin/message/custom/typing', { touser, command });
	}

	/** A JSON POST that changes state on WeChat's side (not repeated on a busy answer). */
	private async postWrite(path: string, json: unknown): Promise<WeChatResult> {
		return await this.call({ method: 'POST', path, kind: 'write', json });
	}
}
