// @ts-check
'use strict';
/**
 * The sandbox's demo corp as the WeCom e2e expectations (wecomExpectations.js) see it: its ids and accounts, the
 * requests of one run, the statistics it answers, China-time days, and the item of a send refused with 95018.
 */
const assert = require('assert/strict');

const { loadSandbox } = require('../scripts/n8n/lib/sandbox');

/** @typedef {import('../scripts/n8n/lib/sandbox').KfSandbox} KfSandbox */

const AFTER_SALES = 'wkAfterSalesDemo0000000000000000';
const BOOKING = 'wkBookingDemo0000000000000000000';
const STORE = 'wkStoreAssistantDemo000000000000';
/** The demo customers' external_userid: wm + name, zeros to 32 characters. @param {string} name */
const customer = (name) => `wm${name}Demo`.padEnd(32, '0');
const CHEN = customer('Chen');
const TOM = customer('Tom');
const ZHAO = customer('Zhao');
const WANG = customer('Wang');

const DEMO_ACCOUNTS = [
	{ open_kfid: AFTER_SALES, name: '售后服务', avatar: `https://wework.qpic.cn/wwpic/${AFTER_SALES}/demo/0`, manage_privilege: true },
	{ open_kfid: BOOKING, name: '预约咨询', avatar: `https://wework.qpic.cn/wwpic/${BOOKING}/demo/0`, manage_privilege: true },
	{ open_kfid: STORE, name: '门店小助手', avatar: `https://wework.qpic.cn/wwpic/${STORE}/demo/0`, manage_privilege: false },
];

/**
 * The sandbox's requests after the one gettoken of the run, as "METHOD path", query (without the token) and JSON
 * body; asserts the gettoken asked for the demo corp and every later request carries one and the same token.
 * @param {KfSandbox} sb @returns {{ calls: { call: string, query: Record<string, string>, json: unknown }[], token: string }}
 */
function weComCalls(sb) {
	const { SANDBOX_WECOM } = loadSandbox('');
	const [first, ...rest] = sb.requests;
	assert.equal(`${first.method} ${first.path}`, 'GET /cgi-bin/gettoken', 'the run starts with one gettoken');
	assert.deepEqual(first.query, { corpid: SANDBOX_WECOM.corpId, corpsecret: SANDBOX_WECOM.secret });
	const token = rest.length ? rest[0].query.access_token : '';
	assert.ok(!rest.length || /^WW_/.test(token), 'the kf calls carry the sandbox token');
	const calls = rest.map((r) => {
		const { access_token: used, ...query } = r.query;
		assert.equal(used, token, `${r.path} uses the token of the one gettoken`);
		return { call: `${r.method} ${r.path}`, query, json: r.json };
	});
	return { calls, token };
}

/** A POST with a JSON body and no query. @param {string} path @param {unknown} json */
const post = (path, json) => ({ call: `POST /cgi-bin/${path}`, query: {}, json });
/** A GET with a query. @param {string} path @param {Record<string, string>} [query] */
const get = (path, query = {}) => ({ call: `GET /cgi-bin/${path}`, query, json: undefined });

/** A day as YYYY-MM-DD in China time, `daysAgo` before today. @param {number} daysAgo */
function chinaDate(daysAgo) {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
	return new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86400000).toISOString().slice(0, 10);
}
/** 00:00 China time of a YYYY-MM-DD, in unix seconds (WeCom's stat_time). @param {string} date */
const statTime = (date) => Date.parse(`${date}T00:00:00+08:00`) / 1000;

/**
 * The sandbox's own statistic_list for a request the node made (asked again over HTTP, after the run's requests
 * were checked), as the node's items: date, stat_time, open_kfid (, servicer_userid), then WeCom's figures.
 * @param {KfSandbox} sb @param {string} path @param {any} body
 */
async function sandboxStatistics(sb, path, body) {
	const { SANDBOX_WECOM } = loadSandbox('');
	const tokenAnswer = await fetch(`${sb.url}/cgi-bin/gettoken?corpid=${SANDBOX_WECOM.corpId}&corpsecret=${SANDBOX_WECOM.secret}`);
	const { access_token: token } = /** @type {any} */ (await tokenAnswer.json());
	const answer = await fetch(`${sb.url}/cgi-bin/${path}?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) });
	const { statistic_list: list } = /** @type {any} */ (await answer.json());
	const who = body.servicer_userid === undefined ? {} : { servicer_userid: body.servicer_userid };
	return list.map((/** @type {any} */ d) => ({
		date: new Date((d.stat_time + 8 * 3600) * 1000).toISOString().slice(0, 10),
		stat_time: d.stat_time,
		open_kfid: body.open_kfid,
		...who,
		...d.statistic,
	}));
}

module.exports = { AFTER_SALES, BOOKING, CHEN, TOM, ZHAO, WANG, DEMO_ACCOUNTS, weComCalls, post, get, chinaDate, statTime, sandboxStatistics };
