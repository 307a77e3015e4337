// n8n's NodeApiError and NodeOperationError replace a message that contains a Node.js error
// code (ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND, EEXIST, EPERM, …, case-insensitive,
// anywhere in the text) or whose httpCode / errorResponse.code is such a code with their own
// words ("The service refused the connection - perhaps it is offline"), in n8n-workflow 2.41
// and 1.120 (n8n 1.123) alike: NodeError.setDescriptiveErrorMessage, run at the end of both
// constructors. The node's words must reach the UI anyway, with every n8n-workflow installed here.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

import type { INode, INodeProperties } from 'n8n-workflow';
import { OFFICIAL_ACCOUNT_WORDING } from '../../nodes/WeChatCustomerService/client/hints';

type ErrorsModule = typeof import('../../nodes/shared/execution/errors');
type ClientErrors = typeof import('../../nodes/shared/errors');
type TransportErrors = typeof import('../../nodes/shared/transport/errors');
type Workflow = typeof import('n8n-workflow');

/** The repository's n8n-workflow and those of the real n8n runtimes in the cache, when installed. */
function installedWorkflows(): Array<[string, string]> {
	const found: Array<[string, string]> = [['the repository', dirname(require.resolve('n8n-workflow/package.json'))]];
	const root =
		process.env.WECHAT_CS_N8N_CACHE ??
		join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-wechat-customer-service');
	for (const name of existsSync(root) ? readdirSync(root).sort() : []) {
		const dir = join(root, name, 'node_modules', 'n8n-workflow');
		if (/^n8n-\d/.test(name) && existsSync(join(root, name, '.installed.json')) && existsSync(join(dir, 'package.json'))) {
			found.push([name.replace(/-[0-9a-f]{12}$/, ''), dir]);
		}
	}
	return found;
}

const node: INode = {
	id: 'n',
	name: 'WeChat',
	type: 'n8n-nodes-wechat-customer-service.weChatCustomerService',
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource: 'session', operation: 'get' },
};
const properties: INodeProperties[] = [
	{ displayName: 'Customer OpenID', name: 'openid', type: 'string', default: '', displayOptions: { show: { resource: ['session'], operation: ['get'] } } },
];

describe.each(installedWorkflows())('n8n-workflow of %s', (_name, dir) => {
	let n8n: Workflow;
	let errors: ErrorsModule;
	let client: ClientErrors;
	let transport: TransportErrors;

	beforeAll(() => {
		// One fresh copy of the node's error code per n8n-workflow (isolateModules needs require).
		/* eslint-disable @typescript-eslint/no-require-imports */
		jest.isolateModules(() => {
			jest.doMock('n8n-workflow', () => jest.requireActual(dir));
			n8n = require('n8n-workflow') as Workflow;
			errors = require('../../nodes/shared/execution/errors') as ErrorsModule;
			client = require('../../nodes/shared/errors') as ClientErrors;
			transport = require('../../nodes/shared/transport/errors') as TransportErrors;
		});
		/* eslint-enable @typescript-eslint/no-require-imports */
	});

	it('replaces a message naming ECONNREFUSED with its own words (what the node must avoid)', () => {
		const plain = new n8n.NodeApiError(node, {}, { message: 'connect ECONNREFUSED 127.0.0.1:9' });
		expect(plain.message).toBe('The service refused the connection - perhaps it is offline');
		const byCode = new n8n.NodeApiError(node, { code: 'ECONNREFUSED' }, { message: 'Could not connect' });
		expect(byCode.message).toBe('The service refused the connection - perhaps it is offline');
	});

	it('keeps the node’s message and description for a refused token server', () => {
		const cause = new transport.WeChatTransportError('network', 'token server', 'Could not connect to the token server at 127.0.0.1:9: the connection was refused', {
			code: 'ECONNREFUSED',
			hint: 'Nothing was sent. (ECONNREFUSED)',
		});
		const error = errors.toNodeError(node, cause, 0);
		expect(error).toBeInstanceOf(n8n.NodeApiError);
		expect(error.message).toBe('Could not connect to the token server at 127.0.0.1:9: the connection was refused');
		expect(error.description).toBe('Nothing was sent. (ECONNREFUSED)');
		expect(error.context.itemIndex).toBe(0);
	});

	it('keeps WeChat’s words even when they contain a Node.js error code', () => {
		const cause = new client.WeChatApiError({ errcode: 61450, errmsg: 'system error EPERM rid: 1-2', path: '/x', wording: OFFICIAL_ACCOUNT_WORDING });
		const error = errors.toNodeError(node, cause, 2);
		expect(error.message).toBe('WeChat’s customer-service system failed. WeChat: system error EPERM (errcode 61450)');
		expect(error.description).toBe('Try again later. rid: 1-2');
		expect(error.context.itemIndex).toBe(2);
	});

	it('keeps a field problem that quotes typed text with an error code, named by its label', () => {
		const cause = new client.WeChatInputError('openid', 'must be an openid (letters, digits, "_" and "-" only), got "oEEXIST x"');
		const error = errors.toNodeError(node, cause, 1, { properties });
		expect(error).toBeInstanceOf(n8n.NodeOperationError);
		expect(error.message).toBe('"Customer OpenID" must be an openid (letters, digits, "_" and "-" only), got "oEEXIST x"');
		expect(error.description).toBe('Parameter name: openid');
		expect(error.context.itemIndex).toBe(1);
	});
});
