// @ts-check
'use strict';
/**
 * What each e2e workflow must do: the runner (scripts/n8n/e2e/checks/workflows.js) turns every entry into one check
 * of `npm run test:e2e` that runs the imported workflow with `n8n execute --id` against a freshly seeded sandbox
 * (seed "demo") and then calls the entry's `assert` on the node outputs and the requests the sandbox received.
 *
 * To add one: put the workflow in examples/ (users see it) or test-e2e/workflows/ (e2e only), give it a fixed
 * "id" (<= 21 chars), and add an entry here. The runner reads which resource/operation pairs a workflow uses and
 * skips the check (reported, not failed) while the built node does not offer one of them yet; set E2E_STRICT=1 to
 * count such skips as failures.
 */
const assert = require('assert/strict');

const KF = '/cgi-bin/customservice/getkflist';
const ONLINE = '/cgi-bin/customservice/getonlinekflist';

/** @typedef {import('../scripts/n8n/lib/sandbox').KfSandbox} KfSandbox */

/**
 * What `assert` gets.
 * @typedef {object} RunOutcome
 * @property {import('../scripts/n8n/lib/runData').ExecuteResult | null} run  the execution as `n8n execute` printed it
 * @property {(node: string, outputIndex?: number) => any[]} out  items (json) of a node's output (undefined at run time when the
 *   node did not run)
 * @property {(node: string) => any} binary  binary data of a node's first item
 * @property {KfSandbox} sb
 * @property {string} stdout
 * @property {string} errorText
 */

/**
 * @typedef {object} WorkflowExpectation
 * @property {string} name  what is checked
 * @property {string} workflow  workflow id
 * @property {(sb: KfSandbox) => void} [setup]  prepares the sandbox (faults, state) before the run
 * @property {number} [exitCode]  expected exit code of `n8n execute` (default 0)
 * @property {(outcome: RunOutcome) => void | Promise<void>} assert  throws (or rejects) on failure
 */

/** Requests to WeChat's kf API (token requests excluded), as "METHOD /path". @param {KfSandbox} sb */
function kfCalls(sb) {
	return sb.requests
		.filter((r) => r.path !== '/cgi-bin/stable_token' && r.path !== '/cgi-bin/token')
		.map((r) => `${r.method} ${r.path}`);
}

/** @type {WorkflowExpectation[]} */
module.exports = [
	{
		name: 'example: list agents and who is online',
		workflow: 'wcsExAgents000001',
		assert({ out, sb }) {
			const all = out('All agents');
			const online = out('Online agents');
			assert.equal(all.length, sb.state.agents.length, 'one item per agent of getkflist');
			assert.ok(all.every((a) => /@sandbox_oa$/.test(a.kf_account) && a.kf_id && 'kf_nick' in a), 'agents carry kf_account, kf_id, kf_nick');
			assert.equal(online.length, sb.state.online.size, 'one item per online agent');
			assert.ok(online.every((a) => typeof a.accepted_case === 'number'), 'online agents carry accepted_case');
			assert.deepEqual(kfCalls(sb).sort(), [`GET ${KF}`, `GET ${ONLINE}`].sort());
			assert.equal(sb.tokenRequests().length, 1, 'one token request for both nodes of one execution');
		},
	},
	{
		name: "example: export last week's chat records",
		workflow: 'wcsExRecords00001',
		assert({ out, binary, sb }) {
			const records = out('Chat records of the last 7 days');
			assert.ok(records.length > 0, 'the sandbox holds a week of records');
			assert.ok(records.every((r) => r.openid && r.time !== undefined), 'records carry openid and time');
			const file = binary('Save as CSV');
			assert.ok(file && file.data, 'Save as CSV produced a binary');
			assert.match(file.data.fileName || '', /\.csv$/);
			assert.ok(kfCalls(sb).some((c) => c.includes('/customservice/msgrecord/')), 'records were read from msgrecord');
		},
	},
	{
		name: 'example: create an agent and upload its avatar',
		workflow: 'wcsExNewAgent0001',
		assert({ out, sb }) {
			assert.equal(out('Create agent')[0].kf_account, 'frank@sandbox_oa');
			const up = out('Upload avatar')[0];
			assert.equal(up.kf_account, 'frank@sandbox_oa');
			assert.equal(up.success, true);
			assert.ok(sb.state.agents.some((a) => a.kf_account === 'frank@sandbox_oa'), 'the sandbox now has frank');
			const upload = sb.requestsTo('/customservice/kfaccount/uploadheadimg')[0];
			assert.ok(upload, 'uploadheadimg was called');
			assert.match(String(upload.headers['content-type']), /^multipart\/form-data/);
			assert.ok(upload.rawBody.includes(Buffer.from([0xff, 0xd8, 0xff])), 'the upload carries the JPEG bytes');
		},
	},
	{
		name: 'example: assign the longest-waiting customer and greet them',
		workflow: 'wcsExAssign000001',
		assert({ out, sb }) {
			const waiting = out('Waiting customers');
			assert.ok(waiting.length > 0, 'the demo queue has waiting customers');
			const assigned = out('Assign customer')[0];
			assert.equal(assigned.openid, waiting[0].openid, 'the longest-waiting customer was assigned');
			const online = out('Online agents');
			const leastBusy = Math.min(...online.map((a) => a.accepted_case));
			assert.equal(online.find((a) => a.kf_account === assigned.kf_account).accepted_case, leastBusy, 'to the least busy agent');
			const create = /** @type {{ json: any }} */ (sb.requestsTo('/customservice/kfsession/create')[0]);
			assert.deepEqual([create.json.kf_account, create.json.openid], [assigned.kf_account, assigned.openid]);
			const send = /** @type {{ json: any }} */ (sb.requestsTo('/cgi-bin/message/custom/send')[0]);
			assert.ok(send, 'a greeting was sent');
			assert.equal(send.json.touser, assigned.openid);
			assert.equal(send.json.msgtype, 'text');
			assert.match(send.json.text.content, /您好/);
		},
	},
	{
		name: 'account: create, update, invite, delete',
		workflow: 'wcsE2eAccount0001',
		assert({ out, sb }) {
			for (const n of ['Create', 'Update', 'Invite', 'Delete']) assert.equal(out(n)[0].kf_account, 'gina@sandbox_oa', n);
			assert.deepEqual(kfCalls(sb).map((c) => c.split(' ')[1]), [
				'/customservice/kfaccount/add',
				'/customservice/kfaccount/update',
				'/customservice/kfaccount/inviteworker',
				'/customservice/kfaccount/del',
			]);
			assert.ok(!sb.state.agents.some((a) => a.kf_account === 'gina@sandbox_oa'), 'gina is gone again');
		},
	},
	{
		name: 'avatar: download one agent’s avatar and upload it for another',
		workflow: 'wcsE2eAvatar00001',
		assert({ out, binary, sb }) {
			const dl = out('Download')[0];
			assert.equal(dl.kf_account, 'bob@sandbox_oa');
			const file = binary('Download');
			assert.ok(file && file.data && file.data.mimeType, 'download put a binary into "data"');
			assert.equal(out('Upload')[0].kf_account, 'carol@sandbox_oa');
			assert.ok(sb.requestsTo('/customservice/kfaccount/uploadheadimg').length === 1, 'one upload');
		},
	},
	{
		name: 'media: upload a JPEG as temporary media and download it again',
		workflow: 'wcsE2eMedia000001',
		assert({ out, binary, sb }) {
			const up = out('Upload')[0];
			assert.equal(up.type, 'image');
			assert.ok(typeof up.media_id === 'string' && up.media_id.length > 0, 'upload answered a media_id');
			const file = binary('Download');
			assert.ok(file && file.data, 'download put a binary into "data"');
			assert.equal(file.data.mimeType, 'image/jpeg');
			assert.equal(sb.requestsTo('/cgi-bin/media/upload').length, 1, 'one upload');
			const gets = sb.requestsTo('/cgi-bin/media/get');
			assert.equal(gets.length, 1, 'one download');
			assert.equal(gets[0].query.media_id, up.media_id, 'the download asked for the uploaded media_id');
		},
	},
	{
		name: 'record: limit with getmsglist and with the legacy API',
		workflow: 'wcsE2eRecord00001',
		assert({ out, sb }) {
			assert.equal(out('Records (getmsglist)').length, 5);
			assert.equal(out('Records (legacy)').length, 3);
			assert.ok(sb.requestsTo('/customservice/msgrecord/getmsglist').length >= 1, 'getmsglist called');
			assert.ok(sb.requestsTo('/customservice/msgrecord/getrecord').length >= 1, 'getrecord called');
		},
	},
	{
		name: 'session: waiting, create, get, list, close',
		workflow: 'wcsE2eSession0001',
		assert({ out, sb }) {
			const openid = out('First waiting')[0].openid;
			assert.equal(out('Create')[0].openid, openid);
			assert.equal(out('Get')[0].kf_account, 'alice@sandbox_oa', 'getsession shows alice serving the customer');
			assert.ok(out('Sessions of alice').some((s) => s.openid === openid), 'alice’s session list has the customer');
			assert.equal(out('Close')[0].success, true);
			for (const p of ['getwaitcase', 'create', 'getsession', 'getsessionlist', 'close']) {
				assert.ok(sb.requestsTo(`/customservice/kfsession/${p}`).length >= 1, `kfsession/${p} called`);
			}
		},
	},
	{
		name: 'message: typing and a text message',
		workflow: 'wcsE2eMessage0001',
		assert({ out, sb }) {
			const openid = out('First waiting')[0].openid;
			assert.equal(out('Typing')[0].command, 'Typing');
			const typing = sb.requestsTo('/cgi-bin/message/custom/typing')[0];
			assert.deepEqual(typing.json, { touser: openid, command: 'Typing' });
			const send = /** @type {{ json: any }} */ (sb.requestsTo('/cgi-bin/message/custom/send')[0]);
			assert.equal(send.json.touser, openid);
			assert.deepEqual(send.json.text, { content: 'e2e hello 你好' });
			assert.equal(out('Send text').length, 1);
		},
	},
	{
		name: 'error path: a WeChat errcode fails the execution with its code and hint',
		workflow: 'wcsE2eErrorPath01',
		setup(sb) {
			sb.setFault(KF, { errcode: 48001, errmsg: 'api unauthorized' });
		},
		exitCode: 1,
		assert({ run, stdout, errorText }) {
			const text = `${errorText}\n${run ? JSON.stringify(run.data.resultData.error || {}) : stdout}`;
			assert.match(text, /48001/, 'the message names the errcode');
			assert.match(text, /api unauthorized/, 'the message carries errmsg');
			if (run) assert.notEqual(run.status, 'success');
		},
	},
	{
		name: 'error output: On Error "Continue (using error output)" routes the failure',
		workflow: 'wcsE2eErrorOut001',
		setup(sb) {
			sb.setFault(ONLINE, { errcode: 48001, errmsg: 'api unauthorized' });
		},
		assert({ run, out }) {
			assert.ok(run, 'n8n execute printed the run');
			assert.equal(run.status, 'success', 'the execution succeeds');
			const errors = out('Online agents', 1);
			assert.equal(errors.length, 1, 'one item on the error output');
			assert.match(JSON.stringify(errors[0]), /48001/);
			assert.equal(out('On error').length, 1, '"On error" ran');
			assert.equal(out('On success'), undefined, '"On success" did not run');
			assert.ok(out('All agents').length > 0, 'the other branch still ran');
		},
	},
	...require('./wecomExpectations'),
	...require('./wecomN8nExpectations'),
];
