"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BUILTIN_AVATAR = void 0;
exports.avatarPath = avatarPath;
exports.serveAvatar = serveAvatar;
exports.seedDemoAvatars = seedDemoAvatars;
exports.BUILTIN_AVATAR = Buffer.concat([
    Buffer.from('FFD8', 'hex'),
    Buffer.from('FFDB004300', 'hex'),
    Buffer.alloc(64, 1),
    Buffer.from('FFC0000B080008000801011100', 'hex'),
    Buffer.from(`FFC4001400${'01'.padEnd(32, '0')}00`, 'hex'),
    Buffer.from(`FFC4001410${'01'.padEnd(32, '0')}00`, 'hex'),
    Buffer.from('FFDA000801010000 3F00'.replace(/ /g, ''), 'hex'),
    Buffer.from('3FFFD9', 'hex'),
]);
function avatarPath(kfId, size = '0') {
    return `/mmhead/${kfId}/${size}`;
}
function serveAvatar(sb, path, bytes) {
    sb.state.avatarFiles.set(path, bytes);
    sb.addRoute({
        method: 'GET',
        path,
        handler: (req, box) => {
            const file = box.state.avatarFiles.get(req.path);
            if (!file)
                return { status: 404, body: 'not found' };
            return { body: file, headers: { 'content-type': 'image/jpeg' } };
        },
    });
}
function seedDemoAvatars(sb) {
    for (const agent of sb.state.agents) {
        if (agent.kf_headimgurl.startsWith(`${sb.url}/`)) {
            serveAvatar(sb, agent.kf_headimgurl.slice(sb.url.length), exports.BUILTIN_AVATAR);
        }
    }
}
