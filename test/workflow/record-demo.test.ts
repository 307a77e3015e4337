import { MSG_LIST_PATH } from '../../sandbox/routes/records';
import { withParams } from '../helpers/patch';
import { sandboxCredential, useSandbox } from '../helpers/sandbox';
import { loadWorkflow, runWorkflow } from '../helpers/workflow';

const ctx = useSandbox('demo');

describe('Record: Get Many on the demo sandbox (what `npm start` shows)', () => {
	it('returns last week’s few hundred demo records, every opercode named', async () => {
		const weekAgo = new Date((ctx.sb.clock.now() - 7 * 86400) * 1000).toISOString();
		const wf = withParams(loadWorkflow('record-get-many.workflow.json'), 'Chat Records', { startTime: weekAgo, endTime: '' });
		const result = await runWorkflow(wf, sandboxCredential(ctx.sb));
		expect(result.error).toBeUndefined();
		const items = result.json('Chat Records');
		expect(items).toHaveLength(ctx.sb.state.records.size);
		expect(items.length).toBeGreaterThan(200);
		expect(items.length).toBeLessThan(1000);
		expect(new Set(items.map((j) => j.operation))).toEqual(
			new Set([
				'accountReceived',
				'sessionCreatedUnaccepted',
				'sessionAccepted',
				'sessionGrabbed',
				'sessionInitiated',
				'agentSent',
				'agentReceived',
				'sessionClosed',
			]),
		);
		expect(items.every((j) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(String(j.time_iso)))).toBe(true);
		// 7 full 24 h windows from a week ago, and the seconds up to now.
		expect(ctx.sb.requestsTo(MSG_LIST_PATH)).toHaveLength(8);
	});
});
