import type { INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from './workflow';

/** A copy of the workflow with some parameters of one node replaced (or removed when undefined). */
export function withParams(wf: WorkflowJson, nodeName: string, params: Record<string, unknown>): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowJson;
	const node = copy.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`no node named ${nodeName}`);
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined) delete node.parameters[key];
		else node.parameters[key] = value as INodeParameters[string];
	}
	return copy;
}

/** A copy of the workflow whose node sends failing items to its regular output (n8n "On Error: Continue"). */
export function continueOnFail(wf: WorkflowJson, nodeName: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowJson;
	const node = copy.nodes.find((n) => n.name === nodeName);
	if (!node) throw new Error(`no node named ${nodeName}`);
	node.onError = 'continueRegularOutput';
	return copy;
}
