// @ts-check
'use strict';
/**
 * `npm start` itself (without the build, done already): ready banner with every demo credential to create by hand,
 * the examples and the demo credentials (Official Account and WeCom) in n8n, Ctrl-C stops all.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { workflowFiles, readJson } = require('../../instance');
const { CREDENTIAL, CREDENTIAL_TYPE, WECOM_CREDENTIAL, WECOM_CALLBACK_CREDENTIAL } = require('../../lib/names');
const { freePort } = require('../../lib/ports');
const { REPO_ROOT } = require('../../lib/proc');
const { OWNER, Rest } = require('../../lib/rest');
const { loadSandbox } = require('../../lib/sandbox');
const { startNpmStart, waitForBanner, stopWith } = require('../npmStart');

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'npm start: prints URL and login, serves the examples, Ctrl-C stops n8n and the sandbox',
	async run() {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-start-'));
		const [n8nPort, sandboxPort] = [await freePort(), await freePort()];
		const run = startNpmStart({ N8N_PORT: String(n8nPort), SANDBOX_PORT: String(sandboxPort), WECHAT_CS_START_USER_FOLDER: userFolder });
		try {
			const readySecs = await waitForBanner(run, 120000);
			const out = run.output();
			// Everything the credential dialog asks for, to create it by hand.
			const { SANDBOX_WECOM: corp } = loadSandbox('');
			const byHand = ['AppID: wx_sandbox_app', 'AppSecret: sandbox_secret', 'API Host: Custom Base URL', `Base URL: http://127.0.0.1:${sandboxPort}`];
			byHand.push(`CorpID: ${corp.corpId}   Secret: ${corp.secret}`, `Token: ${corp.callbackToken}   EncodingAESKey: ${corp.encodingAESKey}`);
			for (const want of [`http://127.0.0.1:${n8nPort}`, OWNER.email, OWNER.password, ...byHand]) {
				if (!out.includes(want)) throw new Error(`npm start did not print ${want}:\n${out}`);
			}
			const rest = new Rest(`http://127.0.0.1:${n8nPort}`);
			await rest.ownerSession();
			const wfs = (await rest.call('GET', '/rest/workflows')).data;
			const examples = workflowFiles(path.join(REPO_ROOT, 'examples')).map((f) => readJson(f).id);
			const missing = examples.filter((id) => !wfs.some((/** @type {{ id: string }} */ w) => w.id === id));
			if (missing.length) throw new Error(`examples missing in npm start's n8n: ${missing.join(', ')}`);
			const credentials = (await rest.call('GET', '/rest/credentials')).data.map((/** @type {{ id: string, type: string }} */ c) => `${c.id} ${c.type}`);
			const absent = [`${CREDENTIAL.id} ${CREDENTIAL_TYPE}`, ...[WECOM_CREDENTIAL, WECOM_CALLBACK_CREDENTIAL].map((c) => `${c.id} ${c.type}`)].filter((c) => !credentials.includes(c));
			if (absent.length) throw new Error(`demo credentials missing in npm start's n8n: ${absent.join(', ')} (it has ${credentials.join(', ')})`);
			const stopSecs = await stopWith(run, 'SIGINT', 'Ctrl-C', [n8nPort, sandboxPort], 30000);
			return `ready in ${readySecs.toFixed(0)}s with ${examples.length} examples and ${credentials.length} credentials; Ctrl-C stopped n8n and the sandbox in ${stopSecs.toFixed(1)}s`;
		} finally {
			if (run.child.exitCode === null) run.child.kill('SIGKILL');
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};
