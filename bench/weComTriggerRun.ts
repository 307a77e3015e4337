// One measured run of bench/weComTrigger.ts, in its own process so that its peak memory is its own:
// the trigger (or n8n's floor, a stub with the trigger's description whose webhook() answers and
// returns the same items without decrypting or pulling) behind the jest harness's HTTP server, run
// the way n8n's live webhooks run it. One warm-up callback (the demo account's few messages), then
// the sandbox (another process, as WeCom is remote) is asked for one callback for the bench account;
// the clock runs from that request until webhook() has returned the last item. After the floor's
// measurement, a bare loop (fetch + JSON.parse of the same sync_msg pages, with that callback's
// Token) times what the remote server and the bytes cost alone.
// Prints one JSON line (RunResult) on stdout.
// Usage: node build-dev/bench/weComTriggerRun.js <trigger|floor> <sandbox url> <items>
import './setup-env';

import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { WeComCustomerServiceTrigger } from '../nodes/WeComCustomerService/WeComCustomerServiceTrigger.node';
import { SANDBOX_WECOM, SANDBOX_WECOM_PATHS, WECOM_DEMO, type KfSandbox } from '../sandbox';
import { TriggerHarness } from '../test/wecom/trigger.harness';

export type RunMode = 'trigger' | 'floor';

/** The account the parent seeds with the bench's messages. */
export const BENCH_OPEN_KFID = `wk${'TriggerBench'.padEnd(30, '0')}`;

export interface RunResult {
	mode: RunMode;
	items: number;
	/** From asking for the callback to webhook() returning the last item. */
	lastItemMs: number;
	/** From asking for the callback to WeCom getting "success". */
	answerMs: number;
	/** process.resourceUsage().maxRSS at the end, MB. */
	peakRssMB: number;
	/** Highest heapUsed sampled every 5 ms during the measured callback, MB. */
	peakHeapMB: number;
	/** RSS and heapUsed just before the measured callback, MB. */
	baseRssMB: number;
	baseHeapMB: number;
	/** heapUsed after the callback and a full GC, above baseHeapMB, the items still held by the harness, MB. */
	heldHeapMB: number;
	/** The first item with its values replaced by their types: trigger and floor must agree. */
	shape: string;
	/** Each msgid once, send_time never going back. */
	uniqueInOrder: boolean;
	/** Floor runs: the bare sync_msg loop, ms, and the messages it read. */
	bareMs?: number;
	bareMessages?: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

async function post(url: string, path: string, body: object): Promise<IDataObject> {
	const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
	return (await res.json()) as IDataObject;
}

/** How many items the floor's next webhook() returns. */
let floorItems = 0;

/** n8n's floor: answers WeCom as the trigger does, then returns `floorItems` items of the trigger's shape. */
async function floorWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const res = this.getResponseObject();
	res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
	res.end('success');
	const start = Math.floor(Date.now() / 1000) - floorItems;
	const items: INodeExecutionData[] = new Array(floorItems);
	for (let i = 0; i < floorItems; i++) {
		const sendTime = start + i;
		items[i] = {
			json: {
				msgid: `floor${String(i).padStart(27, '0')}`,
				open_kfid: BENCH_OPEN_KFID,
				external_userid: `wmBenchCustomer${String(i % 100).padStart(17, '0')}`,
				send_time: sendTime,
				send_time_iso: new Date((sendTime + 8 * 3600) * 1000).toISOString().replace('.000Z', '+08:00'),
				origin: 3,
				origin_name: 'customer',
				msgtype: 'text',
				text: { content: `第 ${i} 条：请问我的订单什么时候发货？` },
			},
		};
	}
	return { noWebhookResponse: true, workflowData: [items] };
}

function shapeOf(value: unknown): unknown {
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
	return typeof value;
}

function uniqueInOrder(items: IDataObject[]): boolean {
	const ids = new Set(items.map((i) => i.msgid));
	return ids.size === items.length && items.every((item, n) => n === 0 || Number(item.send_time) >= Number(items[n - 1].send_time));
}

/** gettoken (not timed), then sync_msg pages of 1000 from no cursor until has_more is 0: [ms, messages]. */
async function bareLoop(url: string, token: string): Promise<[number, number]> {
	const query = new URLSearchParams({ corpid: SANDBOX_WECOM.corpId, corpsecret: SANDBOX_WECOM.secret });
	const { access_token: accessToken } = (await (await fetch(`${url}/cgi-bin/gettoken?${query}`)).json()) as { access_token: string };
	const started = performance.now();
	let cursor = '';
	let messages = 0;
	for (let more = 1; more === 1; ) {
		const page = (await post(url, `/cgi-bin/kf/sync_msg?access_token=${accessToken}`, { open_kfid: BENCH_OPEN_KFID, cursor, token, limit: 1000 })) as unknown as {
			errcode: number;
			next_cursor: string;
			has_more: number;
			msg_list: unknown[];
		};
		if (page.errcode !== 0) throw new Error(`bare sync_msg: ${JSON.stringify(page)}`);
		[cursor, more, messages] = [page.next_cursor, page.has_more, messages + page.msg_list.length];
	}
	return [performance.now() - started, messages];
}

async function callback(harness: TriggerHarness, url: string, openKfId: string): Promise<[number, number, string]> {
	const started = performance.now();
	const delivery = await post(url, SANDBOX_WECOM_PATHS.callback, { open_kfid: openKfId, retryIntervalMs: 0 });
	const answered = performance.now() - started;
	await harness.idle();
	const last = performance.now() - started;
	if (delivery.acknowledged !== true) throw new Error(`the callback was not acknowledged: ${JSON.stringify(delivery.attempts)}`);
	return [last, answered, String(delivery.token)];
}

async function run(mode: RunMode, url: string, expected: number): Promise<RunResult> {
	if (mode === 'floor') WeComCustomerServiceTrigger.prototype.webhook = floorWebhook;
	// The harness reads only the sandbox's url and sets the callback URL on its state: here the sandbox is remote.
	const remote = { url, state: { wecom: { demoCorp: {} } } } as unknown as KfSandbox;
	const harness = await new TriggerHarness(remote, { startFrom: 'oldestAvailable' }).start();
	try {
		await post(url, SANDBOX_WECOM_PATHS.callbackConfig, { url: harness.url });
		await harness.activate();
		floorItems = 5;
		await callback(harness, url, WECOM_DEMO.accounts.afterSales);
		harness.executions = [];
		global.gc?.();
		const base = process.memoryUsage();
		let peakHeap = base.heapUsed;
		const timer = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
		floorItems = expected;
		const [lastItemMs, answerMs, token] = await callback(harness, url, BENCH_OPEN_KFID);
		clearInterval(timer);
		peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
		const peakRssMB = mb(process.resourceUsage().maxRSS * 1024);
		const items = harness.items;
		// What the trigger logged, for the parent's error when the items are not all there.
		if (items.length !== expected) process.stderr.write(`${harness.logs.join('\n')}\n`);
		global.gc?.();
		const heldHeapMB = mb(process.memoryUsage().heapUsed - base.heapUsed);
		const [bareMs, bareMessages] = mode === 'floor' ? await bareLoop(url, token) : [];
		return {
			mode,
			items: items.length,
			lastItemMs,
			answerMs,
			peakRssMB,
			peakHeapMB: mb(peakHeap),
			baseRssMB: mb(base.rss),
			baseHeapMB: mb(base.heapUsed),
			heldHeapMB,
			shape: JSON.stringify(shapeOf(items[0])),
			uniqueInOrder: uniqueInOrder(items),
			bareMs,
			bareMessages,
		};
	} finally {
		await harness.stop();
	}
}

if (require.main === module) {
	const [mode, url, items] = process.argv.slice(2);
	run(mode as RunMode, url, Number(items))
		.then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
		.catch((error: unknown) => {
			console.error(error);
			process.exit(1);
		});
}
