"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pushRoutes = void 0;
exports.pushFromSandbox = pushFromSandbox;
const push_1 = require("../push");
const media_1 = require("../media");
function customerMedia(sb, r) {
    if (r.mediaId)
        return {};
    const kind = r.type === 'shortvideo' ? 'video' : r.type;
    if (kind !== 'image' && kind !== 'voice' && kind !== 'video')
        return {};
    const now = sb.clock.now();
    const media = sb.state.media.add(kind, (0, media_1.customerFile)(kind), now, `customer.${kind}`, 'customer');
    if (kind !== 'video')
        return { mediaId: media.media_id };
    return { mediaId: media.media_id, thumbMediaId: sb.state.media.add('thumb', (0, media_1.customerFile)('thumb'), now, 'thumb.jpg', 'customer').media_id };
}
async function pushFromSandbox(sb, r) {
    if (!push_1.PUSH_TYPES.includes(r.type))
        throw new Error(`unknown push type "${r.type}" (one of ${push_1.PUSH_TYPES.join(', ')})`);
    const target = { ...push_1.SANDBOX_PUSH, mode: r.mode ?? 'safe', ...r.target };
    const now = Math.floor(Date.now() / 1000);
    const spec = { ...r, to: r.to ?? push_1.SANDBOX_PUSH.originalId, ...customerMedia(sb, r) };
    const result = await (0, push_1.sendPush)(r.url, target, spec, { now, timestamp: now + (r.timestampOffset ?? 0) });
    if (result.status === 200 && (0, push_1.isCustomerMessage)(r.type)) {
        sb.state.conversations.customerWrites(spec.from ?? 'oSandboxCustomer0001', sb.clock.now());
    }
    return result;
}
function parse(req) {
    const body = req.json;
    if (!body || typeof body.url !== 'string' || typeof body.type !== 'string') {
        throw new Error('POST /sandbox/push needs a JSON body with url and type');
    }
    return body;
}
exports.pushRoutes = [
    {
        method: 'POST',
        path: '/sandbox/push',
        handler: async (req, sb) => {
            try {
                return { json: await pushFromSandbox(sb, parse(req)) };
            }
            catch (error) {
                return { status: 400, json: { error: error instanceof Error ? error.message : String(error) } };
            }
        },
    },
];
