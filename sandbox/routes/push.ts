import { PUSH_TYPES, SANDBOX_PUSH, isCustomerMessage, sendPush, type PushMode, type PushReplyCheck, type PushSpec, type PushTarget } from '../push';
import { customerFile } from '../media';
import type { ReceivedRequest, Route, SandboxContext } from '../types';

export interface SandboxPushRequest extends PushSpec {
	/** The trigger's URL (production or test). */
	url: string;
	mode?: PushMode;
	/** Another server configuration than the sandbox's own. */
	target?: Partial<PushTarget>;
	/** Seconds added to the signed timestamp (to try the trigger's window). */
	timestampOffset?: number;
}

/** A customer's image, voice or video is a file WeChat keeps 3 days: store one, so Media → Download finds it. */
function customerMedia(sb: SandboxContext, r: SandboxPushRequest): Pick<PushSpec, 'mediaId' | 'thumbMediaId'> {
	if (r.mediaId) return {};
	const kind = r.type === 'shortvideo' ? 'video' : r.type;
	if (kind !== 'image' && kind !== 'voice' && kind !== 'video') return {};
	const now = sb.clock.now();
	const media = sb.state.media.add(kind, customerFile(kind), now, `customer.${kind}`, 'customer');
	if (kind !== 'video') return { mediaId: media.media_id };
	return { mediaId: media.media_id, thumbMediaId: sb.state.media.add('thumb', customerFile('thumb'), now, 'thumb.jpg', 'customer').media_id };
}

/**
 * WeChat pushes a customer message or event to a trigger. A customer message the trigger
 * accepted (HTTP 200) opens that customer's 48-hour window, so Message → Send to them works.
 * The window opens before the push is sent (the workflow it starts may call Message → Send
 * before the answer is read here) and closes again when the trigger refuses the push.
 */
export async function pushFromSandbox(sb: SandboxContext, r: SandboxPushRequest): Promise<PushReplyCheck> {
	if (!PUSH_TYPES.includes(r.type)) throw new Error(`unknown push type "${r.type}" (one of ${PUSH_TYPES.join(', ')})`);
	const target: PushTarget = { ...SANDBOX_PUSH, mode: r.mode ?? 'safe', ...r.target };
	const now = Math.floor(Date.now() / 1000);
	const spec: PushSpec = { ...r, to: r.to ?? SANDBOX_PUSH.originalId, ...customerMedia(sb, r) };
	const from = spec.from ?? 'oSandboxCustomer0001';
	const takeBack = isCustomerMessage(r.type) ? sb.state.conversations.remember(from) : undefined;
	if (takeBack) sb.state.conversations.customerWrites(from, sb.clock.now());
	try {
		const result = await sendPush(r.url, target, spec, { now, timestamp: now + (r.timestampOffset ?? 0) });
		if (result.status !== 200) takeBack?.();
		return result;
	} catch (error) {
		takeBack?.();
		throw error;
	}
}

function parse(req: ReceivedRequest): SandboxPushRequest {
	const body = req.json as SandboxPushRequest | undefined;
	if (!body || typeof body.url !== 'string' || typeof body.type !== 'string') {
		throw new Error('POST /sandbox/push needs a JSON body with url and type');
	}
	return body;
}

/** Not a WeChat API: lets the CLI (another process) push through the running sandbox. */
export const pushRoutes: Route[] = [
	{
		method: 'POST',
		path: '/sandbox/push',
		handler: async (req, sb) => {
			try {
				return { json: await pushFromSandbox(sb, parse(req)) };
			} catch (error) {
				// fetch says only "fetch failed"; its cause names what went wrong (ECONNREFUSED …).
				const cause = (error as { cause?: { code?: string } }).cause?.code;
				return { status: 400, json: { error: cause ?? (error instanceof Error ? error.message : String(error)) } };
			}
		},
	},
];
