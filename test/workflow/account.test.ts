import { createHash } from 'node:crypto';

import { continueOnFail, withParams } from '../helpers/patch';
import { rawErrcode } from '../helpers/raw';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow, type WorkflowJson } from '../helpers/workflow';

const ctx = useSandbox('demo');
const TOKEN_QUERY = /^access_token=[^&]+$/;

function withItems(wf: WorkflowJson, items: object[]): WorkflowJson {
	return withParams(wf, 'Input Items', { items: JSON.stringify(items) });
}

/** The node without "On Error" set: the first failure stops the execution. */
function stopOnError(wf: WorkflowJson, nodeName: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowJson;
	delete copy.nodes.find((n) => n.name === nodeName)!.onError;
	return copy;
}

function agent(account: string) {
	return ctx.sb.state.agents.find((a) => a.kf_account === account);
}

function wechatCalls(path: string) {
	return ctx.sb.requestsTo(path).map((r) => ({ method: r.method, rawQuery: r.rawQuery, json: r.json }));
}

describe('Account: Create', () => {
	it('adds each account (Chinese nickname included) and returns {kf_account, operation, success}', async () => {
		const result = await runWorkflow(loadWorkflow('account-create.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Succeeded')).toEqual([
			{ json: { kf_account: 'frank@sandbox_oa', operation: 'create', success: true }, pairedItem: { item: 0 } },
			{ json: { kf_account: 'grace@sandbox_oa', operation: 'create', success: true }, pairedItem: { item: 1 } },
		]);
		expect(result.output('Failed')).toEqual([]);
		const calls = ctx.sb.requestsTo('/customservice/kfaccount/add');
		expect(calls.map((r) => [r.method, r.json])).toEqual([
			['POST', { kf_account: 'frank@sandbox_oa', nickname: 'Frank' }],
			['POST', { kf_account: 'grace@sandbox_oa', nickname: '小雅客服' }],
		]);
		expect(calls.every((r) => TOKEN_QUERY.test(r.rawQuery))).toBe(true);
		expect(calls[1].rawBody.toString('utf8')).toBe('{"kf_account":"grace@sandbox_oa","nickname":"小雅客服"}');
		expect(agent('grace@sandbox_oa')).toMatchObject({ kf_nick: '小雅客服', kf_id: '1007', kf_headimgurl: '' });
	});

	it('sends the error output only the failed items (validation and WeChat refusals); the rest go on', async () => {
		const wf = withItems(loadWorkflow('account-create.workflow.json'), [
			{ kfAccount: 'frank@sandbox_oa', nickname: 'Frank' },
			{ kfAccount: 'alice@sandbox_oa', nickname: 'Alice again' },
			{ kfAccount: 'grace@sandbox_oa', nickname: '十六个字的昵称十六个字的昵称十六' },
			{ kfAccount: 'this_is_too_long@sandbox_oa', nickname: 'Long' },
			{ kfAccount: 'heidi@sandbox_oa', nickname: '十七个字的昵称十七个字的昵称十七个' },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Create Account', 0)).toEqual([
			{ json: { kf_account: 'frank@sandbox_oa', operation: 'create', success: true }, pairedItem: { item: 0 } },
			{ json: { kf_account: 'grace@sandbox_oa', operation: 'create', success: true }, pairedItem: { item: 2 } },
		]);
		const failed = result.output('Create Account', 1);
		expect(failed.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 3 }, { item: 4 }]);
		// n8n's error output carries the input item's json plus the error.
		expect(failed[0].json).toEqual({
			kfAccount: 'alice@sandbox_oa',
			nickname: 'Alice again',
			error: 'This customer-service account already exists. WeChat: custom service account exists (errcode 65406)',
			details: {
				errcode: 65406,
				errmsg: expect.stringMatching(/^custom service account exists rid: /),
				hint: 'Use Account → Update to change its nickname.',
			},
		});
		expect(failed[1].json).toEqual({
			kfAccount: 'this_is_too_long@sandbox_oa',
			nickname: 'Long',
			error: '"Account" prefix "this_is_too_long" is 16 characters; WeChat allows at most 10',
		});
		expect(failed[2].json.error).toBe(
			'"Nickname" is 17 characters; WeChat allows at most 16 (a Chinese character or an emoji counts as one)',
		);
		// The branches behind the two outputs received exactly those items.
		expect(result.json('Succeeded').map((j) => j.kf_account)).toEqual(['frank@sandbox_oa', 'grace@sandbox_oa']);
		expect(result.json('Failed').map((j) => j.kfAccount)).toEqual([
			'alice@sandbox_oa',
			'this_is_too_long@sandbox_oa',
			'heidi@sandbox_oa',
		]);
		// Items that fail validation never reach WeChat.
		expect(ctx.sb.requestsTo('/customservice/kfaccount/add').map((r) => (r.json as { kf_account: string }).kf_account)).toEqual([
			'frank@sandbox_oa',
			'alice@sandbox_oa',
			'grace@sandbox_oa',
		]);
	});

	it('Continue (regular output) keeps the other items and puts the error item in its place', async () => {
		const wf = withItems(continueOnFail(loadWorkflow('account-create.workflow.json'), 'Create Account'), [
			{ kfAccount: 'frank@sandbox_oa', nickname: 'Frank' },
			{ kfAccount: 'alice@sandbox_oa', nickname: 'Alice' },
			{ kfAccount: 'grace@sandbox_oa', nickname: 'Grace' },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const out = result.output('Succeeded');
		expect(out.map((i) => [i.pairedItem, i.json.kf_account ?? i.json.details])).toEqual([
			[{ item: 0 }, 'frank@sandbox_oa'],
			[{ item: 1 }, expect.objectContaining({ errcode: 65406 })],
			[{ item: 2 }, 'grace@sandbox_oa'],
		]);
		expect(result.output('Failed')).toEqual([]);
		expect(agent('grace@sandbox_oa')).toBeDefined();
	});

	it.each([
		['alice', '"Account" must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@", got "alice"'],
		['a@b@sandbox_oa', '"Account" must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@", got "a@b@sandbox_oa"'],
		['@sandbox_oa', '"Account" has no prefix before the "@" in "@sandbox_oa"'],
		['alice@', '"Account" has no Official Account WeChat ID after the "@" in "alice@"'],
		['al-ice@sandbox_oa', '"Account" prefix "al-ice" may contain only letters, digits and underscores'],
		['客服@sandbox_oa', '"Account" prefix "客服" may contain only letters, digits and underscores'],
		[`alice@${'x'.repeat(31)}`, `"Account" suffix "${'x'.repeat(31)}" is not an Official Account WeChat ID (at most 30 characters, no spaces)`],
		['', '"Account" is required but empty'],
	])('rejects the account %j before any request', async (kfAccount, message) => {
		const wf = withItems(stopOnError(loadWorkflow('account-create.workflow.json'), 'Create Account'), [
			{ kfAccount, nickname: 'Nick' },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe(message);
		expect(ctx.sb.requests).toEqual([]);
	});

	it('counts a Chinese character and an emoji (even a ZWJ family) as one character of the 16', async () => {
		const sixteen = '客服👨‍👩‍👧‍👦小美🌸abcdefghij';
		const wf = withItems(loadWorkflow('account-create.workflow.json'), [
			{ kfAccount: 'ivan@sandbox_oa', nickname: sixteen },
			{ kfAccount: 'judy@sandbox_oa', nickname: `${sixteen}!` },
			{ kfAccount: 'ken@sandbox_oa', nickname: '   ' },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Succeeded')).toEqual([{ kf_account: 'ivan@sandbox_oa', operation: 'create', success: true }]);
		expect(result.json('Failed')).toEqual([
			{
				kfAccount: 'judy@sandbox_oa',
				nickname: `${sixteen}!`,
				error: '"Nickname" is 17 characters; WeChat allows at most 16 (a Chinese character or an emoji counts as one)',
			},
			{ kfAccount: 'ken@sandbox_oa', nickname: '   ', error: '"Nickname" is required but empty' },
		]);
		expect(agent('ivan@sandbox_oa')?.kf_nick).toBe(sixteen);
	});

	it('drops errcode 0 / errmsg "ok" but keeps anything else WeChat returns', async () => {
		ctx.sb.addRoute({
			method: 'POST',
			path: '/customservice/kfaccount/add',
			handler: () => ({ json: { errcode: 0, errmsg: 'ok', kf_id: '2001', rid: 'abc' } }),
		});
		const result = await runWorkflow(loadWorkflow('account-create.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.json('Create Account')[0]).toEqual({
			kf_account: 'frank@sandbox_oa',
			operation: 'create',
			success: true,
			kf_id: '2001',
			rid: 'abc',
		});
	});

	it('hits the 100-account limit with 65405 and its hint', async () => {
		ctx.sb.state.maxAgents = 6;
		const wf = withItems(loadWorkflow('account-create.workflow.json'), [
			{ kfAccount: 'frank@sandbox_oa', nickname: 'Frank' },
			{ kfAccount: 'grace@sandbox_oa', nickname: 'Grace' },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Succeeded')).toEqual([{ kf_account: 'frank@sandbox_oa', operation: 'create', success: true }]);
		expect(result.json('Failed')[0].details).toEqual({
			errcode: 65405,
			errmsg: expect.stringMatching(/^account number reaches the limit rid: /),
			hint: 'Delete an account you no longer use (Account → Delete).',
		});
	});

	it('reports an account of another Official Account as invalid (65401) from WeChat', async () => {
		const wf = withItems(stopOnError(loadWorkflow('account-create.workflow.json'), 'Create Account'), [
			{ kfAccount: 'frank@other_oa', nickname: 'Frank' },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe(
			'The part after the @ is not this Official Account’s WeChat ID. WeChat: invalid custom service account (errcode 65401)',
		);
		expect(result.error?.description).toMatch(/^A new account is prefix@OfficialAccountWeChatID with this Official Account’s WeChat ID .* rid: \S+$/);
	});
});

describe('Account: Update', () => {
	it('sends the nickname and the MD5 hex of a plain legacy password', async () => {
		const result = await runWorkflow(loadWorkflow('account-update.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.output('Succeeded')).toEqual([
			{ json: { kf_account: 'alice@sandbox_oa', operation: 'update', success: true }, pairedItem: { item: 0 } },
		]);
		const md5 = createHash('md5').update('p@ssw0rd').digest('hex');
		expect(md5).toBe('0f359740bd1cda994f8b55330c86d845');
		expect(wechatCalls('/customservice/kfaccount/update')).toEqual([
			{
				method: 'POST',
				rawQuery: expect.stringMatching(TOKEN_QUERY),
				json: { kf_account: 'alice@sandbox_oa', nickname: '美美 🌸 客服', password: md5 },
			},
		]);
		expect(agent('alice@sandbox_oa')?.kf_nick).toBe('美美 🌸 客服');
	});

	it('sends an MD5 digest as given when "Password Is Plain" is off, and rejects anything else', async () => {
		const base = stopOnError(loadWorkflow('account-update.workflow.json'), 'Update Account');
		const digest = 'ABCDEF0123456789ABCDEF0123456789';
		let result = await runWorkflow(
			withParams(base, 'Update Account', { additionalFields: { password: digest, passwordIsPlain: false } }),
			sandboxCredential(ctx.sb),
		);
		expect(result.error).toBeUndefined();
		expect(ctx.sb.requestsTo('/customservice/kfaccount/update')[0].json).toEqual({
			kf_account: 'alice@sandbox_oa',
			nickname: '美美 🌸 客服',
			password: digest.toLowerCase(),
		});
		result = await runWorkflow(
			withParams(base, 'Update Account', { additionalFields: { password: 'plain', passwordIsPlain: false } }),
			sandboxCredential(ctx.sb),
		);
		expect(result.error?.message).toBe(
			'"Password (Legacy)" must be a 32-character MD5 hex digest when "Password Is Plain" is off',
		);
		expect(ctx.sb.requestsTo('/customservice/kfaccount/update')).toHaveLength(1);
	});

	it('sends no password field when none is given', async () => {
		const wf = withParams(loadWorkflow('account-update.workflow.json'), 'Update Account', { additionalFields: {} });
		await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(ctx.sb.requestsTo('/customservice/kfaccount/update')[0].json).toEqual({
			kf_account: 'alice@sandbox_oa',
			nickname: '美美 🌸 客服',
		});
	});

	it('sends an unknown account to the error output with 65401', async () => {
		const wf = withParams(loadWorkflow('account-update.workflow.json'), 'Update Account', { kfAccount: 'nobody@sandbox_oa' });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Succeeded')).toEqual([]);
		expect(result.json('Failed')[0].details).toMatchObject({ errcode: 65401 });
	});
});

describe('Account: Delete', () => {
	it('POSTs {"kf_account"} as JSON (current docs), nothing in the query, and the account is gone', async () => {
		const result = await runWorkflow(loadWorkflow('account-delete.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.output('Succeeded')).toEqual([
			{ json: { kf_account: 'dave@sandbox_oa', operation: 'delete', success: true }, pairedItem: { item: 0 } },
		]);
		expect(wechatCalls('/customservice/kfaccount/del')).toEqual([
			{ method: 'POST', rawQuery: expect.stringMatching(TOKEN_QUERY), json: { kf_account: 'dave@sandbox_oa' } },
		]);
		expect(ctx.sb.requestsTo('/customservice/kfaccount/del')[0].headers['content-type']).toBe(
			'application/json; charset=utf-8',
		);
		expect(agent('dave@sandbox_oa')).toBeUndefined();
	});

	it('the sandbox accepts only that form: legacy GET → 43002, query-only POST → 44002, body without kf_account → 65401', async () => {
		expect(await rawErrcode(ctx.sb, 'GET', '/customservice/kfaccount/del?kf_account=dave@sandbox_oa')).toBe(43002);
		expect(await rawErrcode(ctx.sb, 'POST', '/customservice/kfaccount/del?kf_account=dave@sandbox_oa')).toBe(44002);
		expect(await rawErrcode(ctx.sb, 'POST', '/customservice/kfaccount/del?kf_account=dave@sandbox_oa', '{}')).toBe(65401);
		expect(await rawErrcode(ctx.sb, 'POST', '/customservice/kfaccount/del', 'kf_account=dave@sandbox_oa')).toBe(47001);
		expect(ctx.sb.state.agents.some((a) => a.kf_account === 'dave@sandbox_oa')).toBe(true);
		expect(await rawErrcode(ctx.sb, 'POST', '/customservice/kfaccount/del', '{"kf_account":"dave@sandbox_oa"}')).toBe(0);
		expect(ctx.sb.state.agents.some((a) => a.kf_account === 'dave@sandbox_oa')).toBe(false);
	});

	it('deletes a batch where one account does not exist: the error output gets that one', async () => {
		const wf = withItems(loadWorkflow('account-delete.workflow.json'), [
			{ kfAccount: 'dave@sandbox_oa' },
			{ kfAccount: 'dave@sandbox_oa' },
			{ kfAccount: 'erin@sandbox_oa' },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.output('Delete Account', 0).map((i) => [i.pairedItem, i.json.kf_account])).toEqual([
			[{ item: 0 }, 'dave@sandbox_oa'],
			[{ item: 2 }, 'erin@sandbox_oa'],
		]);
		expect(result.output('Delete Account', 1).map((i) => [i.pairedItem, (i.json.details as { errcode: number }).errcode])).toEqual([
			[{ item: 1 }, 65401],
		]);
		expect(result.json('Succeeded').map((j) => j.kf_account)).toEqual(['dave@sandbox_oa', 'erin@sandbox_oa']);
		expect(result.json('Failed').map((j) => j.kfAccount)).toEqual(['dave@sandbox_oa']);
	});
});

describe('Account: Invite', () => {
	it('invites a WeChat user; getkflist then shows the waiting invitation for 7 days', async () => {
		const before = ctx.sb.clock.now();
		const result = await runWorkflow(loadWorkflow('account-invite.workflow.json'), sandboxCredential(ctx.sb));
		const after = ctx.sb.clock.now();
		expect(result.output('Succeeded')).toEqual([
			{ json: { kf_account: 'dave@sandbox_oa', operation: 'invite', success: true }, pairedItem: { item: 0 } },
		]);
		expect(wechatCalls('/customservice/kfaccount/inviteworker')).toEqual([
			{
				method: 'POST',
				rawQuery: expect.stringMatching(TOKEN_QUERY),
				json: { kf_account: 'dave@sandbox_oa', invite_wx: 'dave_wx_01' },
			},
		]);
		expect(agent('dave@sandbox_oa')).toMatchObject({ invite_wx: 'dave_wx_01', invite_status: 'waiting' });
		// Seven days from the invitation, whichever second of the run the sandbox received it in.
		const expiry = agent('dave@sandbox_oa')?.invite_expire_time as number;
		expect(expiry - 7 * 86400).toBeGreaterThanOrEqual(before);
		expect(expiry - 7 * 86400).toBeLessThanOrEqual(after);
	});

	it('maps every refusal to its code: bound, pending, already invited, already a worker, invalid ID, too many', async () => {
		ctx.sb.state.overboundWorkers.add('busy_worker');
		const wf = withItems(loadWorkflow('account-invite.workflow.json'), [
			{ kfAccount: 'alice@sandbox_oa', inviteWx: 'someone_new' },
			{ kfAccount: 'erin@sandbox_oa', inviteWx: 'someone_new' },
			{ kfAccount: 'erin@sandbox_oa', inviteWx: 'erin_wx' },
			{ kfAccount: 'dave@sandbox_oa', inviteWx: 'bob_wx' },
			{ kfAccount: 'dave@sandbox_oa', inviteWx: 'erin_wx' },
			{ kfAccount: 'dave@sandbox_oa', inviteWx: '1bad' },
			{ kfAccount: 'dave@sandbox_oa', inviteWx: 'busy_worker' },
			{ kfAccount: 'dave@sandbox_oa', inviteWx: '  ' },
		]);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Succeeded')).toEqual([]);
		const failed = result.json('Failed');
		expect(failed.slice(0, 7).map((j) => (j.details as { errcode: number }).errcode)).toEqual([
			65412, 65411, 65408, 65407, 65408, 65409, 65410,
		]);
		expect((failed[1].details as { hint: string }).hint).toBe(
			'Wait for it to be accepted, rejected or to expire; Agent → Get Many shows invite_status.',
		);
		expect(failed[7]).toEqual({
			kfAccount: 'dave@sandbox_oa',
			inviteWx: '  ',
			error: '"WeChat ID to Invite" is required but empty',
		});
		expect(ctx.sb.requestsTo('/customservice/kfaccount/inviteworker')).toHaveLength(7);
	});

	it('can invite again once the invitation was rejected or has expired', async () => {
		ctx.sb.state.answerInvite('erin@sandbox_oa', 'reject');
		const wf = withItems(loadWorkflow('account-invite.workflow.json'), [{ kfAccount: 'erin@sandbox_oa', inviteWx: 'erin_wx_2' }]);
		expect((await runWorkflow(wf, sandboxCredential(ctx.sb))).json('Succeeded')).toHaveLength(1);
		ctx.sb.clock.advance(7 * 86400 + 1);
		const getkflist = ctx.sb.state.agents.find((a) => a.kf_account === 'erin@sandbox_oa');
		ctx.sb.state.expireInvites();
		expect(getkflist?.invite_status).toBe('expired');
		const again = withItems(loadWorkflow('account-invite.workflow.json'), [{ kfAccount: 'erin@sandbox_oa', inviteWx: 'erin_wx_3' }]);
		expect((await runWorkflow(again, sandboxCredential(ctx.sb))).json('Succeeded')).toHaveLength(1);
		ctx.sb.state.answerInvite('erin@sandbox_oa', 'accept');
		expect(agent('erin@sandbox_oa')).toMatchObject({ kf_wx: 'erin_wx_3' });
		expect(agent('erin@sandbox_oa')?.invite_status).toBeUndefined();
	});
});
