// The sandbox's chat records: compact columns kept sorted by (time, msgid), msgids increasing
// with time (not contiguous: WeChat's msgids are global), so a window query is two binary searches.

/** A chat record as WeChat returns it; the store keeps its msgid alongside. */
export interface NewRecord {
	worker: string;
	openid: string;
	opercode: number;
	time: number;
	text: string;
}

export interface GenerateOptions {
	/** Unix seconds of the first day's start. */
	start: number;
	days: number;
	perDay: number;
	/** Customers to cycle through (default 500 generated openids). */
	openids?: string[];
	/** Agents to cycle through (default 5 `agentN@sandbox_oa`). */
	workers?: string[];
}

const MESSAGE_CODES = [2001, 2002, 2003] as const;

export class RecordStore {
	msgid: number[] = [];
	time: number[] = [];
	worker: string[] = [];
	openid: string[] = [];
	opercode: number[] = [];
	text: string[] = [];
	/** The msgid the next stored record gets. */
	nextMsgid = 20165000;

	get size(): number {
		return this.time.length;
	}

	/** Appends records (any order); msgids are assigned in time order. */
	add(records: NewRecord[]): void {
		const sorted = [...records].sort((a, b) => a.time - b.time);
		const last = this.size ? this.time[this.size - 1] : -Infinity;
		if (sorted.length && sorted[0].time < last) {
			// An older record arrived late: rebuild so msgids still increase with time.
			const all = [...this.all(), ...sorted].sort((a, b) => a.time - b.time);
			this.clear();
			this.push(all);
			return;
		}
		this.push(sorted);
	}

	clear(): void {
		this.msgid = [];
		this.time = [];
		this.worker = [];
		this.openid = [];
		this.opercode = [];
		this.text = [];
	}

	private push(records: NewRecord[]): void {
		for (const r of records) {
			this.msgid.push(this.nextMsgid);
			this.nextMsgid += 1 + (this.nextMsgid % 7 === 0 ? 3 : 0);
			this.time.push(r.time);
			this.worker.push(r.worker);
			this.openid.push(r.openid);
			this.opercode.push(r.opercode);
			this.text.push(r.text);
		}
	}

	/**
	 * Fast bulk seeding: `perDay` message records on each of `days` days from `start`, evenly
	 * spread over the day, cycling customers and agents (210,000 records in well under a second).
	 */
	generate(o: GenerateOptions): void {
		const openids = o.openids ?? Array.from({ length: 500 }, (_, i) => `o_user_${String(i).padStart(4, '0')}`);
		const workers = o.workers ?? Array.from({ length: 5 }, (_, i) => `agent${i + 1}@sandbox_oa`);
		if (this.size && o.start < this.time[this.size - 1]) {
			throw new Error('generate() appends: start after the newest stored record');
		}
		// Straight into the columns, already in time order: no objects, no sort.
		for (let d = 0; d < o.days; d++) {
			const dayStart = o.start + d * 86400;
			for (let i = 0; i < o.perDay; i++) {
				const n = d * o.perDay + i;
				const opercode = MESSAGE_CODES[n % 3];
				this.msgid.push(this.nextMsgid);
				this.nextMsgid += 1 + (this.nextMsgid % 7 === 0 ? 3 : 0);
				this.time.push(dayStart + Math.floor((i * 86400) / o.perDay));
				this.worker.push(opercode === 2001 ? '' : workers[n % workers.length]);
				this.openid.push(openids[n % openids.length]);
				this.opercode.push(opercode);
				this.text.push(`message ${n}`);
			}
		}
	}

	/** Record i as WeChat returns it (its msgid is `msgid[i]`). */
	at(i: number): NewRecord {
		return { worker: this.worker[i], openid: this.openid[i], opercode: this.opercode[i], time: this.time[i], text: this.text[i] };
	}

	all(): NewRecord[] {
		return Array.from({ length: this.size }, (_, i) => this.at(i));
	}

	/** First index whose time ≥ t. */
	lowerTime(t: number): number {
		return lowerBound(this.time, t, 0, this.size);
	}

	/** Index range [from, to) of records with start ≤ time ≤ end (both inclusive, as WeChat). */
	timeRange(start: number, end: number): [number, number] {
		return [this.lowerTime(start), this.lowerTime(end + 1)];
	}

	/** First index in [from, to) whose msgid ≥ id (msgids increase along the store). */
	lowerMsgid(id: number, from: number, to: number): number {
		return lowerBound(this.msgid, id, from, to);
	}
}

function lowerBound(values: number[], target: number, from: number, to: number): number {
	let lo = from;
	let hi = to;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (values[mid] < target) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CUSTOMER_LINES = [
	'你好，我的订单还没有发货',
	'Hi, can I change my delivery address?',
	'请问周末营业吗？',
	'The app says my payment failed 😟',
	'发票怎么开？',
	'收到了，谢谢！',
	'Is there a discount for members?',
];
const AGENT_LINES = [
	'您好，请提供一下订单号',
	'Sure, please send me the new address.',
	'周末正常营业，9:00–18:00',
	'I have refunded the payment; please try again.',
	'发票可以在“我的订单”里申请',
	'不客气，祝您生活愉快！',
];

/**
 * A week of realistic conversations before `now` (a few hundred records) for the demo: a
 * customer writes (2001), a session is created (1000) and accepted (1001) or started by an
 * agent (1002), messages go both ways (2002 / 2003), and the session is closed (1004).
 */
export function demoRecords(now: number, workers: string[]): NewRecord[] {
	const rand = mulberry32(20240601);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
	const out: NewRecord[] = [];
	const customers = Array.from({ length: 24 }, (_, i) => `oDemoCustomer${String(i + 1).padStart(2, '0')}`);
	const weekStart = now - 7 * 86400;
	for (let day = 0; day < 7; day++) {
		for (let s = 0; s < 6; s++) {
			const openid = pick(customers);
			const worker = pick(workers);
			let t = weekStart + day * 86400 + Math.floor((s + rand()) * 3 * 3600) + 8 * 3600;
			if (t >= now - 60) continue;
			const step = () => (t += 5 + Math.floor(rand() * 90));
			const proactive = rand() < 0.15;
			if (proactive) {
				out.push({ time: t, worker, openid, opercode: 1002, text: '' });
			} else {
				out.push({ time: t, worker: '', openid, opercode: 2001, text: pick(CUSTOMER_LINES) });
				out.push({ time: step(), worker: '', openid, opercode: 1000, text: '' });
				out.push({ time: step(), worker, openid, opercode: rand() < 0.1 ? 1005 : 1001, text: '' });
			}
			const turns = 1 + Math.floor(rand() * 3);
			for (let k = 0; k < turns; k++) {
				out.push({ time: step(), worker, openid, opercode: 2002, text: pick(AGENT_LINES) });
				out.push({ time: step(), worker, openid, opercode: 2003, text: pick(CUSTOMER_LINES) });
			}
			out.push({ time: step(), worker, openid, opercode: 1004, text: '' });
		}
	}
	return out.filter((r) => r.time <= now);
}
