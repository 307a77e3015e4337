// The one place without an n8n request helper: n8n calls a credential's `authenticate` (for the
// HTTP Request node) with the credential and the request only. When no node run has left a token
// server for the credential, its token is fetched with the platform's fetch (no proxy).
import type { ByteStream, HttpAnswer, HttpExchange, HttpTransport } from './http';

export const fetchTransport: HttpTransport = {
	async send(exchange: HttpExchange): Promise<HttpAnswer> {
		const response = await fetch(exchange.url, {
			method: exchange.method,
			headers: exchange.headers,
			body: exchange.body,
			signal: exchange.signal,
		});
		const headers: HttpAnswer['headers'] = {};
		response.headers.forEach((value, name) => {
			headers[name] = value;
		});
		const reader = response.body?.getReader();
		const body: ByteStream = {
			async *[Symbol.asyncIterator]() {
				if (!reader) return;
				for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
			},
			destroy: () => void reader?.cancel().catch(() => undefined),
		};
		return { status: response.status, headers, body };
	},
	async pause(): Promise<void> {
		throw new Error('no pauses outside a node run');
	},
	streamOf(): ByteStream {
		throw new Error('no downloads outside a node run');
	},
};
