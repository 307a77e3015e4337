import type { RetryPolicy } from './client';
import { KfClient } from './KfClient';
import { tokenServers, type TokenSource, type TokenSourceSettings } from './tokens';

/** The credential's fields, as stored by n8n (see WeChatOfficialAccountApi.credentials.ts). */
export interface WeChatCredentialData
	extends Pick<
		Partial<TokenSourceSettings>,
		'appId' | 'appSecret' | 'tokenServerUrl' | 'tokenServerHeaderName' | 'tokenServerHeaderValue' | 'accessToken'
	> {
	tokenSource?: string;
	apiHost?: string;
	baseUrl?: string;
	proxyUrl?: string;
	timeoutSeconds?: number | string;
}

export class CredentialSettingsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CredentialSettingsError';
	}
}

const TOKEN_SOURCES: TokenSource[] = ['stableToken', 'classicToken', 'tokenServer', 'accessToken'];
export const DEFAULT_API_HOST = 'https://api.weixin.qq.com';

function httpUrl(value: string, label: string): string {
	if (!URL.canParse(value)) throw new CredentialSettingsError(`The credential's ${label} is not a valid URL`);
	const url = new URL(value);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new CredentialSettingsError(`The credential's ${label} must start with http:// or https://`);
	}
	return value;
}

export function apiBaseUrlOf(data: WeChatCredentialData): string {
	const host = (data.apiHost || DEFAULT_API_HOST).trim();
	if (host !== 'custom') return httpUrl(host, 'API Host').replace(/\/+$/, '');
	const base = (data.baseUrl ?? '').trim();
	if (!base) throw new CredentialSettingsError('The credential uses a custom API host but its Base URL is empty');
	return httpUrl(base, 'Base URL').replace(/\/+$/, '');
}

export function tokenSettingsOf(data: WeChatCredentialData): TokenSourceSettings {
	const tokenSource = (data.tokenSource || 'stableToken') as TokenSource;
	if (!TOKEN_SOURCES.includes(tokenSource)) {
		throw new CredentialSettingsError(`The credential's Token Source "${tokenSource}" is not known`);
	}
	const trimmed = (v?: string) => (v ?? '').trim();
	if (tokenSource === 'stableToken' || tokenSource === 'classicToken') {
		if (!trimmed(data.appId)) throw new CredentialSettingsError("The credential's AppID is empty");
		if (!trimmed(data.appSecret)) throw new CredentialSettingsError("The credential's AppSecret is empty");
	}
	if (tokenSource === 'tokenServer') {
		if (!trimmed(data.tokenServerUrl)) throw new CredentialSettingsError("The credential's Token Server URL is empty");
		httpUrl(trimmed(data.tokenServerUrl), 'Token Server URL');
	}
	if (tokenSource === 'accessToken' && !trimmed(data.accessToken)) {
		throw new CredentialSettingsError("The credential's Access Token is empty");
	}
	const timeout = Number(data.timeoutSeconds ?? 30);
	const proxyUrl = trimmed(data.proxyUrl);
	return {
		tokenSource,
		apiBaseUrl: apiBaseUrlOf(data),
		appId: trimmed(data.appId),
		appSecret: trimmed(data.appSecret),
		tokenServerUrl: trimmed(data.tokenServerUrl),
		tokenServerHeaderName: trimmed(data.tokenServerHeaderName),
		tokenServerHeaderValue: data.tokenServerHeaderValue ?? '',
		accessToken: trimmed(data.accessToken),
		http: {
			timeoutMs: (Number.isFinite(timeout) && timeout > 0 ? timeout : 30) * 1000,
			proxyUrl: proxyUrl ? httpUrl(proxyUrl, 'Proxy URL') : undefined,
		},
	};
}

export function secretsOf(settings: TokenSourceSettings): string[] {
	const values = [settings.appSecret, settings.tokenServerHeaderValue, settings.accessToken];
	if (settings.http.proxyUrl) {
		const password = new URL(settings.http.proxyUrl).password;
		if (password) values.push(decodeURIComponent(password));
	}
	return values.filter((v): v is string => !!v);
}

export function createKfClient(
	data: WeChatCredentialData,
	options: { signal?: AbortSignal; retry?: RetryPolicy } = {},
): KfClient {
	const settings = tokenSettingsOf(data);
	return new KfClient({
		apiBaseUrl: settings.apiBaseUrl,
		tokenServer: tokenServers.get(settings),
		http: { ...settings.http, signal: options.signal, secrets: secretsOf(settings) },
		retry: options.retry,
	});
}
