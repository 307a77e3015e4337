import { WeChatClient, listIn, type WeChatResult } from '../../shared/client/WeChatClient';
import type { AccountBody } from './accounts';
import { downloadMedia, uploadMedia, type DownloadedMedia, type MediaType, type UploadedMedia } from './media';
import type { MultipartBody } from '../../shared/multipart';
import type { KfAgent, KfOnlineAgent, KfRecord } from './types';
import { customMessageBody, type CustomMessage, type TypingCommand } from './messages';
import { KF_CALLS } from './calls';
import {
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
		const res = await this.call<{ kf_list?: KfAgent[] }>(KF_CALLS.listAgents);
		return listIn<KfAgent>(res, 'kf_list', KF_CALLS.listAgents.path);
	}

	/** GET /cgi-bin/customservice/getonlinekflist */
	async listOnlineAgents(): Promise<KfOnlineAgent[]> {
		const res = await this.call<{ kf_online_list?: KfOnlineAgent[] }>(KF_CALLS.listOnlineAgents);
		return listIn<KfOnlineAgent>(res, 'kf_online_list', KF_CALLS.listOnlineAgents.path);
	}

	/** POST /customservice/msgrecord/getmsglist: one page (≤ 24 h window, number ≤ 10000). */
	async getMsgList(request: MsgListRequest): Promise<MsgListPage> {
		const page = await this.call<MsgListPage>({ ...KF_CALLS.msgList, json: request });
		listIn(page, 'recordlist', KF_CALLS.msgList.path);
		return page;
	}

	/** POST /customservice/msgrecord/getrecord: one page of the legacy API (one China-time day, pagesize ≤ 50). */
	async getRecordPage(request: LegacyRecordRequest): Promise<LegacyRecordPage> {
		const page = await this.call<LegacyRecordPage>({ ...KF_CALLS.legacyRecords, json: request });
		listIn(page, 'recordlist', KF_CALLS.legacyRecords.path);
		return page;
	}

	/** Every chat record of a time range of any length, a page (filtered) at a time (windows and pages inside). */
	iterateRecordPages(query: RecordQuery): AsyncGenerator<KfRecord[]> {
		return iterateRecordPages(this, query);
	}

	/** POST /customservice/kfaccount/add */
	async addAccount(body: AccountBody): Promise<WeChatResult> {
		return await this.call({ ...KF_CALLS.addAccount, json: body });
	}

	/** POST /customservice/kfaccount/update */
	async updateAccount(body: AccountBody): Promise<WeChatResult> {
		return await this.call({ ...KF_CALLS.updateAccount, json: body });
	}

	/** POST /customservice/kfaccount/del with a JSON body: the form WeChat's current documentation gives, not the legacy GET. */
	async deleteAccount(kfAccount: string): Promise<WeChatResult> {
		return await this.call({ ...KF_CALLS.deleteAccount, json: { kf_account: kfAccount } });
	}

	/** POST /customservice/kfaccount/inviteworker: invite a WeChat user to bind to the account. */
	async inviteWorker(kfAccount: string, inviteWx: string): Promise<WeChatResult> {
		return await this.call({ ...KF_CALLS.inviteWorker, json: { kf_account: kfAccount, invite_wx: inviteWx } });
	}

	/** POST multipart /customservice/kfaccount/uploadheadimg?kf_account=… (file part `media`). */
	async uploadHeadImage(kfAccount: string, multipart: { body: Buffer; contentType: string }): Promise<WeChatResult> {
		return await this.call({ ...KF_CALLS.uploadHeadImage, query: { kf_account: kfAccount }, multipart });
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
		return await this.call({ ...KF_CALLS.createSession, json: sessionChangeBody(change) });
	}

	/** POST /customservice/kfsession/close */
	async closeSession(change: SessionChange): Promise<WeChatResult> {
		return await this.call({ ...KF_CALLS.closeSession, json: sessionChangeBody(change) });
	}

	/** GET /customservice/kfsession/getsession?openid=… */
	async getSession(openid: string): Promise<KfCustomerSession> {
		return await this.call<KfCustomerSession & WeChatResult>({ ...KF_CALLS.getSession, query: { openid } });
	}

	/** GET /customservice/kfsession/getsessionlist?kf_account=… (`@` kept literal) */
	async listSessions(kfAccount: string): Promise<KfSessionListItem[]> {
		const res = await this.call<{ sessionlist?: KfSessionListItem[] }>({ ...KF_CALLS.listSessions, query: { kf_account: kfAccount } });
		return listIn<KfSessionListItem>(res, 'sessionlist', KF_CALLS.listSessions.path);
	}

	/** GET /customservice/kfsession/getwaitcase */
	async listWaitCases(): Promise<KfWaitCaseList> {
		const res = await this.call<Partial<KfWaitCaseList> & WeChatResult>(KF_CALLS.listWaitCases);
		const waitcaselist = listIn<KfWaitCaseList['waitcaselist'][number]>(res, 'waitcaselist', KF_CALLS.listWaitCases.path);
		return { count: Number(res.count ?? waitcaselist.length), waitcaselist };
	}

	/** POST /cgi-bin/message/custom/send */
	async sendMessage(message: CustomMessage): Promise<WeChatResult> {
		return await this.call({ ...KF_CALLS.sendMessage, json: customMessageBody(message) });
	}

	/** POST /cgi-bin/message/custom/typing */
	async sendTyping(touser: string, command: TypingCommand): Promise<WeChatResult> {
		return await this.call({ ...KF_CALLS.sendTyping, json: { touser, command } });
	}
}
