// @ts-check
'use strict';
/**
 * The WeCom node with n8n's own features, in the shape of expectations.js: the credential in n8n's HTTP Request node,
 * the error output and continue-on-fail, and example 09 (Schedule Trigger → Statistics → a sheet-ready table).
 */
const assert = require('assert/strict');

const { AFTER_SALES, WANG, DEMO_ACCOUNTS, weComCalls, post, get, chinaDate, statTime, sandboxStatistics } = require('./wecomDemo');

/** WeCom's errmsg for an errcode, as the sandbox writes it (the hint in brackets differs per call). @param {string} text @param {number} errcode */
const errmsgPattern = (text, errcode) =>
	new RegExp(`^${text}, hint: \\[\\d+\\], from ip: 127\\.0\\.0\\.1, more info at https://open\\.work\\.weixin\\.qq\\.com/devtool/query\\?e=${errcode}$`);

const HINT_95018 =
	'Either the session is with a human servicer (state 3) or in the waiting pool (state 2) — send only in state 0 or 1, or move it back with Session → Transfer — or the company is not verified, which limits what 微信客服 may send.';

/** The error item of a send refused with 95018 (continueOnFail and the error output give the same). @param {any} item */
function assert95018(item) {
	assert.deepEqual(Object.keys(item), ['error', 'details']);
	assert.match(item.details.errmsg, errmsgPattern('send msg session status invalid', 95018));
	assert.deepEqual(item.details, { errcode: 95018, errmsg: item.details.errmsg, hint: HINT_95018 });
	assert.equal(item.error, `WeCom does not let the API send to this customer now. WeCom: ${item.details.errmsg} (errcode 95018)`);
}

/** @type {import('./expectations').WorkflowExpectation[]} */
module.exports = [
	{
		name: 'WeCom credential in the HTTP Request node: the managed access_token added, not in the execution data',
		workflow: 'wcomE2eHttpReq001',
		assert({ out, sb, stdout }) {
			const { calls, token } = weComCalls(sb);
			assert.deepEqual(calls, [post('kf/account/list', { offset: 0, limit: 100 }), get('kf/servicer/list', { open_kfid: AFTER_SALES })]);
			assert.deepEqual(out('Accounts'), DEMO_ACCOUNTS);
			assert.deepEqual(out('servicer/list via HTTP Request'), [
				{ errcode: 0, errmsg: 'ok', servicer_list: [{ userid: 'zhangsan', status: 0 }, { userid: 'lisi', status: 1, stop_type: 1 }] },
			]);
			assert.ok(stdout.includes('servicer_list'), 'the execution data is in the output read');
			assert.ok(!stdout.includes(token), 'the access_token is nowhere in the execution data');
		},
	},
	{
		name: 'WeCom error output and continue on fail: a send refused with 95018 becomes an item with its hint',
		workflow: 'wcomE2eErrorOut01',
		assert({ run, out, sb }) {
			assert.equal(run && run.status, 'success', 'the execution succeeds');
			const send = post('kf/send_msg', { touser: WANG, open_kfid: AFTER_SALES, msgtype: 'text', text: { content: 'e2e 您好' } });
			assert.deepEqual(weComCalls(sb).calls, [send, send]);
			assert.deepEqual(out('Send (error output)'), [], 'nothing on the success output');
			const errors = out('Send (error output)', 1);
			assert.equal(errors.length, 1, 'one item on the error output');
			assert95018(errors[0]);
			assert.deepEqual(out('On error'), errors, '"On error" got the error item');
			assert.equal(out('On success'), undefined, '"On success" did not run');
			const continued = out('Send (continue)');
			assert.equal(continued.length, 1, 'continue on fail: one item on the regular output');
			assert95018(continued[0]);
		},
	},
	{
		name: 'example: WeCom daily statistics to a sheet',
		workflow: 'wcomExDailyStats1',
		async assert({ out, sb }) {
			const yesterday = chinaDate(1);
			const ask = { open_kfid: AFTER_SALES, start_time: statTime(yesterday), end_time: statTime(yesterday) };
			assert.deepEqual(weComCalls(sb).calls, [post('kf/get_corp_statistic', ask)]);
			const [day] = await sandboxStatistics(sb, 'kf/get_corp_statistic', ask);
			assert.deepEqual(out("Yesterday's statistics"), [day], "yesterday's figures, one item");
			const percent = (/** @type {number} */ rate) => Math.round(rate * 10000) / 100;
			assert.deepEqual(out('One row per day'), [
				{
					Date: yesterday,
					Account: AFTER_SALES,
					Sessions: day.session_cnt,
					Customers: day.customer_cnt,
					'Customer messages': day.customer_msg_cnt,
					'Customers upgraded to a member or group': day.upgrade_service_customer_cnt,
					'Sessions the assistant answered': day.ai_session_reply_cnt,
					'Handed to a human (%)': percent(day.ai_transfer_rate),
					'Knowledge base hit (%)': percent(day.ai_knowledge_hit_rate),
					'Customers who refused messages': day.msg_rejected_customer_cnt,
				},
			]);
		},
	},
];
