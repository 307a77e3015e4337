// @ts-check
'use strict';
/** DRAFT dump pass */
const fs = require('fs');
const NODES = {
	wcomE2eAccount001: ['Create', 'Update', 'Contact link', 'Delete', 'All accounts'],
	wcomE2eServicer01: ['Add', 'Servicers', 'Remove'],
	wcomE2eSession001: ['State before', 'Transfer', 'State after'],
	wcomE2eMessage001: ['Send text', 'Recall', 'Sync'],
	wcomE2eCustomer01: ['Customers'],
	wcomE2eStats00001: ['Corp statistics', 'Servicer statistics'],
	wcomE2eKnowledge1: ['Create group', 'Create intent', 'Update intent', 'Intents', 'Delete intent', 'Update group', 'Groups', 'Delete group'],
	wcomE2eMedia00001: ['Upload', 'Download'],
	wcomE2eUpgrade001: ['Config', 'Upgrade', 'Cancel'],
	wcomE2eHttpReq001: ['Accounts', 'servicer/list via HTTP Request'],
};
module.exports = Object.entries(NODES).map(([workflow, nodes]) => ({
	name: `WeCom ${workflow}`,
	workflow,
	/** @param {any} o */
	assert(o) {
		const dump = { out: Object.fromEntries(nodes.map((n) => [n, o.out(n)])), requests: o.sb.requests.map((r) => ({ m: r.method, p: r.path, q: r.query, j: r.json })) };
		fs.writeFileSync(`/tmp/wecomE2e/out-${workflow}.json`, JSON.stringify(dump, null, 1));
	},
}));
