import { SERVICE_WINDOW_SECONDS } from '../../sandbox/conversations';
import { withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow } from '../helpers/workflow';

const ctx = useSandbox('demo');

describe('Demo data (what `npm start` shows): the customers of the chat records can be answered', () => {
	it('gives every record customer a 48-hour window that stays open for a day, and Message → Send reaches each', async () => {
		const weekAgo = new Date((ctx.sb.clock.now() - 7 * 86400) * 1000).toISOString();
		const records = await runWorkflow(
			withParams(loadWorkflow('record-get-many.workflow.json'), 'Chat Records', { startTime: weekAgo, endTime: '' }),
			sandboxCredential(ctx.sb),
		);
		expect(records.error).toBeUndefined();
		const customers = [...new Set(records.json('Chat Records').map((j) => String(j.openid)))];
		expect(customers.length).toBeGreaterThan(10);
		const now = ctx.sb.clock.now();
		for (const openid of customers) {
			const customer = ctx.sb.state.conversations.customers.get(openid);
			expect(now - (customer?.lastMessageAt ?? 0)).toBeLessThanOrEqual(SERVICE_WINDOW_SECONDS - 24 * 3600);
		}
		// A day later every one of them can still be answered.
		ctx.sb.clock.advance(24 * 3600 - 60);
		for (const openid of customers) {
			const sent = await runWorkflow(withParams(loadWorkflow('message-send.workflow.json'), 'Send Message', { openid }), sandboxCredential(ctx.sb));
			expect(sent.error).toBeUndefined();
		}
		expect(ctx.sb.state.conversations.sent.map((m) => m.touser)).toEqual(customers);
	});
});
