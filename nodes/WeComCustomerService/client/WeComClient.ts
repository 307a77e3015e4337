import { WeChatClient, type WeChatResult } from '../../shared/client/WeChatClient';

/**
 * WeCom's 微信客服 API (`/cgi-bin/kf/…`, `/cgi-bin/media/…`). Knows nothing of n8n. One typed
 * function per WeCom call lives in the topic files beside this one (accounts.ts, messages.ts, …).
 */
export class WeComClient extends WeChatClient {
	/** POST a JSON body to `path` (a read: safe to repeat on a busy answer). */
	async read<T extends WeChatResult = WeChatResult>(path: string, json: unknown = {}): Promise<T> {
		return await this.call<T>({ method: 'POST', path, kind: 'read', json });
	}

	/** GET `path` with `query` (a read). */
	async readQuery<T extends WeChatResult = WeChatResult>(path: string, query: Record<string, string | number | undefined>): Promise<T> {
		return await this.call<T>({ method: 'GET', path, kind: 'read', query });
	}

	/** POST a JSON body to `path` that changes something on WeCom's side (never repeated on -1). */
	async write<T extends WeChatResult = WeChatResult>(path: string, json: unknown): Promise<T> {
		return await this.call<T>({ method: 'POST', path, kind: 'write', json });
	}
}
