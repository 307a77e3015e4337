// The pieces the chat-record benchmarks share: the fast server child, the node's workflow (A),
// a bare undici loop (B) and n8n's floor, a stub node emitting the same items (C).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';
import { Agent, request } from 'undici';

import { operationName } from '../nodes/WeChatCustomerService/resources/record/recordItem';
import { ZonedFormatter } from '../nodes/shared/zonedTime';
import { RecordStore } from '../sandbox/records';
import { NODE_TYPE, createNodeTypes } from '../test/helpers/nodes';
import type { WorkflowJson } from '../test/helpers/workflow';
import { BENCH_DAYS, BENCH_T0, MSG_LIST_PATH, generateBenchRecords } from './msgListServer';

export { BENCH_DAYS, BENCH_T0 };

/** The repository: the first folder above this file that holds the n8n harness (build-dev/ or another outDir). */
export function repoRoot(): string {
	for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
		if (existsSync(join(dir, 'scripts', 'n8n', 'runtime.js'))) return dir;
	}
	throw new Error('scripts/n8n/runtime.js not found above this file');
}
export const NODE_NAME = 'Chat Records';

export interface FastServer {
	url: string;
	child: ChildProcess;
	requests(): Promise<number>;
	stop(): void;
}

export async function startFastServer(records: number): Promise<FastServer> {
	const child = fork(join(__dirname, 'msgListServer.js'), [String(records)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
	const line = await new Promise<string>((resolve, reject) => {
		const rl = createInterface({ input: child.stdout! });
		rl.once('line', (l) => {
			rl.close();
			resolve(l);
		});
		child.once('exit', (code) => reject(new Error(`the getmsglist server exited (${code})`)));
	});
	const { url } = JSON.parse(line) as { url: string };
	return {
		url,
		child,
		requests: async () => Number(await (await request(`${url}/__requests`)).body.text()),
		stop: () => child.kill('SIGTERM'),
	};
}

/** Credential data for the fast server: a fixed token, so no token request is made. */
export function benchCredential(url: string) {
	return {
		weChatOfficialAccountApi: {
			source: 'accessToken',
			accessToken: 'bench_access_token_0001',
			apiHost: 'custom',
			baseUrl: url,
			proxyUrl: '',
			timeoutSeconds: 60,
		},
	};
}

const trigger = {
	parameters: {},
	id: 'b0000000-0000-4000-8000-000000000001',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0] as [number, number],
};

function twoNodes(second: WorkflowJson['nodes'][number]): WorkflowJson {
	return {
		name: 'bench',
		nodes: [trigger, second],
		connections: { Start: { main: [[{ node: second.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
	};
}

/** A: Record → Get Many, Return All, the 3 benchmark days. */
export function recordWorkflow(
	extra: Record<string, unknown> = {},
	credential = { id: 'benchCred', name: 'bench' },
): WorkflowJson {
	return twoNodes({
		parameters: {
			resource: 'record',
			operation: 'getAll',
			startTime: '2024-03-01T00:00:00',
			endTime: '2024-03-03T23:59:59',
			returnAll: true,
			options: {},
			...extra,
		} as never,
		id: 'b0000000-0000-4000-8000-000000000002',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [220, 0],
		credentials: { weChatOfficialAccountApi: credential },
	});
}

/**
 * B: the same pages with undici and JSON.parse, nothing else. Returns [records, requests].
 * With `kept`, each page's parsed records are kept there (B′: what holding them costs the collector).
 */
export async function bareLoop(url: string, dispatcher: Agent, kept?: unknown[][]): Promise<[number, number]> {
	let records = 0;
	let requests = 0;
	for (let d = 0; d < BENCH_DAYS; d++) {
		const starttime = BENCH_T0 + d * 86400;
		for (let msgid = 1; ; ) {
			const res = await request(`${url}${MSG_LIST_PATH}?access_token=bench_access_token_0001`, {
				method: 'POST',
				headers: { 'content-type': 'application/json; charset=utf-8' },
				body: JSON.stringify({ starttime, endtime: starttime + 86399, msgid, number: 10000 }),
				dispatcher,
			});
			requests++;
			const page = JSON.parse(await res.body.text()) as { recordlist: unknown[]; msgid: number };
			records += page.recordlist.length;
			kept?.push(page.recordlist);
			if (page.recordlist.length < 10000) break;
			msgid = page.msgid;
		}
	}
	return [records, requests];
}

/** The items A emits, as columns, so C's stub can build exactly the same objects. */
export interface ItemColumns {
	store: RecordStore;
	timeIso: string[];
	operation: string[];
}

export function itemColumns(records: number): ItemColumns {
	const store = generateBenchRecords(records);
	const zone = new ZonedFormatter('Asia/Shanghai');
	const timeIso = store.time.map((t) => zone.iso(t));
	const operation = store.opercode.map((c) => operationName(c));
	return { store, timeIso, operation };
}

/** C: node types with a stub that emits the columns' items (what n8n costs for N items). */
export function stubNodeTypes(columns: ItemColumns): INodeTypes {
	const stub: INodeType = {
		description: {
			displayName: 'Bench Items',
			name: 'benchItems',
			group: ['transform'],
			version: 1,
			description: 'benchmark stub',
			defaults: { name: 'Bench Items' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const { store, timeIso, operation } = columns;
			const out: INodeExecutionData[] = new Array(store.size);
			for (let i = 0; i < store.size; i++) {
				out[i] = {
					json: {
						time_iso: timeIso[i],
						operation: operation[i],
						worker: store.worker[i],
						openid: store.openid[i],
						text: store.text[i],
						opercode: store.opercode[i],
						time: store.time[i],
					},
					pairedItem: { item: 0 },
				};
			}
			return [out];
		},
	};
	return createNodeTypes({ 'bench.items': stub });
}

export const stubWorkflow: WorkflowJson = twoNodes({
	parameters: {},
	id: 'b0000000-0000-4000-8000-000000000003',
	name: NODE_NAME,
	type: 'bench.items',
	typeVersion: 1,
	position: [220, 0],
});
