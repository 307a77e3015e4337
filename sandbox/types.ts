import type { IncomingHttpHeaders } from 'node:http';

import type { SandboxClock } from './clock';
import type { SandboxState } from './state';

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

/** What a route sees of the sandbox (the server implements it; routes never import the server). */
export interface SandboxContext {
	readonly clock: SandboxClock;
	readonly state: SandboxState;
	/** Base URL, e.g. http://127.0.0.1:8787 (for URLs the sandbox serves itself, like avatars). */
	readonly url: string;
	addRoute(route: Route): void;
}

export type RouteHandler = (
	req: ReceivedRequest,
	sandbox: SandboxContext,
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
