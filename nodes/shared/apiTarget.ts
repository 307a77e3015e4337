import { CredentialSettingsError } from './credentialFields';

/** The hosts a family's managed token may be sent to (n8n's HTTP Request node with the credential). */
export interface ApiTargets {
	service: 'WeChat' | 'WeCom';
	/** The official API origins; the first is the one error messages name. */
	origins: ReadonlySet<string>;
}

function pathPrefix(url: URL): string {
	return url.pathname.replace(/\/+$/, '');
}

/**
 * Where a request for `target` goes: one of the family's API hosts or the credential's own base URL is
 * replaced by the credential's base URL (its API Host, a reverse proxy or the sandbox), so a
 * workflow written against https://api.weixin.qq.com follows the credential. Anything else is
 * refused: the token is never sent to another host.
 */
export function targetUnderApiBase(target: string, apiBaseUrl: string, api: ApiTargets): string {
	const base = new URL(apiBaseUrl);
	const url = URL.canParse(target) ? new URL(target) : undefined;
	const prefix = pathPrefix(base);
	let rest: string | undefined;
	if (url && url.origin === base.origin && (prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) {
		rest = url.pathname.slice(prefix.length);
	} else if (url && api.origins.has(url.origin)) {
		rest = url.pathname;
	}
	if (rest === undefined || !url) {
		throw new CredentialSettingsError(
			`The ${api.service} credential adds its access_token only to ${api.service} API requests (${[...api.origins][0]}/… or ${apiBaseUrl}/…), not to ${target.split('?')[0] || '(no URL)'}`,
		);
	}
	return `${base.origin}${prefix}${rest}${url.search}`;
}

