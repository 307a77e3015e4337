// The sandbox's WeCom corp: the fields of the future WeCom Customer Service credentials.

export const SANDBOX_WECOM = {
	corpId: 'wwdemo7c3e5a9b1d20',
	/** The Secret of the self-built app allowed to call the 微信客服 API. */
	secret: 'SandboxWeComKfSecret0123456789abcdefghijkl',
	/** The callback's Token and EncodingAESKey (43 characters). */
	callbackToken: 'SandboxWeComCallback2026',
	encodingAESKey: 'SandboxWeComAESKey0123456789abcdefghijklmno',
} as const;
