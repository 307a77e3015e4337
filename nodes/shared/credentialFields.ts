// The credential fields both families have (API host, proxy, timeout), read one way.

export class CredentialSettingsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CredentialSettingsError';
	}
}

export function httpUrl(value: string, label: string): string {
	if (!URL.canParse(value)) throw new CredentialSettingsError(`The credential's ${label} is not a valid URL`);
	const url = new URL(value);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new CredentialSettingsError(`The credential's ${label} must start with http:// or https://`);
	}
	return value;
}

/** The API Host field (an origin, or 'custom' with the Base URL field), as a base URL without a trailing slash. */
export function apiBaseUrlFrom(apiHost: string | undefined, baseUrl: string | undefined, defaultHost: string): string {
	const host = (apiHost || defaultHost).trim();
	if (host !== 'custom') return httpUrl(host, 'API Host').replace(/\/+$/, '');
	const base = (baseUrl ?? '').trim();
	if (!base) throw new CredentialSettingsError('The credential uses a custom API host but its Base URL is empty');
	return httpUrl(base, 'Base URL').replace(/\/+$/, '');
}

const TIMEOUT_SECONDS = { min: 1, max: 300, default: 30 } as const;

/** The credential's Timeout: empty means the default; anything outside 1–300 s is an error, not a silent default. */
export function timeoutSecondsOf(raw: unknown): number {
	if (raw === undefined || raw === null || raw === '') return TIMEOUT_SECONDS.default;
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
	if (!Number.isFinite(value) || value < TIMEOUT_SECONDS.min || value > TIMEOUT_SECONDS.max) {
		throw new CredentialSettingsError(
			`The credential's Timeout must be a number of seconds from ${TIMEOUT_SECONDS.min} to ${TIMEOUT_SECONDS.max}, got ${JSON.stringify(raw)}`,
		);
	}
	return value;
}

/** The password in a Proxy URL (a secret to scrub from every text), if it has one. */
export function proxyPasswordOf(proxyUrl: string | undefined): string | undefined {
	if (!proxyUrl || !URL.canParse(proxyUrl)) return undefined;
	const password = new URL(proxyUrl).password;
	return password ? decodeURIComponent(password) : undefined;
}
