// The one demo credential: the app the sandbox knows, and the credential data (the fields of
// WeChatOfficialAccountApi) that points at a sandbox. Tests, `npm start` and the e2e checks
// read it from here (the scripts from build-dev/sandbox).

export const SANDBOX_APP_ID = 'wx_sandbox_app';

/** The server configuration the sandbox pushes with (fields of WeChatOfficialAccountPushApi) and the account's original ID. */
export const SANDBOX_PUSH = {
	token: 'SandboxPushToken2026',
	encodingAESKey: 'SandboxPushKey0123456789abcdefghijKLMNOPQRS',
	appId: 'wx5a4b3c2d1e0f9788',
	originalId: 'gh_5a4b3c2d1e0f',
};

/** Push credential data for the demo (safe mode). */
export function sandboxPushCredentialData() {
	return { token: SANDBOX_PUSH.token, encodingAESKey: SANDBOX_PUSH.encodingAESKey, appId: SANDBOX_PUSH.appId };
}
export const SANDBOX_APP_SECRET = 'sandbox_secret';

/** Credential data for a sandbox at `baseUrl`: stable token, API Host "custom". */
export function sandboxCredentialData(baseUrl: string, timeoutSeconds = 30) {
	return {
		source: 'stableToken',
		appId: SANDBOX_APP_ID,
		appSecret: SANDBOX_APP_SECRET,
		apiHost: 'custom',
		baseUrl,
		timeoutSeconds,
	};
}
