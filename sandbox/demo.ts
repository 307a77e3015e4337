import { demoRecords, type NewRecord } from './records';
import { seedDemoAvatars } from './avatars';
import { SERVICE_WINDOW_SECONDS, seedDemoConversations } from './conversations';
import type { SandboxContext } from './types';

/** How long a demo can run and still answer every customer of the chat records. */
const DEMO_RUN_SECONDS = 24 * 3600;
const GREETING_AGAIN = '你好，还在吗？';

/**
 * Every customer of the demo chat records can be answered (Message → Send): one who last wrote
 * too long ago for the 48-hour window to stay open through a day-long demo writes once more,
 * within the last hour, and that message is a chat record too.
 */
function answerableCustomers(sb: SandboxContext, records: NewRecord[]): NewRecord[] {
	const now = sb.clock.now();
	const lastWrote = new Map<string, number>();
	for (const r of records) {
		const wrote = r.opercode === 2001 || r.opercode === 2003 ? r.time : 0;
		lastWrote.set(r.openid, Math.max(lastWrote.get(r.openid) ?? 0, wrote));
	}
	const again: NewRecord[] = [];
	[...lastWrote.keys()].sort().forEach((openid, i) => {
		let at = lastWrote.get(openid) ?? 0;
		if (now - at > SERVICE_WINDOW_SECONDS - DEMO_RUN_SECONDS) {
			at = now - 300 - i * 97;
			again.push({ time: at, worker: '', openid, opercode: 2001, text: GREETING_AGAIN });
		}
		sb.state.conversations.customerWrites(openid, at, openid, { waits: false });
	});
	return [...records, ...again];
}

/** Realistic demo data: a handful of agents, some online. Features add their own demo data. */
export function seedDemo(sb: SandboxContext): void {
	const oa = sb.state.officialAccountId;
	const agents = [
		{ prefix: 'alice', nick: '客服小美', wx: 'alice_wx', size: '0' },
		{ prefix: 'bob', nick: 'Bob 🐻', wx: 'bob_wx', size: '132' },
		{ prefix: 'carol', nick: 'Carol', wx: 'carol_wx', size: '96' },
		{ prefix: 'dave', nick: '大卫', wx: '', size: '' },
		{ prefix: 'erin', nick: 'Erin', wx: '', size: '64' },
	];
	agents.forEach((a, i) => {
		const kfId = String(1001 + i);
		sb.state.agents.push({
			kf_account: `${a.prefix}@${oa}`,
			kf_nick: a.nick,
			kf_id: kfId,
			kf_headimgurl: a.size ? `${sb.url}/mmhead/${kfId}/${a.size}` : '',
			...(a.wx ? { kf_wx: a.wx } : {}),
			...(a.prefix === 'erin'
				? { invite_wx: 'erin_wx', invite_expire_time: sb.clock.now() + 7 * 86400, invite_status: 'waiting' as const }
				: {}),
		});
	});
	sb.state.online.set(`alice@${oa}`, { status: 1, auto_accept: 10, accepted_case: 2 });
	sb.state.online.set(`bob@${oa}`, { status: 3, auto_accept: 5, accepted_case: 0 });
	sb.state.online.set(`carol@${oa}`, { status: 2, auto_accept: 8, accepted_case: 1 });
	seedDemoConversations(sb.state.conversations, sb.clock.now(), oa);
	seedDemoAvatars(sb);
	sb.state.records.add(answerableCustomers(sb, demoRecords(sb.clock.now(), [`alice@${oa}`, `bob@${oa}`, `carol@${oa}`])));
}
