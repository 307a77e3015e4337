import type { INode } from 'n8n-workflow';

// n8n-core's own conversion of a node into an AI Agent tool (what `usableAsTool` enables).
import { getSchema } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';

import { WeChatCustomerService } from '../../nodes/WeChatCustomerService/WeChatCustomerService.node';
import { WeComCustomerService } from '../../nodes/WeComCustomerService/WeComCustomerService.node';
import { NODE_TYPE, WECOM_NODE_TYPE } from '../helpers/nodes';

describe('AI Agent tool (usableAsTool) with the account picker', () => {
	it('is offered as a tool, and $fromAI() in a picker’s value becomes a tool argument', () => {
		expect(new WeChatCustomerService().description.usableAsTool).toBe(true);
		const node: INode = {
			id: 't1',
			name: 'Send as agent',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				resource: 'message',
				operation: 'send',
				openid: "={{ $fromAI('openid', 'The customer openid', 'string') }}",
				messageType: 'text',
				text: "={{ $fromAI('text', 'What to say', 'string') }}",
				kfAccount: { __rl: true, mode: 'id', value: "={{ $fromAI('agent_account', 'Agent account, prefix@OfficialAccountWeChatID', 'string') }}" },
			},
		};
		const schema = getSchema(node);
		expect(Object.keys(schema.shape).sort()).toEqual(['agent_account', 'openid', 'text']);
		expect(schema.safeParse({ openid: 'o1', text: 'hi', agent_account: 'alice@oa' }).success).toBe(true);
	});

	it('offers the WeCom node as a tool too, with $fromAI() in its account picker', () => {
		expect(new WeComCustomerService().description.usableAsTool).toBe(true);
		const node: INode = {
			id: 't2',
			name: 'Answer on WeCom',
			type: WECOM_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				resource: 'message',
				operation: 'send',
				openKfId: { __rl: true, mode: 'id', value: "={{ $fromAI('open_kfid', 'The 微信客服 account (wk…)', 'string') }}" },
				externalUserId: "={{ $fromAI('external_userid', 'The customer', 'string') }}",
				messageType: 'text',
				text: "={{ $fromAI('text', 'What to say', 'string') }}",
			},
		};
		const schema = getSchema(node);
		expect(Object.keys(schema.shape).sort()).toEqual(['external_userid', 'open_kfid', 'text']);
		expect(schema.safeParse({ open_kfid: 'wk1', external_userid: 'wm1', text: 'hi' }).success).toBe(true);
	});
});
