import { NodeHelpers, Workflow, type INode, type INodeParameters } from 'n8n-workflow';

import { WeChatCustomerService } from '../../nodes/WeChatCustomerService/WeChatCustomerService.node';
import { RESOURCES } from '../../nodes/WeChatCustomerService/resources';
import { NODE_TYPE, createNodeTypes } from '../helpers/nodes';

const description = new WeChatCustomerService().description;

/** The subtitle as the editor shows it: parameters completed with their defaults, then evaluated. */
function subtitleFor(parameters: INodeParameters): unknown {
	const node: INode = {
		id: 'n1',
		name: 'WeChat Customer Service',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: NodeHelpers.getNodeParameters(description.properties, parameters, true, false, null, description) ?? {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: createNodeTypes() });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
}

describe('Canvas subtitle', () => {
	// Every option of every Operation dropdown, as the description offers it.
	const rows = description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as Array<{ value: string; action?: string }>).map(
				(o) => [String(p.displayOptions?.show?.resource?.[0]), o.value, String(o.action)] as const,
			),
		);

	it('covers every resource and operation, each with an action string', () => {
		expect(rows.length).toBe(RESOURCES.reduce((n, r) => n + r.operations.length, 0));
		expect(new Set(rows.map(([resource]) => resource))).toEqual(new Set(RESOURCES.map((r) => r.option.value)));
		expect(rows.every(([, , action]) => /^[A-Z]\S* \S/.test(action))).toBe(true);
	});

	it.each(rows)('%s / %s shows "%s"', (resource, operation, action) => {
		expect(subtitleFor({ resource, operation })).toBe(action);
	});

	it('reads "Get many agents" and "Upload an avatar", and follows the defaults', () => {
		expect(subtitleFor({ resource: 'agent', operation: 'getAll' })).toBe('Get many agents');
		expect(subtitleFor({ resource: 'avatar', operation: 'upload' })).toBe('Upload an avatar');
		expect(subtitleFor({})).toBe('Get many agents');
		expect(subtitleFor({ resource: 'session' })).toBe('Create a session');
		expect(subtitleFor({ resource: 'avatar' })).toBe('Upload an avatar');
	});
});
