// @ts-check
'use strict';
/**
 * The scale test's workflows (built here, created through the REST API) and the load driver that calls their
 * production webhooks: main receives each call, enqueues it, a worker runs it, main answers with the last node.
 */
const crypto = require('crypto');

const { NODE_TYPE, CREDENTIAL_TYPE } = require('../lib/names');
const { jsonOrUndefined } = require('../lib/rest');
const { loadSandbox } = require('../lib/sandbox');

/**
 * @typedef {import('../lib/sandbox').KfSandbox} KfSandbox
 * @typedef {import('../lib/rest').CredentialRef} CredentialRef
 * @typedef {{ id: string, name: string, type: string, typeVersion: number, position: number[], parameters: object, [extra: string]: unknown }} WorkflowNode
 * @typedef {Record<string, string | { number: string }>} SetFields  field → expression; { number } for a number field
 */

const DAY = 86400;
/** Chat records on the busy day: each execution of the busy-day workflow shapes this many items. */
const BUSY_DAY_RECORDS = 4000;
const CHINA = 8 * 3600;

/** Unix start of the China-time day `daysAgo` days before today. @param {number} nowSecs @param {number} daysAgo */
function chinaDayStart(nowSecs, daysAgo) {
	return Math.floor((nowSecs + CHINA) / DAY) * DAY - CHINA - daysAgo * DAY;
}

/** A unix time as ISO 8601 in China time. @param {number} unix */
function iso(unix) {
	return new Date((unix + CHINA) * 1000).toISOString().replace('Z', '+08:00').replace('.000', '');
}

const uuid = () => crypto.randomUUID();

/**
 * @param {string} name @param {string} type @param {number} typeVersion @param {number[]} position @param {object} parameters
 * @param {object} [extra] @returns {WorkflowNode}
 */
function node(name, type, typeVersion, position, parameters, extra = {}) {
	return { id: uuid(), name, type, typeVersion, position, parameters, ...extra };
}

/** An Edit Fields (Set) node. @param {string} name @param {number[]} position @param {SetFields} fields @param {object} [extra] */
function setNode(name, position, fields, extra) {
	return node(
		name,
		'n8n-nodes-base.set',
		3.4,
		position,
		{
			assignments: {
				assignments: Object.entries(fields).map(([k, v]) => ({ id: uuid(), name: k, value: typeof v === 'object' ? v.number : v, type: typeof v === 'object' ? 'number' : 'string' })),
			},
			options: {},
		},
		extra,
	);
}

/** A WeChat Customer Service node. @param {string} name @param {number[]} position @param {CredentialRef} credential @param {object} parameters @param {object} [extra] */
function wechat(name, position, credential, parameters, extra = {}) {
	return node(name, NODE_TYPE, 1, position, { ...parameters, options: {} }, {
		credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
		...extra,
	});
}

/** Connections running the nodes one after another. @param {WorkflowNode[]} nodes */
function chain(nodes) {
	/** @type {Record<string, { main: { node: string, type: string, index: number }[][] }>} */
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

/**
 * Webhook → "Ran on" (which process runs it, from WECHAT_CS_SCALE_PROCESS) → WeChat nodes → "Summary", answered with
 * the Summary item. `steps` are the WeChat nodes; `summary` maps result fields to expressions.
 * @param {string} name @param {string} path @param {WorkflowNode[]} steps @param {SetFields} summary
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

/**
 * record → getAll of the China-time day starting at `dayStart`, every page.
 * @param {string} name @param {number[]} position @param {CredentialRef} credential @param {number} dayStart @param {object} [extra]
 */
function recordsOfDay(name, position, credential, dayStart, extra) {
	return wechat(name, position, credential, {
		resource: 'record',
		operation: 'getAll',
		startTime: iso(dayStart),
		endTime: iso(dayStart + DAY - 1),
		returnAll: true,
	}, extra);
}

/**
 * "Agent → Get Online, then chat records of one day" (yesterday, China time).
 * @param {string} name @param {string} path @param {CredentialRef} credential @param {number} dayStart
 */
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

/**
 * CPU-bound: one busy day of chat records (thousands of items to shape, store and hand back) per execution.
 * @param {string} name @param {string} path @param {CredentialRef} credential @param {number} dayStart
 */
function busyDayWorkflow(name, path, credential, dayStart) {
	return webhookWorkflow(
		name,
		path,
		[recordsOfDay('Chat records of a busy day', [440, 0], credential, dayStart)],
		{ records: { number: "={{ $('Chat records of a busy day').all().length }}" } },
	);
}

/**
 * Records for one day, `count` of them, spread over the day (sandbox NewRecord shape).
 * @param {number} dayStart @param {number} count @param {string[]} agents
 */
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
 * @param {string} url @param {{ total: number, inFlight: number, timeoutMs?: number, body?: (i: number) => object }} options
 */
async function drive(url, { total, inFlight, timeoutMs = 120000, body = () => ({}) }) {
	/** @type {{ status: number, ms: number, json?: any, text?: string, error?: string }[]} */
	const results = new Array(total);
	let next = 0;
	const t0 = Date.now();
	/** @param {number} i */
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

/** Executions per minute of a drive() run. @param {{ secs: number, results: unknown[] }} d */
function perMinute(d) {
	return (d.results.length / d.secs) * 60;
}


/** @param {KfSandbox} sb @param {number} start @param {number} end */
function recordsBetween(sb, start, end) {
	const [from, to] = sb.state.records.timeRange(start, end);
	return to - from;
}

/** The sandbox's central token server (sandbox/routes/tokenServer), its route added if not listed. @param {KfSandbox} sb */
function tokenServerOf(sb) {
	const mod = loadSandbox('routes/tokenServer');
	for (const route of mod.tokenServerRoutes) sb.addRoute(route);
	return {
		path: mod.TOKEN_SERVER_PATH,
		credentialHeader: { serverHeaderName: mod.TOKEN_SERVER_HEADER.name, tokenServerHeaderValue: mod.TOKEN_SERVER_HEADER.value },
	};
}

/**
 * Asserts every answer of a drive() is a success with the expected fields; returns executions per process.
 * @param {Awaited<ReturnType<typeof drive>>} d @param {Record<string, unknown>} expect
 */
function assertAnswers(d, expect) {
	/** @type {Record<string, number>} */
	const perProcess = {};
	/** @type {string[]} */
	const bad = [];
	d.results.forEach((r, i) => {
		const j = r.json || {};
		const wrong = Object.entries(expect).filter(([k, v]) => j[k] !== v);
		if (r.status !== 200 || wrong.length || !/^worker-\d+$/.test(j.process || '')) {
			bad.push(`#${i}: ${r.status} ${r.error || JSON.stringify(r.json || r.text).slice(0, 200)}`);
		} else perProcess[j.process] = (perProcess[j.process] || 0) + 1;
	});
	if (bad.length) throw new Error(`${bad.length} of ${d.results.length} calls failed or ran off a worker:\n${bad.slice(0, 5).join('\n')}`);
	return perProcess;
}

/** "name count, …" sorted by name, or "none". @param {Record<string, number>} o */
const describeCounts = (o) => Object.entries(o).sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

module.exports = {
	BUSY_DAY_RECORDS,
	node,
	setNode,
	wechat,
	chain,
	chinaDayStart,
	agentsWorkflow,
	busyDayWorkflow,
	busyDayRecords,
	drive,
	perMinute,
	assertAnswers,
	describeCounts,
	recordsBetween,
	tokenServerOf,
};
