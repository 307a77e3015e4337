// @ts-check
'use strict';
/**
 * The one client of n8n's REST API the scripts use: the owner's session, running a saved workflow, creating and
 * publishing workflows and credentials, listing executions and reading their run data.
 */
const path = require('path');
const { setTimeout: sleep } = require('timers/promises');

const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'WeChat-Demo-2026' };
const BROWSER_ID = 'wechat-cs-local-browser';
/** Execution states that are not finished yet. */
const UNFINISHED = ['new', 'running', 'waiting'];

/**
 * @typedef {import('./runData').RunData} RunData
 * @typedef {{ id: string, status: string }} ExecutionSummary
 * @typedef {{ id: string, name: string }} CredentialRef
 * @typedef {{ name: string, nodes: any[], connections: object, settings?: object, active?: boolean, path: string }} WebhookWorkflow
 */

/** A response body as JSON, or undefined when it is not JSON (an HTML error page, a proxy's text). @param {string} text */
function jsonOrUndefined(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}


/** An HTTP error status of a REST call. */
class RestError extends Error {
	/** @param {string} message @param {number} status */
	constructor(message, status) {
		super(message);
		this.status = status;
	}
}

/** REST client holding the n8n-auth cookie. */
class Rest {
	/** @param {string} baseUrl */
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
	}

	/** @param {string} method @param {string} p @param {unknown} [body] @returns {Promise<any>} */
	async call(method, p, body) {
		/** @type {Record<string, string>} */
		const headers = { 'browser-id': BROWSER_ID, accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookie) headers.cookie = this.cookie;
		const res = await fetch(this.baseUrl + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		for (const c of res.headers.getSetCookie ? res.headers.getSetCookie() : []) {
			const m = /^(n8n-auth=[^;]*)/.exec(c);
			if (m) this.cookie = m[1];
		}
		const text = await res.text();
		if (!res.ok) throw new RestError(`${method} ${p} → ${res.status}: ${text.slice(0, 500)}`, res.status);
		return jsonOrUndefined(text);
	}

	/** n8n 1.x answers /healthz/readiness before its REST routes are mounted: waits for /rest/settings. */
	async waitReady(timeoutMs = 120000) {
		const t0 = Date.now();
		for (;;) {
			try {
				return await this.call('GET', '/rest/settings');
			} catch (e) {
				if (e.status !== 404 || Date.now() - t0 > timeoutMs) throw e;
			}
			await sleep(500);
		}
	}

	/** Sets up the owner on a fresh instance, or logs in as the owner. @returns {Promise<'created' | 'login'>} */
	async ownerSession() {
		const settings = await this.call('GET', '/rest/settings');
		const um = (settings.data || settings).userManagement || {};
		if (um.showSetupOnFirstLoad) {
			await this.call('POST', '/rest/owner/setup', OWNER);
			return 'created';
		}
		try {
			await this.call('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		} catch (e) {
			if (e.status !== 400 && e.status !== 404 && e.status !== 422) throw e;
			// n8n 1.x calls the field "email"
			await this.call('POST', '/rest/login', { email: OWNER.email, password: OWNER.password });
		}
		return 'login';
	}

	/** A saved workflow as the editor loads it. @param {string} id @returns {Promise<any>} */
	async workflow(id) {
		return (await this.call('GET', `/rest/workflows/${id}`)).data;
	}

	/** Runs a saved workflow manually (as the editor does) and waits until the execution finishes. @param {string} workflowId */
	async runWorkflow(workflowId, { timeoutMs = 60000 } = {}) {
		const wf = await this.workflow(workflowId);
		const trigger = wf.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.manualTrigger');
		const started = await this.call('POST', `/rest/workflows/${workflowId}/run`, {
			workflowData: wf,
			...(trigger ? { triggerToStartFrom: { name: trigger.name } } : {}),
		});
		const executionId = started.data && started.data.executionId;
		if (!executionId) throw new Error(`run of ${workflowId} returned no executionId: ${JSON.stringify(started).slice(0, 300)}`);
		const t0 = Date.now();
		while (Date.now() - t0 < timeoutMs) {
			const ex = (await this.call('GET', `/rest/executions/${executionId}`)).data;
			if (ex && ex.finished !== undefined && ex.status && !UNFINISHED.includes(ex.status)) {
				return { executionId, status: ex.status, execution: ex };
			}
			await sleep(300);
		}
		throw new Error(`execution ${executionId} of ${workflowId} did not finish within ${timeoutMs / 1000}s`);
	}

	/** Creates a credential. @param {string} name @param {string} type @param {object} data @returns {Promise<CredentialRef>} */
	async createCredential(name, type, data) {
		const r = await this.call('POST', '/rest/credentials', { name, type, data });
		return { id: r.data.id, name };
	}

	/**
	 * Creates and publishes a workflow, then waits until n8n serves its production webhook (`served` tells; by
	 * default a GET on a registered POST-only webhook answers "… not registered for GET … POST").
	 * @param {WebhookWorkflow} wf @param {(status: number, text: string) => boolean} [served]
	 */
	async createPublished(wf, served = (status, text) => /POST/.test(text) && /GET/.test(text)) {
		const { path: hookPath, ...body } = wf;
		const created = (await this.call('POST', '/rest/workflows', body)).data;
		await this.call('POST', `/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
		const url = `${this.baseUrl}/webhook/${hookPath}`;
		const t0 = Date.now();
		while (Date.now() - t0 < 30000) {
			/** @type {[number, string]} */
			const answer = await fetch(url).then(async (r) => [r.status, await r.text()], () => [0, '']);
			if (served(...answer)) return { id: /** @type {string} */ (created.id), url };
			await sleep(300);
		}
		throw new Error(`webhook ${url} of "${wf.name}" is not served 30s after publishing`);
	}

	/** The newest executions of a workflow (the API gives at most 100 a page). @param {string} workflowId @returns {Promise<ExecutionSummary[]>} */
	async executions(workflowId, limit = 100) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const r = await this.call('GET', `/rest/executions?filter=${filter}&limit=${limit}`);
		const d = r.data || r;
		return d.results || d;
	}

	/** Waits until a workflow has `count` finished executions; returns them. @param {string} workflowId @param {number} count */
	async finishedExecutions(workflowId, count, timeoutMs = 30000) {
		const t0 = Date.now();
		/** @type {ExecutionSummary[]} */
		let list = [];
		while (Date.now() - t0 < timeoutMs) {
			list = await this.executions(workflowId);
			if (list.length >= count && list.every((e) => !['new', 'running'].includes(e.status))) return list;
			await sleep(300);
		}
		throw new Error(`expected ${count} finished executions of ${workflowId}, have ${JSON.stringify(list.map((e) => e.status))}`);
	}

	/**
	 * One execution with its run data, unflattened with the `flatted` package the runtime's n8n ships.
	 * @param {{ dir: string }} rt @param {string} id
	 * @returns {Promise<{ status: string, mode: string, runData: RunData, error: unknown }>}
	 */
	async execution(rt, id) {
		const flatted = require(require.resolve('flatted', { paths: [path.join(rt.dir, 'node_modules', 'n8n')] }));
		const ex = (await this.call('GET', `/rest/executions/${id}`)).data;
		const data = typeof ex.data === 'string' ? flatted.parse(ex.data) : ex.data;
		const result = (data && data.resultData) || {};
		return { status: ex.status, mode: ex.mode, runData: result.runData || {}, error: result.error };
	}
}

module.exports = { OWNER, Rest, jsonOrUndefined };
