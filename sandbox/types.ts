import type { IncomingHttpHeaders } from 'node:http';

import type { KfSandbox } from './server';

export interface ReceivedRequest {
	method: string;
	/** Path without the query string, e.g. /cgi-bin/customservice/getkflist */
	path: string;
	/** The raw query string as sent (without `?`), to check escaping such as a literal `@`. */
	rawQuery: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** The body parsed as JSON when it is JSON, else undefined. */
	json?: unknown;
	/** Sandbox time (unix seconds) when it arrived. */
	at: number;
}

export interface SandboxResponse {
	status?: number;
	json?: unknown;
	body?: Buffer | string;
	headers?: Record<string, string>;
}

export type RouteHandler = (
	req: ReceivedRequest,
	sandbox: KfSandbox,
) => SandboxResponse | Promise<SandboxResponse>;

export interface Route {
	method: 'GET' | 'POST';
	path: string;
	handler: RouteHandler;
}

/** A fault injected on one path: applied to the next `times` requests (default: all). */
export interface Fault {
	delayMs?: number;
	httpStatus?: number;
	malformedJson?: boolean;
	emptyBody?: boolean;
	errcode?: number;
	errmsg?: string;
	times?: number;
}
