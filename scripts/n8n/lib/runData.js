// @ts-check
'use strict';
/** Reading an execution's run data: from what `n8n execute --rawOutput` printed, or from the REST API (lib/rest.js). */

/**
 * node name → its runs; each run's data.main holds one list of items per output.
 * @typedef {Record<string, { data?: { main?: ({ json: any, binary?: any }[] | null)[] } }[]>} RunData
 * @typedef {{ status: string, data: { resultData: { runData: RunData, error?: unknown } } }} ExecuteResult
 */

/** @param {string} text @returns {any} */
function parseOrNull(text) {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/**
 * Parses `N8N_LOG_FORMAT=json n8n execute --id=... --rawOutput` stdout: every line is a JSON log record and the
 * run result is the message of the last info record. Returns { run, errorText }: run is null when the command failed
 * before producing a result; errorText collects error-level messages.
 * @param {string} stdout
 */
function parseExecuteOutput(stdout) {
	const logs = stdout
		.split('\n')
		.map((line) => line.trim())
		.filter((t) => t.startsWith('{'))
		.map(parseOrNull)
		.filter(Boolean);
	/** @type {ExecuteResult | null} */
	let run = null;
	for (let i = logs.length - 1; i >= 0 && !run; i--) {
		if (logs[i].level !== 'info' || typeof logs[i].message !== 'string') continue;
		const parsed = parseOrNull(logs[i].message);
		if (parsed && parsed.data && parsed.data.resultData) run = parsed;
	}
	const errorText = logs
		.filter((l) => l.level === 'error')
		.map((l) => l.message)
		.join('\n');
	return { run, errorText: errorText || (run ? '' : stdout.slice(-2000)) };
}

/** n8n 1.x may print the raw JSON unwrapped: the outermost object that starts a line. @param {string} stdout @returns {ExecuteResult | null} */
function unwrappedRun(stdout) {
	const i = stdout.search(/^\{/m);
	return parseOrNull(stdout.slice(i, stdout.lastIndexOf('}') + 1));
}

/**
 * Output items (json) of a node's run, for output index `outputIndex`; undefined when the node did not run.
 * @param {RunData | undefined} runData @param {string} nodeName
 */
function nodeOutput(runData, nodeName, outputIndex = 0, runIndex = 0) {
	const r = runData && runData[nodeName];
	if (!r || !r[runIndex]) return undefined;
	const main = (r[runIndex].data && r[runIndex].data.main) || [];
	return (main[outputIndex] || []).map((item) => item.json);
}

/** The first output item of a node's first run (json and binary), or undefined. @param {RunData | undefined} runData @param {string} nodeName */
function firstItem(runData, nodeName) {
	const r = runData && runData[nodeName];
	const main = r && r[0] && r[0].data && r[0].data.main;
	return (main && main[0] && main[0][0]) || undefined;
}

module.exports = { parseExecuteOutput, unwrappedRun, nodeOutput, firstItem };
