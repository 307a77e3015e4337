import type { KfSandbox } from '../../sandbox';
import { msgList } from '../../sandbox/routes/records';
import type { ReceivedRequest } from '../../sandbox/types';

type MsgListAnswer = { json: { recordlist: unknown[]; number: number; msgid: number } };

/**
 * Test-only getmsglist: the sandbox's own answer, handed to `tamper` (with the request and how
 * many answers were served, from 1) before it goes out, to mimic a misbehaving server or to
 * change the sandbox between pages.
 */
export function tamperMsgList(
	sb: KfSandbox,
	tamper: (answer: MsgListAnswer, req: ReceivedRequest, served: number) => void,
): void {
	let served = 0;
	sb.addRoute({
		method: 'POST',
		path: '/customservice/msgrecord/getmsglist',
		handler: (req, box) => {
			const answer = msgList(req, box) as MsgListAnswer;
			tamper(answer, req, ++served);
			return answer;
		},
	});
}
