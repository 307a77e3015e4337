'use strict';
/** Reading what `n8n execute --rawOutput` printed. */

/**
 * Parses `N8N_LOG_FORMAT=json n8n execute --id=... --rawOutput` stdout: every line is a JSON log record and the
 * run result is the message of the last info record. Returns { run, logs, errorText }.
 * run is null when the command failed before producing a result; errorText collects error-level messages.
 */
function parseExecuteOutput(stdout) {
	const logs = [];
	for (const line of stdout.split('\n')) {
		const t = line.trim();
		if (!t.startsWith('{')) continue;
		try {
			logs.push(JSON.parse(t));
		} catch {
			/* not a log record */
		}
	}
	let run = null;
	for (let i = logs.length - 1; i >= 0 && !run; i--) {
		if (logs[i].level !== 'info' || typeof logs[i].message !== 'string') continue;
		try {
			const parsed = JSON.parse(logs[i].message);
			if (parsed && parsed.data && parsed.data.resultData) run = parsed;
		} catch {
			/* plain log line */
		}
	}
	const errorText = logs
		.filter((l) => l.level === 'error')
		.map((l) => l.message)
		.join('\n');
	return { run, logs, errorText: errorText || (run ? '' : stdout.slice(-2000)) };
}

/** Output items (json) of a node's first run, for output index `outputIndex`. */
function nodeOutput(run, nodeName, outputIndex = 0, runIndex = 0) {
	const r = run && run.data.resultData.runData[nodeName];
	if (!r || !r[runIndex]) return undefined;
	const main = (r[runIndex].data && r[runIndex].data.main) || [];
	return (main[outputIndex] || []).map((item) => item.json);
}

module.exports = { parseExecuteOutput, nodeOutput };
