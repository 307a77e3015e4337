import type { SandboxContext } from './types';

/**
 * A valid 8×8 grey baseline JPEG (one DC-only block, one-code Huffman tables), served for demo
 * agents that have an avatar URL but never uploaded one.
 */
export const BUILTIN_AVATAR: Buffer = Buffer.concat([
	Buffer.from('FFD8', 'hex'),
	Buffer.from('FFDB004300', 'hex'),
	Buffer.alloc(64, 1),
	Buffer.from('FFC0000B080008000801011100', 'hex'),
	Buffer.from(`FFC4001400${'01'.padEnd(32, '0')}00`, 'hex'),
	Buffer.from(`FFC4001410${'01'.padEnd(32, '0')}00`, 'hex'),
	Buffer.from('FFDA000801010000 3F00'.replace(/ /g, ''), 'hex'),
	Buffer.from('3FFFD9', 'hex'),
]);

/** The sandbox "CDN" path of an agent's avatar; the last segment is the size (0 = 640×640). */
export function avatarPath(kfId: string, size = '0'): string {
	return `/mmhead/${kfId}/${size}`;
}

/** Serves `bytes` as image/jpeg at `path` (GET, no token, like WeChat's image CDN). */
export function serveAvatar(sb: SandboxContext, path: string, bytes: Buffer): void {
	sb.state.avatarFiles.set(path, bytes);
	sb.addRoute({
		method: 'GET',
		path,
		handler: (req, box) => {
			const file = box.state.avatarFiles.get(req.path);
			if (!file) return { status: 404, body: 'not found' };
			return { body: file, headers: { 'content-type': 'image/jpeg' } };
		},
	});
}

/** Demo agents whose avatar URL points at this sandbox get the built-in JPEG. */
export function seedDemoAvatars(sb: SandboxContext): void {
	for (const agent of sb.state.agents) {
		if (agent.kf_headimgurl.startsWith(`${sb.url}/`)) {
			serveAvatar(sb, agent.kf_headimgurl.slice(sb.url.length), BUILTIN_AVATAR);
		}
	}
}
