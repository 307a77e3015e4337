'use strict';
/** What the scale test asks main's REST API: create credentials and workflows, publish them, read executions. */
const path = require('path');

/** Creates a credential; returns { id, name }. */
async function createCredential(rest, name, type, data) {
	const r = await rest.call('POST', '/rest/credentials', { name, type, data });
	return { id: r.data.id, name };
}

/** A GET on a registered POST-only webhook answers "… not registered for GET … POST"; an unknown one does not. */
const postOnlyServed = (status, text) => /POST/.test(text) && /GET/.test(text);

/** Creates and publishes a workflow, then waits until main serves its production webhook (`served` tells). */
async function createPublished(rest, baseUrl, wf, served = postOnlyServed) {
	const { path: hookPath, ...body } = wf;
	const created = (await rest.call('POST', '/rest/workflows', body)).data;
	await rest.call('POST', `/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
	const url = `${baseUrl}/webhook/${hookPath}`;
	const t0 = Date.now();
	while (Date.now() - t0 < 30000) {
		const answer = await fetch(url).then(async (r) => [r.status, await r.text()], () => [0, '']);
		if (served(...answer)) return { id: created.id, url };
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`webhook ${url} of "${wf.name}" is not served 30s after publishing`);
}

/** The newest executions of a workflow (the API gives at most 100 a page). */
async function executionsOf(rest, workflowId, limit = 100) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await rest.call('GET', `/rest/executions?filter=${filter}&limit=${limit}`)).data.results;
}

/** The run data of one execution, unflattened with the `flatted` package n8n ships. */
function loader(rt) {
	const flatted = require(path.join(rt.dir, 'node_modules', 'flatted'));
	return async (rest, id) => {
		const ex = (await rest.call('GET', `/rest/executions/${id}`)).data;
		const data = typeof ex.data === 'string' ? flatted.parse(ex.data) : ex.data;
		return { status: ex.status, mode: ex.mode, runData: (data && data.resultData && data.resultData.runData) || {} };
	};
}

/** First output item of a node in run data. */
function firstJson(runData, nodeName) {
	const r = runData[nodeName];
	const item = r && r[0] && r[0].data && r[0].data.main && r[0].data.main[0] && r[0].data.main[0][0];
	return item && item.json;
}

module.exports = { createCredential, createPublished, executionsOf, loader, firstJson };
