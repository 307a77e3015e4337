// @ts-check
'use strict';
/**
 * `npm start` on a user folder from before the credential fields were renamed (tokenSource → source,
 * tokenServerHeaderName → serverHeaderName): the demo credential is replaced whole, so no old field is left and
 * n8n does not fill a missing Token Source with its default (which would silently switch to the stable token).
 * npm start imports the credentials on every start through prepareUserFolder; this runs that on such a folder.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { prepareUserFolder } = require('../../instance');
const { CREDENTIAL, CREDENTIAL_TYPE } = require('../../lib/names');
const { n8nCli, n8nCliOk } = require('../../lib/n8nProcess');
const { loadSandbox } = require('../../lib/sandbox');

/** The demo credential's data as n8n holds it. @param {import('../../lib/n8nProcess').Runtime} rt @param {string} userFolder */
async function exportedData(rt, userFolder) {
	const file = path.join(userFolder, 'export-credential.json');
	await n8nCliOk(rt, userFolder, ['export:credentials', `--id=${CREDENTIAL.id}`, '--decrypted', `--output=${file}`]);
	const [credential] = JSON.parse(fs.readFileSync(file, 'utf8'));
	return credential.data;
}

/** @type {import('..').E2eCheck} */
module.exports = {
	name: 'npm start: a demo credential with the old field names is replaced by the current one',
	async run(ctx) {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-cs-e2e-oldcred-'));
		try {
			const sb = await ctx.restartSandbox();
			await prepareUserFolder(ctx.rt, userFolder, { sandboxUrl: sb.url, workflows: [] });
			// The demo credential as an earlier npm start left it: a fixed token under the old field name.
			const old = { tokenSource: 'accessToken', accessToken: 'old-demo-token', tokenServerHeaderName: 'X-Old', apiHost: 'custom', baseUrl: sb.url };
			const oldFile = path.join(userFolder, 'old-credential.json');
			fs.writeFileSync(oldFile, JSON.stringify([{ ...CREDENTIAL, type: CREDENTIAL_TYPE, data: old }]));
			const imported = await n8nCli(ctx.rt, userFolder, ['import:credentials', `--input=${oldFile}`]);
			if (imported.code !== 0) throw new Error(`importing the old credential failed: ${(imported.stdout + imported.stderr).slice(-1500)}`);
			const before = await exportedData(ctx.rt, userFolder);
			if (before.tokenSource !== 'accessToken') throw new Error(`the old credential did not land: ${JSON.stringify(Object.keys(before))}`);

			await prepareUserFolder(ctx.rt, userFolder, { sandboxUrl: sb.url, workflows: [] });
			const after = await exportedData(ctx.rt, userFolder);
			const expected = loadSandbox('').sandboxCredentialData(sb.url);
			if (JSON.stringify(after) !== JSON.stringify(expected)) {
				throw new Error(`after npm start's import the credential holds ${JSON.stringify(Object.keys(after))}, expected exactly ${JSON.stringify(Object.keys(expected))}`);
			}
			return `before: ${Object.keys(before).join(', ')}; after: ${Object.keys(after).join(', ')}`;
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	},
};
