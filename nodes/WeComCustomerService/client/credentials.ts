// The WeCom Customer Service API credential's fields, checked and trimmed.
import {
	CredentialSettingsError,
	apiBaseUrlFrom,
	httpUrl,
	proxyPasswordOf,
	timeoutSecondsOf,
} from '../../shared/credentialFields';
import type { HttpSettings } from '../../shared/transport/http';

export const DEFAULT_WECOM_API_HOST = 'https://qyapi.weixin.qq.com';

/** The credential's fields, as stored by n8n (see WeComCustomerServiceApi.credentials.ts). */
export interface WeComCredentialData {
	corpId?: string;
	secret?: string;
	apiHost?: string;
	baseUrl?: string;
	proxyUrl?: string;
	timeoutSeconds?: number | string;
}

export interface WeComSettings {
	corpId: string;
	/** The Secret of the self-built app that may call the 微信客服 API. */
	secret: string;
	/** Origin (and optional path prefix) of the WeCom API, without a trailing slash. */
	apiBaseUrl: string;
	http: Pick<HttpSettings, 'timeoutMs' | 'proxyUrl'>;
}

export function weComSettingsOf(data: WeComCredentialData): WeComSettings {
	const corpId = (data.corpId ?? '').trim();
	const secret = (data.secret ?? '').trim();
	if (!corpId) throw new CredentialSettingsError("The credential's CorpID is empty");
	if (!secret) throw new CredentialSettingsError("The credential's Secret is empty");
	const proxyUrl = (data.proxyUrl ?? '').trim();
	return {
		corpId,
		secret,
		apiBaseUrl: apiBaseUrlFrom(data.apiHost, data.baseUrl, DEFAULT_WECOM_API_HOST),
		http: {
			timeoutMs: timeoutSecondsOf(data.timeoutSeconds) * 1000,
			proxyUrl: proxyUrl ? httpUrl(proxyUrl, 'Proxy URL') : undefined,
		},
	};
}

/** Every value of the credential that must never be shown: the Secret and a proxy password. */
export function weComSecretsOf(settings: WeComSettings): string[] {
	const password = proxyPasswordOf(settings.http.proxyUrl);
	return password ? [settings.secret, password] : [settings.secret];
}
