// Everything a user, an admin or a log collector can see after a run, as one text to search
// for secrets: the error (message, description, stack, cause chain, errorResponse), the run data
// with every output item, and n8n's log lines at debug level.
import { LoggerProxy } from 'n8n-workflow';

import type { WorkflowRun } from '../helpers/workflow';

/** JSON of anything, with own non-enumerable Error fields (stack, cause) and cycles cut. */
export function dump(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, function (_key, v: unknown) {
		if (typeof v === 'bigint') return String(v);
		if (typeof v !== 'object' || v === null) return v;
		if (seen.has(v)) return '[cycle]';
		seen.add(v);
		if (v instanceof Error) {
			const out: Record<string, unknown> = {};
			for (const key of Object.getOwnPropertyNames(v)) out[key] = (v as unknown as Record<string, unknown>)[key];
			for (const key of Object.keys(v)) out[key] = (v as unknown as Record<string, unknown>)[key];
			out.cause = (v as { cause?: unknown }).cause;
			return out;
		}
		if (Buffer.isBuffer(v)) return v.toString('utf8');
		return v;
	});
}

type LogFunctions = Pick<typeof LoggerProxy, 'error' | 'warn' | 'info' | 'debug'>;

/**
 * n8n's LoggerProxy (what n8n-core's WorkflowExecute logs to) captured at debug level, plus the
 * lines n8n's Logger wrote during the test (test/setup-env.js keeps them per test).
 */
export class CapturedLogs {
	private captured: string[] = [];
	private previous?: LogFunctions;

	get lines(): string[] {
		const logger = (globalThis as { __n8nLogLines?: unknown[] }).__n8nLogLines ?? [];
		return [...this.captured, ...logger.map(String)];
	}

	install(): void {
		this.captured = [];
		const { error, warn, info, debug } = LoggerProxy;
		this.previous = { error, warn, info, debug };
		const keep = (level: string) => (message: string, meta?: unknown) => {
			this.captured.push(`${level} ${message} ${dump(meta)}`);
		};
		LoggerProxy.init({ error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') } as never);
	}

	uninstall(): void {
		if (this.previous) LoggerProxy.init(this.previous as never);
	}
}

/** The text of everything shown or stored after `result`, one part per line. */
export function everythingShown(result: WorkflowRun, logs: readonly string[]): string {
	const parts: string[] = [];
	const seen = new Set<unknown>();
	let error: unknown = result.error;
	while (error && !seen.has(error)) {
		seen.add(error);
		const e = error as Error & { description?: unknown; errorResponse?: unknown; messages?: unknown };
		parts.push(String(e.message), String(e.description), String(e.stack), dump(e.errorResponse), dump(e.messages), dump(e));
		error = e.cause;
	}
	parts.push(dump(result.run), ...logs);
	return parts.join('\n');
}

/** Which of `secrets` occur in `text`, each with a little context, for a readable failure. */
export function leaks(text: string, secrets: readonly string[]): string[] {
	return secrets
		.filter((s) => s && text.includes(s))
		.map((s) => {
			const at = text.indexOf(s);
			return `${s} in …${text.slice(Math.max(0, at - 80), at + s.length + 40)}…`;
		});
}
