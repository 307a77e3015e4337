"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CapturedLogs = void 0;
exports.dump = dump;
exports.everythingShown = everythingShown;
exports.leaks = leaks;
const n8n_workflow_1 = require("n8n-workflow");
function dump(value) {
    const seen = new WeakSet();
    return JSON.stringify(value, function (_key, v) {
        if (typeof v === 'bigint')
            return String(v);
        if (typeof v !== 'object' || v === null)
            return v;
        if (seen.has(v))
            return '[cycle]';
        seen.add(v);
        if (v instanceof Error) {
            const out = {};
            for (const key of Object.getOwnPropertyNames(v))
                out[key] = v[key];
            for (const key of Object.keys(v))
                out[key] = v[key];
            out.cause = v.cause;
            return out;
        }
        if (Buffer.isBuffer(v))
            return v.toString('utf8');
        return v;
    });
}
class CapturedLogs {
    captured = [];
    previous;
    get lines() {
        const logger = globalThis.__n8nLogLines ?? [];
        return [...this.captured, ...logger.map(String)];
    }
    install() {
        this.captured = [];
        const { error, warn, info, debug } = n8n_workflow_1.LoggerProxy;
        this.previous = { error, warn, info, debug };
        const keep = (level) => (message, meta) => {
            this.captured.push(`${level} ${message} ${dump(meta)}`);
        };
        n8n_workflow_1.LoggerProxy.init({ error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') });
    }
    uninstall() {
        if (this.previous)
            n8n_workflow_1.LoggerProxy.init(this.previous);
    }
}
exports.CapturedLogs = CapturedLogs;
function everythingShown(result, logs) {
    const parts = [];
    const seen = new Set();
    let error = result.error;
    while (error && !seen.has(error)) {
        seen.add(error);
        const e = error;
        parts.push(String(e.message), String(e.description), String(e.stack), dump(e.errorResponse), dump(e.messages), dump(e));
        error = e.cause;
    }
    parts.push(dump(result.run), ...logs);
    return parts.join('\n');
}
function leaks(text, secrets) {
    return secrets
        .filter((s) => s && text.includes(s))
        .map((s) => {
        const at = text.indexOf(s);
        return `${s} in …${text.slice(Math.max(0, at - 80), at + s.length + 40)}…`;
    });
}
