import { loadWorkflow, runWorkflow } from '../helpers/workflow';
import { withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { LI, WANG, HAN, TOM, ZHAO, ALICE } from '../helpers/demo';

const ctx = useSandbox('demo');

/** What createtime_iso must read in Asia/Shanghai (UTC+8 all year). */
const shanghaiIso = (unix: number) => `${new Date((unix + 8 * 3600) * 1000).toISOString().slice(0, 19)}+08:00`;

function inShanghai<T extends { settings?: object }>(wf: T): T {
	return { ...wf, settings: { ...wf.settings, timezone: 'Asia/Shanghai' } };
}

function apiRequests() {
	return ctx.sb.requests.filter((r) => !r.path.endsWith('_token') && r.path !== '/cgi-bin/token');
}

describe('Session: Get Waiting', () => {
	it('gives one item per waiting customer, longest-waiting first, each with the total count', async () => {
		const now = ctx.sb.clock.now();
		const result = await runWorkflow(loadWorkflow('session-get-waiting.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const items = result.output('Waiting Customers');
		expect(items.map((i) => i.json.openid)).toEqual([LI, HAN, TOM]);
		expect(items.map((i) => i.json.count)).toEqual([3, 3, 3]);
		expect(Object.keys(items[0].json)).toEqual(['openid', 'latest_time', 'count']);
		expect(Math.abs((items[0].json.latest_time as number) - (now - 42 * 60))).toBeLessThanOrEqual(1);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(apiRequests().map((r) => `${r.method} ${r.path}?${r.rawQuery.replace(/access_token=[^&]*/, 'access_token=T')}`)).toEqual([
			'GET /customservice/kfsession/getwaitcase?access_token=T',
		]);
	});

	it('reports the total count on each item even when WeChat lists only the first 100', async () => {
		const base = ctx.sb.clock.now() - 3600;
		for (let i = 0; i < 120; i++) ctx.sb.state.conversations.customerWrites(`oQueue_${String(i).padStart(3, '0')}`, base + i);
		const result = await runWorkflow(loadWorkflow('session-get-waiting.workflow.json'), sandboxCredential(ctx.sb));
		const items = result.json('Waiting Customers');
		expect(items).toHaveLength(100);
		expect(items.slice(0, 3).map((i) => i.openid)).toEqual([LI, HAN, TOM]);
		expect(items[99].openid).toBe('oQueue_096');
		expect(new Set(items.map((i) => i.count))).toEqual(new Set([123]));
	});

	it('gives no items when nobody waits', async () => {
		ctx.sb.state.conversations.waiting = [];
		const result = await runWorkflow(loadWorkflow('session-get-waiting.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Waiting Customers')).toEqual([]);
	});
});

describe('Session: assign the waiting customers to an online agent and greet them', () => {
	it('creates the sessions, empties the queue and sends the greeting as the agent', async () => {
		const result = await runWorkflow(loadWorkflow('session-assign-and-greet.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Assign to Alice')).toEqual([
			{ json: { success: true, kf_account: ALICE, openid: LI }, pairedItem: { item: 0 } },
			{ json: { success: true, kf_account: ALICE, openid: HAN }, pairedItem: { item: 1 } },
			{ json: { success: true, kf_account: ALICE, openid: TOM }, pairedItem: { item: 2 } },
		]);
		expect(result.json('Greet')).toEqual([LI, HAN, TOM].map((openid) => ({ success: true, openid, msgtype: 'text', kf_account: ALICE })));
		const creates = ctx.sb.requestsTo('/customservice/kfsession/create');
		expect(creates.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
		const waitingSince = result.json('Waiting Customers').map((i) => i.latest_time);
		expect(creates.map((r) => r.json)).toEqual([LI, HAN, TOM].map((openid, n) => ({
			kf_account: ALICE,
			openid,
			text: `Waiting since ${waitingSince[n]}`,
		})));
		expect(ctx.sb.requestsTo('/cgi-bin/message/custom/send').map((r) => r.json)).toEqual(
			[LI, HAN, TOM].map((openid) => ({
				touser: openid,
				msgtype: 'text',
				text: { content: '您好，我是客服小美 👋 有什么可以帮您？' },
				customservice: { kf_account: ALICE },
			})),
		);
		const conv = ctx.sb.state.conversations;
		expect(conv.waiting).toEqual([]);
		expect(conv.sessionsOf(ALICE).map((s) => s.openid)).toEqual([WANG, ZHAO, LI, HAN, TOM]);
		expect(ctx.sb.state.online.get(ALICE)?.accepted_case).toBe(5);
		expect(ctx.sb.tokenRequests()).toHaveLength(1);
	});
});

describe('Session: Create', () => {
	it('sends kf_account and openid only when no note is given, and takes the customer off the queue', async () => {
		const result = await runWorkflow(loadWorkflow('session-create.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Create Session')).toEqual([
			{ json: { success: true, kf_account: ALICE, openid: LI }, pairedItem: { item: 0 } },
		]);
		const [req] = ctx.sb.requestsTo('/customservice/kfsession/create');
		expect(req.method).toBe('POST');
		expect(req.json).toEqual({ kf_account: ALICE, openid: LI });
		expect(ctx.sb.state.conversations.waiting.map((w) => w.openid)).toEqual([HAN, TOM]);
		expect(ctx.sb.state.conversations.sessions.get(LI)?.kf_account).toBe(ALICE);
	});

	it('answers 0 when the agent already serves the customer', async () => {
		const wf = withParams(loadWorkflow('session-create.workflow.json'), 'Create Session', { openid: WANG });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.json('Create Session')).toEqual([{ success: true, kf_account: ALICE, openid: WANG }]);
	});

	const refusals: Array<[string, Record<string, unknown>, () => void, number, string, string]> = [
		['an agent who is offline', { kfAccount: 'bob@sandbox_oa' }, () => ctx.sb.state.online.delete('bob@sandbox_oa'), 65415, 'This agent is not online.', 'Agent → Get Online lists who is online'],
		['an agent not bound to a WeChat user', { kfAccount: 'dave@sandbox_oa' }, () => ctx.sb.state.online.set('dave@sandbox_oa', { status: 1, auto_accept: 5, accepted_case: 0 }), 65402, 'This customer-service account is not bound to a WeChat user yet.', 'Invite the agent’s own WeChat with Account → Invite'],
		['a customer another agent serves', { kfAccount: 'carol@sandbox_oa', openid: WANG }, () => undefined, 65414, 'Another agent is already serving this customer.', 'Close that session first'],
		['an unknown account', { kfAccount: 'zoe@sandbox_oa' }, () => undefined, 65401, 'No such customer-service account exists on this Official Account.', 'Agent → Get Many lists the accounts'],
		['an unknown openid', { openid: 'oNobody_123' }, () => undefined, 40003, 'This openid does not belong to a customer of this Official Account.', 'take it from this account’s messages'],
	];
	it.each(refusals)('refuses %s with what happened, WeChat’s words, the errcode and a hint', async (_what, params, arrange, errcode, what, hint) => {
		arrange();
		const wf = withParams(loadWorkflow('session-create.workflow.json'), 'Create Session', params);
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message.startsWith(`${what} WeChat: `)).toBe(true);
		expect(result.error?.message).toMatch(new RegExp(`\\(errcode ${errcode}\\)$`));
		expect(result.error?.description).toContain(hint);
		expect(result.error?.description).not.toContain(what);
		expect(ctx.sb.requestsTo('/customservice/kfsession/create')).toHaveLength(1);
		expect(ctx.sb.state.conversations.waiting.map((w) => w.openid)).toEqual([LI, HAN, TOM]);
	});

	it('rejects an account without its @suffix before sending anything', async () => {
		const wf = withParams(loadWorkflow('session-create.workflow.json'), 'Create Session', { kfAccount: 'alice' });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe(
			'"Agent Account" must be the full account "prefix@OfficialAccountWeChatID" with exactly one "@", got "alice"',
		);
		expect(apiRequests()).toEqual([]);
	});

	it('rejects an empty openid before sending anything', async () => {
		const wf = withParams(loadWorkflow('session-create.workflow.json'), 'Create Session', { openid: '  ' });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('"Customer OpenID" is required but empty');
		expect(apiRequests()).toEqual([]);
	});
});

describe('Session: Close', () => {
	it('closes the agent’s session with the customer', async () => {
		const result = await runWorkflow(loadWorkflow('session-close.workflow.json'), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output('Close Session')).toEqual([
			{ json: { success: true, kf_account: ALICE, openid: WANG }, pairedItem: { item: 0 } },
		]);
		const [req] = ctx.sb.requestsTo('/customservice/kfsession/close');
		expect(req.method).toBe('POST');
		expect(req.json).toEqual({ kf_account: ALICE, openid: WANG });
		expect(ctx.sb.state.conversations.sessions.has(WANG)).toBe(false);
		expect(ctx.sb.state.online.get(ALICE)?.accepted_case).toBe(1);
	});

	it('answers 65413 when that agent has no session with the customer', async () => {
		const wf = withParams(loadWorkflow('session-close.workflow.json'), 'Close Session', { openid: LI });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('This customer has no open session with this agent. WeChat: no effective session for the client (errcode 65413)');
		expect(result.error?.description).toMatch(/^There is nothing to close\..* rid: \S+$/);
		expect((result.error as { description?: string }).description).toContain('Session → Get shows who serves the customer');
	});
});

describe('Session: Get', () => {
	it('names the agent serving the customer, with the openid in the item', async () => {
		const result = await runWorkflow(inShanghai(loadWorkflow('session-get.workflow.json')), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const createtime = ctx.sb.state.conversations.sessions.get(WANG)!.createtime;
		expect(result.output('Get Session')).toEqual([
			{
				json: { openid: WANG, kf_account: ALICE, createtime, createtime_iso: shanghaiIso(createtime) },
				pairedItem: { item: 0 },
			},
		]);
		const [req] = ctx.sb.requestsTo('/customservice/kfsession/getsession');
		expect(req.method).toBe('GET');
		expect(req.rawQuery).toMatch(new RegExp(`^openid=${WANG}&access_token=`));
	});

	it('gives kf_account "" when nobody serves the customer', async () => {
		const wf = withParams(loadWorkflow('session-get.workflow.json'), 'Get Session', { openid: LI });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.json('Get Session')).toEqual([{ openid: LI, kf_account: '', createtime: 0, createtime_iso: '' }]);
	});

	it('answers 40003 with a hint for an openid the account does not know', async () => {
		const wf = withParams(loadWorkflow('session-get.workflow.json'), 'Get Session', { openid: 'oSomeoneElse' });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error?.message).toBe('This openid does not belong to a customer of this Official Account. WeChat: invalid openid (errcode 40003)');
		expect(result.error?.description).toMatch(/^A user’s openid differs for each Official Account.* rid: \S+$/);
	});
});

describe('Session: Get Many', () => {
	it('gives one item per session of the agent, each with kf_account, keeping @ literal in the query', async () => {
		const result = await runWorkflow(inShanghai(loadWorkflow('session-get-many.workflow.json')), sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const sessions = ctx.sb.state.conversations.sessionsOf(ALICE);
		expect(result.output("Alice's Sessions")).toEqual(
			sessions.map((s) => ({
				json: { kf_account: ALICE, openid: s.openid, createtime: s.createtime, createtime_iso: shanghaiIso(s.createtime) },
				pairedItem: { item: 0 },
			})),
		);
		expect(sessions.map((s) => s.openid)).toEqual([WANG, ZHAO]);
		const [req] = ctx.sb.requestsTo('/customservice/kfsession/getsessionlist');
		expect(req.method).toBe('GET');
		expect(req.rawQuery).toMatch(/^kf_account=alice@sandbox_oa&access_token=/);
	});

	it('gives no items for an agent without sessions', async () => {
		const wf = withParams(loadWorkflow('session-get-many.workflow.json'), "Alice's Sessions", { kfAccount: 'bob@sandbox_oa' });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		expect(result.output("Alice's Sessions")).toEqual([]);
	});
});
