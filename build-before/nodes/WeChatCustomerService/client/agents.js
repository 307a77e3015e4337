"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.headImageSize = headImageSize;
exports.onlineStatusName = onlineStatusName;
exports.withHeadImageSize = withHeadImageSize;
exports.withStatusName = withStatusName;
function headImageSize(url) {
    if (!url)
        return null;
    const slash = url.lastIndexOf('/');
    if (slash === -1 || slash === url.length - 1)
        return null;
    const tail = url.slice(slash + 1);
    if (!/^[+-]?\d+$/.test(tail))
        return null;
    const size = Number.parseInt(tail, 10);
    return size === 0 ? 640 : size;
}
function onlineStatusName(status) {
    switch (status) {
        case 1:
            return 'pc';
        case 2:
            return 'mobile';
        case 3:
            return 'pc_and_mobile';
        default:
            return 'unknown';
    }
}
function withHeadImageSize(agent) {
    return { ...agent, head_image_size: headImageSize(agent.kf_headimgurl) };
}
function withStatusName(agent) {
    return { ...agent, status_name: onlineStatusName(agent.status) };
}
