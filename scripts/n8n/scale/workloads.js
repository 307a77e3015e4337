'use strict';
/**
 * The scale test's workflows (built here, created through the REST API) and the load driver that calls their
 * production webhooks: main receives each call, enqueues it, a worker runs it, main answers with the last node.
 */
const crypto = require('crypto');

const { NODE_TYPE, CREDENTIAL_TYPE, jsonOrUndefined } = require('../instance');

const DAY = 86400;
const CHINA = 8 * 3600;

/** Unix start of the China-time day `daysAgo` days before today. */
function chinaDayStart(nowSecs, daysAgo) {
	return Math.floor((nowSecs + CHINA) / DAY) * DAY - CHINA - daysAgo * DAY;
}

function iso(unix) {
	return new Date((unix + CHINA) * 1000).toISOString().replace('Z', '+08:00').replace('.000', '');
}

const uuid = () => crypto.randomUUID();

function node(name, type, typeVersion, position, parameters, extra = {}) {
	return { id: uuid(), name, type, typeVersion, position, parameters, ...extra };
}

function setNode(name, position, fields, extra) {
	return node(
		name,
		'n8n-nodes-base.set',
		3.4,
		position,
		{
			assignments: {
				assignments: Object.entries(fields).map(([k, v]) => ({ id: uuid(), name: k, value: v.number ?? v, type: v.number ? 'number' : 'string' })),
			},
			options: {},
		},
		extra,
	);
}

function wechat(name, position, credential, parameters, extra = {}) {
	return node(name, NODE_TYPE, 1, position, { ...parameters, options: {} }, {
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
		...extra,
	});
}

function chain(nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

/**
 * Webhook → "Ran on" (which process runs it, from WECHAT_CS_SCALE_PROCESS) → WeChat nodes → "Summary", answered with
 * the Summary item. `steps` are the WeChat nodes; `summary` maps result fields to expressions.
 */
function webhookWorkflow(name, path, steps, summary) {
	const trigger = node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], {
		httpMethod: 'POST',
		path,
		responseMode: 'lastNode',
		responseData: 'firstEntryJson',
		options: {},
	}, { webhookId: uuid() });
	const ranOn = setNode('Ran on', [220, 0], { process: '={{ $env.WECHAT_CS_SCALE_PROCESS }}' });
	const last = setNode('Summary', [220 * (steps.length + 2), 0], {
		process: "={{ $('Ran on').first().json.process }}",
		...summary,
	}, { executeOnce: true });
	const nodes = [trigger, ranOn, ...steps, last];
	return { name, nodes, connections: chain(nodes), settings: { executionOrder: 'v1' }, active: false, path };
}

/** record → getAll of the China-time day starting at `dayStart`, every page. */
function recordsOfDay(name, position, credential, dayStart, extra) {
	return wechat(name, position, credential, {
		resource: 'record',
		operation: 'getAll',
		startTime: iso(dayStart),
		endTime: iso(dayStart + DAY - 1),
		returnAll: true,
	}, extra);
}

/** "Agent → Get Online, then chat records of one day" (yesterday, China time). */
function agentsWorkflow(name, path, credential, dayStart) {
	return webhookWorkflow(
		name,
		path,
		[
			wechat('Online agents', [440, 0], credential, { resource: 'agent', operation: 'getOnline' }),
			recordsOfDay('Chat records of one day', [660, 0], credential, dayStart, { executeOnce: true }),
		],
		{
			online: { number: "={{ $('Online agents').all().length }}" },
			records: { number: "={{ $('Chat records of one day').all().length }}" },
		},
	);
}

/** CPU-bound: one busy day of chat records (thousands of items to shape, store and hand back) per execution. */
function busyDayWorkflow(name, path, credential, dayStart) {
	return webhookWorkflow(
		name,
		path,
		[recordsOfDay('Chat records of a busy day', [440, 0], credential, dayStart)],
		{ records: { number: "={{ $('Chat records of a busy day').all().length }}" } },
	);
}

/** Records for one day, `count` of them, spread over the day (sandbox NewRecord shape). */
function busyDayRecords(dayStart, count, agents) {
	const out = [];
	for (let i = 0; i < count; i++) {
		out.push({
			time: dayStart + Math.floor((i * (DAY - 60)) / count),
			worker: i % 2 ? agents[i % agents.length] : '',
			openid: `oBusyCustomer${String(i % 300).padStart(3, '0')}`,
			opercode: i % 2 ? 2002 : 2001,
			text: i % 2 ? `Agent answer ${i}: 您的订单已发货` : `Customer question ${i}: 我的订单到哪里了？`,
		});
	}
	return out;
}

/**
 * Calls `url` `total` times with at most `inFlight` calls open; returns { secs, results: [{ status, ms, json, error }] }.
 * A call that gets no answer within `timeoutMs` is recorded as an error (the lost-completion hang would show here).
 */
async function drive(url, { total, inFlight, timeoutMs = 120000, body = () => ({}) }) {
	const results = new Array(total);
	let next = 0;
	const t0 = Date.now();
	const one = async (i) => {
		const s = Date.now();
		try {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body(i)),
				signal: AbortSignal.timeout(timeoutMs),
			});
			const text = await res.text();
			const json = jsonOrUndefined(text);
			results[i] = { status: res.status, ms: Date.now() - s, json, text: json ? undefined : text.slice(0, 300) };
		} catch (e) {
			results[i] = { status: 0, ms: Date.now() - s, error: e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000}s` : e.message };
		}
	};
	const lanes = Array.from({ length: Math.min(inFlight, total) }, async () => {
		while (next < total) await one(next++);
	});
	await Promise.all(lanes);
	return { secs: (Date.now() - t0) / 1000, results };
}

/** Executions per minute of a drive() run. */
function perMinute(d) {
	return (d.results.length / d.secs) * 60;
}

module.exports = { node, setNode, wechat, chain, chinaDayStart, iso, agentsWorkflow, busyDayWorkflow, busyDayRecords, drive, perMinute, DAY };
