// Parsing of the credential's fields, shared by every node that uses the credential.
import {
	CredentialSettingsError,
	apiBaseUrlFrom,
	httpUrl,
	proxyPasswordOf,
	timeoutSecondsOf,
} from '../../shared/credentialFields';
import type { HttpSettings } from '../../shared/transport/http';


type TokenSource = 'stableToken' | 'classicToken' | 'tokenServer' | 'accessToken';

/** The whole credential, checked and trimmed: where tokens come from, the API host, HTTP. */
export interface CredentialSettings {
	tokenSource: TokenSource;
	/** Origin (and optional path prefix) of the WeChat API, without a trailing slash. */
	apiBaseUrl: string;
	appId?: string;
	appSecret?: string;
	tokenServerUrl?: string;
	tokenServerHeaderName?: string;
	tokenServerHeaderValue?: string;
	accessToken?: string;
	/** The credential's part of the HTTP settings; the node layer adds the transport and the cancel signal. */
	http: Pick<HttpSettings, 'timeoutMs' | 'proxyUrl'>;
}

/** The credential's fields, as stored by n8n (see WeChatOfficialAccountApi.credentials.ts). */
export interface WeChatCredentialData
	extends Pick<
		Partial<CredentialSettings>,
		'appId' | 'appSecret' | 'tokenServerUrl' | 'tokenServerHeaderValue' | 'accessToken'
	> {
	/** The Token Source field (`tokenSource` in the parsed settings). */
	source?: string;
	/** The token server's Header Name field (`tokenServerHeaderName` in the parsed settings). */
	serverHeaderName?: string;
	apiHost?: string;
	baseUrl?: string;
	proxyUrl?: string;
	timeoutSeconds?: number | string;
}

const TOKEN_SOURCES: TokenSource[] = ['stableToken', 'classicToken', 'tokenServer', 'accessToken'];
const DEFAULT_API_HOST = 'https://api.weixin.qq.com';

function apiBaseUrlOf(data: WeChatCredentialData): string {
	return apiBaseUrlFrom(data.apiHost, data.baseUrl, DEFAULT_API_HOST);
}

export function credentialSettingsOf(data: WeChatCredentialData): CredentialSettings {
	const tokenSource = (data.source || 'stableToken') as TokenSource;
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
	const timeout = timeoutSecondsOf(data.timeoutSeconds);
	const proxyUrl = trimmed(data.proxyUrl);
	return {
		tokenSource,
		apiBaseUrl: apiBaseUrlOf(data),
		appId: trimmed(data.appId),
		appSecret: trimmed(data.appSecret),
		tokenServerUrl: trimmed(data.tokenServerUrl),
		tokenServerHeaderName: trimmed(data.serverHeaderName),
		tokenServerHeaderValue: data.tokenServerHeaderValue ?? '',
		accessToken: trimmed(data.accessToken),
		http: {
			timeoutMs: timeout * 1000,
			proxyUrl: proxyUrl ? httpUrl(proxyUrl, 'Proxy URL') : undefined,
		},
	};
}

/** Every value of the credential that must never be shown: secret, header, token, proxy password. */
export function secretsOf(settings: CredentialSettings): string[] {
	const values = [settings.appSecret, settings.tokenServerHeaderValue, settings.accessToken];
	const password = proxyPasswordOf(settings.http.proxyUrl);
	if (password) values.push(password);
	return values.filter((v): v is string => !!v);
}
