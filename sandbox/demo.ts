import { demoRecords } from './records';
import { seedDemoAvatars } from './avatars';
import { seedDemoConversations } from './conversations';
import type { SandboxContext } from './types';

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
	sb.state.records.add(demoRecords(sb.clock.now(), [`alice@${oa}`, `bob@${oa}`, `carol@${oa}`]));
}
