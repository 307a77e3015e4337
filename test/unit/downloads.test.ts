// Downloads and answers that fail after their headers: byte caps (declared and sent), a body cut
// or stalled mid-way, each in the package's words naming the side, the host and the call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createKfClient } from '../../nodes/WeChatCustomerService/client/createClient';
import { AVATAR_CAP } from '../../nodes/WeChatCustomerService/client/downloadCaps';
import { WeChatOutcomeUnknownError } from '../../nodes/shared/errors';
import { WeChatTransportError } from '../../nodes/shared/transport/errors';
import type { ByteStream } from '../../nodes/shared/transport/http';
import { n8nHelperTransport } from '../helpers/transport';
import { inOperationWords } from '../../nodes/shared/execution/errors';
import { sendMessage } from '../../nodes/WeChatCustomerService/resources/message/send.operation';

const MB = 1024 * 1024;

/** A loopback server whose every request `handle` answers. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ host: string; server: Server }> {
	const server = createServer(handle);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const servers: Server[] = [];
afterEach(() => {
	for (const server of servers.splice(0)) {
		server.closeAllConnections();
		server.close();
	}
});

async function host(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
	const { host: where, server } = await serve(handle);
	servers.push(server);
	return where;
}

function client(baseUrl: string, timeoutSeconds = 10) {
	const data = { source: 'accessToken', accessToken: 'FIXED-TOKEN-dl-1', apiHost: 'custom', baseUrl, timeoutSeconds };
	return createKfClient(data as never, n8nHelperTransport());
}

/** Sends 64 KB chunks until the client stops reading. */
function endless(res: ServerResponse): void {
	res.writeHead(200, { 'content-type': 'video/mp4' });
	const chunk = Buffer.alloc(64 * 1024, 7);
	const more = () => {
		while (!res.destroyed && res.write(chunk));
		if (!res.destroyed) res.once('drain', more);
	};
	more();
}

async function drain(stream: ByteStream): Promise<{ bytes: number; error?: unknown }> {
	let bytes = 0;
	try {
		for await (const chunk of stream) bytes += chunk.length;
		return { bytes };
	} catch (error) {
		return { bytes, error };
	}
}

describe('byte caps', () => {
	it('refuses a media URL whose Content-Length is over the cap before reading the body', async () => {
		// Only the headers are sent: the client must decide on them alone, or wait until its Timeout.
		const where = await host((_req, res) => {
			res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(1024 * MB) });
			res.flushHeaders();
		});
		const error = (await client(`http://${where}`)
			.downloadStream(`http://${where}/cdn/video.mp4`)
			.catch((e: unknown) => e)) as WeChatTransportError;
		expect(error).toBeInstanceOf(WeChatTransportError);
		expect(error.failure).toBe('tooLarge');
		expect(error.message).toBe(
			`The media URL at ${where} sent a file of 1073741824 bytes (Content-Length), over this node's limit of 20 MB (20971520 bytes): WeChat allows temporary media of at most 10 MB (image 10 MB, voice 2 MB, video 10 MB)`,
		);
		expect(error.hint).toBe('Nothing was downloaded.');
	});

	it('cuts a media body that never ends at the cap', async () => {
		const where = await host((_req, res) => endless(res));
		const file = await client(`http://${where}`).downloadStream(`http://${where}/cdn/video.mp4`);
		const { bytes, error } = await drain(file.stream!);
		expect(bytes).toBe(20 * MB);
		expect(error).toBeInstanceOf(WeChatTransportError);
		expect((error as Error).message).toBe(
			`The media URL at ${where} sent a file of more than 20 MB, over this node's limit of 20 MB (20971520 bytes): WeChat allows temporary media of at most 10 MB (image 10 MB, voice 2 MB, video 10 MB)`,
		);
		expect((error as WeChatTransportError).hint).toBe('The download was stopped at the limit.');
	});

	it('refuses an avatar over its cap, declared or sent', async () => {
		const declared = await host((_req, res) => {
			res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(11 * MB) });
			res.flushHeaders();
		});
		const sent = await host((_req, res) => endless(res));
		const a = (await client(`http://${declared}`).download(`http://${declared}/mmhead/1/0`, AVATAR_CAP).catch((e: unknown) => e)) as Error;
		const b = (await client(`http://${sent}`).download(`http://${sent}/mmhead/1/0`, AVATAR_CAP).catch((e: unknown) => e)) as Error;
		expect(a.message).toBe(
			`The avatar URL at ${declared} sent a file of 11534336 bytes (Content-Length), over this node's limit of 10 MB (10485760 bytes): WeChat allows avatars of at most 5 MB`,
		);
		expect(b.message).toBe(
			`The avatar URL at ${sent} sent a file of more than 10 MB, over this node's limit of 10 MB (10485760 bytes): WeChat allows avatars of at most 5 MB`,
		);
	});
});

describe('an answer that fails after its headers', () => {
	const send = { method: 'POST', path: '/cgi-bin/message/custom/send', kind: 'write', json: { touser: 'o1' } } as const;
	const maySend = 'WeChat may have sent the message anyway: check with Record → Get Many before sending it again';
	// The client knows no operation; the node words the error for the one that made the call (Message → Send).
	const asSend = (error: unknown) => inOperationWords(error, sendMessage) as WeChatOutcomeUnknownError;

	it('cut after the headers: named, and for a write "WeChat may have done it"', async () => {
		const where = await host((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
			res.write('{"errcode":');
			res.socket?.destroy();
		});
		const error = asSend(await client(`http://${where}`).call(send).catch((e: unknown) => e));
		expect(error).toBeInstanceOf(WeChatOutcomeUnknownError);
		expect(error.message).toBe(
			`The connection to the WeChat API host at ${where} was closed before it answered (message/custom/send). ${maySend}`,
		);
		expect(error.message).not.toContain('FIXED-TOKEN');
	});

	it('a body that stalls ends at the Timeout, named, and for a write "WeChat may have done it"', async () => {
		const where = await host((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
			res.write('{"errcode":');
		});
		const error = asSend(await client(`http://${where}`, 1).call(send).catch((e: unknown) => e));
		expect(error).toBeInstanceOf(WeChatOutcomeUnknownError);
		expect(error.message).toBe(`No answer from the WeChat API host at ${where} within 1 s (message/custom/send). ${maySend}`);
	});

	it('a read cut after the headers is named too (and not called a possible change)', async () => {
		const where = await host((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
			res.write('{"kf_list":[');
			res.socket?.destroy();
		});
		const error = (await client(`http://${where}`)
			.call({ method: 'GET', path: '/cgi-bin/customservice/getkflist', kind: 'read' })
			.catch((e: unknown) => e)) as WeChatTransportError;
		expect(error).toBeInstanceOf(WeChatTransportError);
		expect(error.message).toBe(`The connection to the WeChat API host at ${where} was closed before it answered (getkflist)`);
	});
});
