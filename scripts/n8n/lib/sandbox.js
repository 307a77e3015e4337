// @ts-check
'use strict';
/**
 * The one loader of the compiled sandbox: sandbox/ as `npm run build:dev` (or `npm run sandbox`) compiled it into
 * build-dev/sandbox. The types come from the TypeScript sources.
 */
const path = require('path');

const { WECOM_CREDENTIAL, WECOM_CALLBACK_CREDENTIAL } = require('./names');
const { REPO_ROOT } = require('./proc');

const COMPILED = path.join(REPO_ROOT, 'build-dev', 'sandbox');

/**
 * @typedef {typeof import('../../../sandbox/index')} SandboxIndex
 * @typedef {import('../../../sandbox/index').KfSandbox} KfSandbox
 * @typedef {{
 *   '': SandboxIndex,
 *   cli: typeof import('../../../sandbox/cli'),
 *   push: typeof import('../../../sandbox/push'),
 *   'routes/push': typeof import('../../../sandbox/routes/push'),
 *   'routes/tokenServer': typeof import('../../../sandbox/routes/tokenServer'),
 * }} SandboxModules
 */

/**
 * A module of the compiled sandbox ('' for its index), with a hint when it is not built.
 * @template {keyof SandboxModules} M
 * @param {M} [module]
 * @returns {SandboxModules[M]}
 */
function loadSandbox(module) {
	const file = path.join(COMPILED, module || '');
	try {
		return require(file);
	} catch (e) {
		throw new Error(`Cannot load the sandbox from ${file} (run \`npm run build:dev\`): ${e.message}`);
	}
}

/** Starts the demo-seeded (or empty) sandbox on 127.0.0.1. @returns {Promise<KfSandbox>} */
async function startSandbox({ port = 0, seed = /** @type {'demo' | 'empty'} */ ('demo') } = {}) {
	return await loadSandbox('').startSandbox({ port, host: '127.0.0.1', seed });
}

/**
 * The WeCom demo credentials for a sandbox at `sandboxUrl`, as `n8n import:credentials` reads them: the API
 * credential (Custom Base URL = the sandbox) and the callback credential (the demo corp's Token and EncodingAESKey).
 * @param {string} sandboxUrl
 */
function weComDemoCredentials(sandboxUrl) {
	const { SANDBOX_WECOM: corp } = loadSandbox('');
	const api = { corpId: corp.corpId, secret: corp.secret, apiHost: 'custom', baseUrl: sandboxUrl, proxyUrl: '', timeoutSeconds: 30 };
	const callback = { token: corp.callbackToken, encodingAESKey: corp.encodingAESKey, corpId: corp.corpId, previousEncodingAESKey: '' };
	return [
		{ ...WECOM_CREDENTIAL, data: api },
		{ ...WECOM_CALLBACK_CREDENTIAL, data: callback },
	];
}

module.exports = { COMPILED, loadSandbox, startSandbox, weComDemoCredentials };
