// Secrets must never reach an error message, a log line or an output item, whatever
// shape they travel in: a query string, a JSON body, or a value echoed back by a server.
const SENSITIVE_KEYS = ['access_token', 'accessToken', 'secret', 'appsecret', 'appSecret', 'stale_token', 'token'];

const keyAlternation = SENSITIVE_KEYS.join('|');
const QUERY_PATTERN = new RegExp(`([?&](?:${keyAlternation})=)[^&#\\s"']*`, 'gi');
const JSON_PATTERN = new RegExp(`("(?:${keyAlternation})"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*(")`, 'gi');

const REDACTED = '***';

export function redact(text: string, secretValues: readonly string[] = []): string {
	let out = text.replace(QUERY_PATTERN, `$1${REDACTED}`).replace(JSON_PATTERN, `$1${REDACTED}$2`);
	for (const value of secretValues) {
		// Very short values would blank out ordinary words; real tokens and secrets are long.
		if (value && value.length >= 6) out = out.split(value).join(REDACTED);
	}
	return out;
}
