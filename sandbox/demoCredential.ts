// The one demo credential: the app the sandbox knows, and the credential data (the fields of
// WeChatOfficialAccountApi) that points at a sandbox. Tests, `npm start` and the e2e checks
// read it from here (the scripts from build-dev/sandbox).

export const SANDBOX_APP_ID = 'wx_sandbox_app';
export const SANDBOX_APP_SECRET = 'sandbox_secret';

/** Credential data for a sandbox at `baseUrl`: stable token, API Host "custom". */
export function sandboxCredentialData(baseUrl: string, timeoutSeconds = 30) {
	return {
		tokenSource: 'stableToken',
		appId: SANDBOX_APP_ID,
		appSecret: SANDBOX_APP_SECRET,
		apiHost: 'custom',
		baseUrl,
		timeoutSeconds,
	};
}
