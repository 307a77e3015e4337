// Pulls 7 days × 30,000 chat records from the sandbox, through the client alone and through a
// workflow (WorkflowExecute), and prints request counts and wall times.
// Run: npx tsc -p tsconfig.dev.json && node build-dev/bench/records.js
import './setup-env';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createKfClient } from '../nodes/WeChatCustomerService/client/settings';
import { tokenServers } from '../nodes/WeChatCustomerService/client/tokens';
import { closeHttpPools } from '../nodes/WeChatCustomerService/transport/http';
import { startSandbox } from '../sandbox';
import { withParams } from '../test/helpers/patch';
import { sandboxCredential, CREDENTIAL_TYPE } from '../test/helpers/sandbox';
import { runWorkflow, type WorkflowJson } from '../test/helpers/workflow';

const T0 = 1709222400; // 2024-03-01 00:00 China time
const DAYS = 7;
const PER_DAY = 30000;

async function main() {
	const sb = await startSandbox({ seed: 'empty', logRequests: false });
	let t = performance.now();
	sb.state.records.generate({ start: T0, days: DAYS, perDay: PER_DAY });
	console.log(`seed ${sb.state.records.size} records: ${Math.round(performance.now() - t)} ms`);

	const client = createKfClient(sandboxCredential(sb)[CREDENTIAL_TYPE] as never);
	const query = { startTime: T0, endTime: T0 + DAYS * 86400 - 1, api: 'msgList' as const, pageSize: 10000 };
	for (const round of [1, 2]) {
		tokenServers.clear();
		const before = sb.requestCount;
		t = performance.now();
		let n = 0;
		for await (const page of client.iterateRecordPages(query)) n += page.length;
		console.log(`client pages, round ${round}: ${n} records, ${sb.requestCount - before} requests, ${Math.round(performance.now() - t)} ms`);
	}
	for (const round of [1, 2]) {
		tokenServers.clear();
		const before = sb.requestCount;
		t = performance.now();
		let n = 0;
		for await (const record of client.iterateRecords(query)) n += record.time > 0 ? 1 : 0;
		console.log(`client records, round ${round}: ${n} records, ${sb.requestCount - before} requests, ${Math.round(performance.now() - t)} ms`);
	}
	for (const round of [1, 2]) {
		tokenServers.clear();
		const before = sb.requestCount;
		const file = join(__dirname, '..', '..', 'test', 'workflows', 'record-get-many.workflow.json');
		const wf = withParams(JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson, 'Chat Records', {});
		t = performance.now();
		const result = await runWorkflow(wf, sandboxCredential(sb));
		const items = result.output('Chat Records');
		const ms = Math.round(performance.now() - t);
		const unique = new Set(items.map((i) => i.json.text)).size;
		console.log(
			`workflow, round ${round}: ${items.length} items (${unique} distinct), ${sb.requestCount - before} requests, ${ms} ms, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`,
		);
	}
	await sb.stop();
	await closeHttpPools();
}

void main();
