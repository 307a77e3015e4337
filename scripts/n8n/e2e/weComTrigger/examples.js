// @ts-check
'use strict';
/**
 * Examples 10 and 11, published in the WeCom trigger instance and called back as WeCom does: a new customer opens
 * the chat → Send On Event with the enter_session's welcome_code; a customer asking for a person → told so and
 * transferred to a servicer, another customer → the fixed answer (the AI Agent ships switched off, so n8n passes
 * the items through it).
 */
const { ACCOUNTS, EXAMPLES } = require('./workflows');
const { assert, callback, customerWrites, newExecutions } = require('./observe');

/**
 * @typedef {import('./observe').WeComStep} WeComStep
 * @typedef {import('./instance').WeComTriggerInstance} WeComTriggerInstance
 */

/** The JSON bodies the sandbox saw on a path since `from`. @param {WeComTriggerInstance} t @param {string} path @param {number} from @returns {any[]} */
function bodies(t, path, from = 0) {
	return t.sandbox.requests.slice(from).filter((r) => r.path === path).map((r) => r.json);
}

/** Calls an example back for an account; its one execution must end green. @param {WeComTriggerInstance} t @param {import('./observe').StepState} state @param {'welcome' | 'aiReply'} key */
async function calledBack(t, state, key) {
	const d = await callback(t, key, ACCOUNTS.afterSales);
	assert(d.acknowledged && d.attempts[0].body === 'success', `${key}: ${JSON.stringify(d.attempts)}`);
	const executions = await newExecutions(t, state, EXAMPLES[key].id);
	assert(executions.length === 1, `${EXAMPLES[key].name}: ${executions.length} executions`);
	const ex = await t.rest.execution(t.rt, executions[0].id);
	assert(ex.status === 'success', `${EXAMPLES[key].name}: execution ${executions[0].id} ${ex.status} ${JSON.stringify(ex.error)}`);
	return ex;
}

/** @type {WeComStep} */
const welcomeExample = {
	name: 'example 10: a new customer opens the chat → Message → Send On Event with the welcome_code (within its 20 s)',
	async run(t, state) {
		const from = t.sandbox.requests.length;
		const entered = t.tools.wecom.weComCustomers.customerEnters(t.corp, ACCOUNTS.afterSales, 'wmE2eNewCustomer0000000000000000', { scene: 'e2e' });
		const code = /** @type {any} */ (entered.content).welcome_code;
		assert(typeof code === 'string' && code, `the sandbox gave no welcome_code: ${JSON.stringify(entered)}`);
		await calledBack(t, state, 'welcome');
		const sent = bodies(t, '/cgi-bin/kf/send_msg_on_event', from);
		assert(sent.length === 1 && sent[0].code === code && sent[0].msgtype === 'text' && /欢迎/.test(sent[0].text.content), `send_msg_on_event: ${JSON.stringify(sent)}`);
		const used = t.corp.sent.filter((m) => m.touser === 'wmE2eNewCustomer0000000000000000');
		assert(used.length === 1, `the sandbox recorded ${used.length} messages to the new customer`);
		return `welcome_code ${code.slice(0, 8)}… used once by send_msg_on_event (errcode 0)`;
	},
};

/** @type {WeComStep} */
const aiReplyExample = {
	name: 'example 11 (AI Agent switched off): "人工" → told and transferred to zhangsan; another question → the fixed answer',
	async run(t, state) {
		const from = t.sandbox.requests.length;
		const chen = 'wmChenDemo0000000000000000000000';
		const tom = 'wmTomDemo00000000000000000000000';
		// The e2e trigger on the same account emits these too, with the next step's messages.
		state.earlier.push(customerWrites(t, ACCOUNTS.afterSales, chen, '我要人工'), customerWrites(t, ACCOUNTS.afterSales, tom, 'How much is shipping?'));
		const ex = await calledBack(t, state, 'aiReply');
		assert(ex.runData['AI answers'], 'the AI Agent did not pass the item through');
		const sends = bodies(t, '/cgi-bin/kf/send_msg', from).map((b) => [b.touser, b.text && b.text.content]);
		assert(sends.length === 2, `send_msg: ${JSON.stringify(sends)}`);
		assert(sends.some(([to, text]) => to === chen && /转接人工/.test(text)), `no "connecting you" to 陈小姐: ${JSON.stringify(sends)}`);
		assert(sends.some(([to, text]) => to === tom && /已收到您的消息/.test(text)), `no fixed answer to Tom: ${JSON.stringify(sends)}`);
		const trans = bodies(t, '/cgi-bin/kf/service_state/trans', from);
		assert(trans.length === 1 && trans[0].external_userid === chen && trans[0].service_state === 3 && trans[0].servicer_userid === 'zhangsan', `trans: ${JSON.stringify(trans)}`);
		assert(t.corp.session(ACCOUNTS.afterSales, chen).service_state === 3, '陈小姐 is not with a servicer');
		return '陈小姐: told, then service_state 3 with zhangsan; Tom: the fixed answer through the switched-off AI Agent';
	},
};

module.exports = { EXAMPLE_STEPS: [welcomeExample, aiReplyExample] };
