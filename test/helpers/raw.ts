import type { KfSandbox } from '../../sandbox';

/** A stable token straight from the sandbox, for requests that bypass the node. */
export async function sandboxToken(sb: KfSandbox): Promise<string> {
	const res = await fetch(`${sb.url}/cgi-bin/stable_token`, {
		method: 'POST',
		body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx_sandbox_app', secret: 'sandbox_secret' }),
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

/** Sends a request to the sandbox as some other client would (query without access_token) and returns errcode. */
export async function rawErrcode(
	sb: KfSandbox,
	method: 'GET' | 'POST',
	pathAndQuery: string,
	body?: Buffer | string,
	contentType?: string,
): Promise<number> {
	const token = await sandboxToken(sb);
	const sep = pathAndQuery.includes('?') ? '&' : '?';
	const res = await fetch(`${sb.url}${pathAndQuery}${sep}access_token=${token}`, {
		method,
		body,
		headers: contentType ? { 'content-type': contentType } : {},
	});
	return ((await res.json()) as { errcode: number }).errcode;
}
