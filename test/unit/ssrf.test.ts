// n8n's SSRF protection applies to every request of the node, as it does to n8n's own nodes: on,
// an answer URL on a loopback address is refused, while the API host the admin allowed works.
// The setting is read the way n8n reads it: n8n's config classes take it from the environment
// when n8n-core's container first builds them (test/setup-env.js built some before this file ran).
import { Container } from '@n8n/di';

process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
process.env.N8N_SSRF_ALLOWED_HOSTNAMES = 'localhost';
Container.reset();

import { createKfClient } from '../../nodes/WeChatCustomerService/client/createClient';
import { AVATAR_CAP } from '../../nodes/WeChatCustomerService/client/downloadCaps';
import { WeChatTransportError } from '../../nodes/shared/transport/errors';
import { sampleFile } from '../helpers/mediaFiles';
import { sandboxCredential, useSandbox, CREDENTIAL_TYPE } from '../helpers/sandbox';
import { n8nHelperTransport } from '../helpers/transport';

const ctx = useSandbox('demo');

const BLOCKED_HINT =
	"Nothing was sent. n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) blocks loopback, private and link-local addresses; an n8n administrator can allow a host with N8N_SSRF_ALLOWED_HOSTNAMES or N8N_SSRF_ALLOWED_IP_RANGES.";

/** The sandbox as an API host the admin allowed by name (localhost), its answer URLs on 127.0.0.1. */
function allowedClient() {
	const port = new URL(ctx.sb.url).port;
	const data = sandboxCredential(ctx.sb, { baseUrl: `http://localhost:${port}` })[CREDENTIAL_TYPE];
	return createKfClient(data as never, n8nHelperTransport());
}

describe("n8n's SSRF protection", () => {
	it('refuses a video_url on a loopback address, after the allowed API host answered', async () => {
		const media = ctx.sb.state.media.add('video', sampleFile('mp4', 1000), ctx.sb.clock.now());
		const error = (await allowedClient()
			.downloadMedia(media.media_id)
			.catch((e: unknown) => e)) as WeChatTransportError;
		const cdn = new URL(ctx.sb.url).host;
		expect(error).toBeInstanceOf(WeChatTransportError);
		expect(error.failure).toBe('blocked');
		expect(error.message).toBe(
			`n8n refused to connect to the media URL at ${cdn}: it resolves to a restricted IP address (n8n's SSRF protection)`,
		);
		expect(error.hint).toBe(BLOCKED_HINT);
		expect(ctx.sb.requests.map((r) => r.path)).toEqual(['/cgi-bin/stable_token', '/cgi-bin/media/get']);
	});

	it('refuses a kf_headimgurl on a loopback address', async () => {
		const client = allowedClient();
		const agent = (await client.listAgents()).find((a) => a.kf_headimgurl)!;
		const error = (await client.download(agent.kf_headimgurl!, AVATAR_CAP).catch((e: unknown) => e)) as WeChatTransportError;
		expect(error.message).toBe(
			`n8n refused to connect to the avatar URL at ${new URL(agent.kf_headimgurl!).host}: it resolves to a restricted IP address (n8n's SSRF protection)`,
		);
		expect(ctx.sb.requests.map((r) => r.path)).toEqual(['/cgi-bin/stable_token', '/cgi-bin/customservice/getkflist']);
	});

	it('refuses an API host on a loopback address the admin did not allow, before sending anything', async () => {
		const data = sandboxCredential(ctx.sb)[CREDENTIAL_TYPE];
		const error = (await createKfClient(data as never, n8nHelperTransport())
			.listAgents()
			.catch((e: unknown) => e)) as WeChatTransportError;
		expect(error.message).toBe(
			`n8n refused to connect to the WeChat API host at ${new URL(ctx.sb.url).host} (stable_token): it resolves to a restricted IP address (n8n's SSRF protection)`,
		);
		expect(ctx.sb.requests).toEqual([]);
	});
});
