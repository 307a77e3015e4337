// @ts-check
'use strict';
/**
 * What the built action nodes offer (read from dist/): per node type, resource → operations, and the defaults a
 * workflow's parameters leave out. The workflow checks record what they ran; the coverage check compares.
 */
const path = require('path');

const { NODE_TYPE, WECOM_NODE_TYPE } = require('../lib/names');
const { REPO_ROOT } = require('../lib/proc');

/**
 * @typedef {object} BuiltNode
 * @property {string} type  the node type, as workflows name it
 * @property {string} label  how the coverage checks name its resources ('' for the Official Account node)
 * @property {Map<string, Set<string>>} offered  resource → operations
 * @property {string} defaultResource
 * @property {Map<string, string>} defaultOperation  resource → its Operation default
 */

/** @typedef {{ name: string, default?: unknown, options?: { value: string }[], displayOptions?: { show?: { resource?: string[] } } }} Property */

/** @param {string} type @param {string} label @param {string} folder @param {string} className @returns {BuiltNode} */
function builtNode(type, label, folder, className) {
	const file = path.join(REPO_ROOT, 'dist', 'nodes', folder, `${className}.node.js`);
	/** @type {Property[]} */
	const props = new (require(file)[className])().description.properties;
	const resource = props.find((p) => p.name === 'resource');
	if (!resource || !resource.options) throw new Error(`${file} has no Resource options`);
	/** @type {Map<string, Set<string>>} */
	const offered = new Map(resource.options.map((r) => [r.value, new Set()]));
	/** @type {Map<string, string>} */
	const defaultOperation = new Map();
	for (const p of props.filter((x) => x.name === 'operation')) {
		for (const r of (p.displayOptions && p.displayOptions.show && p.displayOptions.show.resource) || []) {
			for (const o of p.options || []) offered.get(r)?.add(o.value);
			defaultOperation.set(r, String(p.default));
		}
	}
	return { type, label, offered, defaultResource: String(resource.default), defaultOperation };
}

/** Both action nodes of the build. @returns {BuiltNode[]} */
function builtNodes() {
	return [
		builtNode(NODE_TYPE, '', 'WeChatCustomerService', 'WeChatCustomerService'),
		builtNode(WECOM_NODE_TYPE, 'WeCom ', 'WeComCustomerService', 'WeComCustomerService'),
	];
}

/** "<type> <resource>.<operation>", the key of one operation of one node. @param {string} type @param {string} resource @param {string} operation */
function operationKey(type, resource, operation) {
	return `${type} ${resource}.${operation}`;
}

/**
 * The operations of the built nodes a workflow uses, as operationKey()s.
 * @param {{ nodes: { type: string, parameters: Record<string, unknown> }[] }} wf @param {BuiltNode[]} nodes
 */
function usedOperations(wf, nodes) {
	return wf.nodes.flatMap((n) => {
		const node = nodes.find((b) => b.type === n.type);
		if (!node) return [];
		const resource = String(n.parameters.resource || node.defaultResource);
		return [operationKey(n.type, resource, String(n.parameters.operation || node.defaultOperation.get(resource)))];
	});
}

/** The used operations the build does not offer (yet), as "resource.operation". @param {string[]} used @param {BuiltNode[]} nodes */
function notOffered(used, nodes) {
	return used.filter((key) => {
		const [type, op] = key.split(' ');
		const [r, o] = op.split('.');
		return !nodes.find((b) => b.type === type)?.offered.get(r)?.has(o);
	});
}

module.exports = { builtNodes, operationKey, usedOperations, notOffered };
