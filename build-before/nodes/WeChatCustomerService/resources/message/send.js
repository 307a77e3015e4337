"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendMessage = void 0;
const binary_1 = require("../../execution/binary");
const input_1 = require("../../execution/input");
const messages_1 = require("../../client/messages");
const fields_1 = require("./fields");
const shared_1 = require("../shared");
async function readUploads(ctx, itemIndex, messageType) {
    if (!fields_1.MEDIA_SOURCE_TYPES.includes(messageType))
        return [];
    const source = (0, input_1.optionParam)(ctx, itemIndex, 'mediaSource', ['mediaId', 'binary'], 'mediaId', 'mediaId or binary');
    if (source === 'mediaId')
        return [];
    const uploads = [
        { key: 'media_id', ...(await (0, binary_1.readMediaUpload)(ctx, itemIndex, messageType, 'binaryPropertyName')) },
    ];
    if (messageType === 'video') {
        uploads.push({ key: 'thumb_media_id', ...(await (0, binary_1.readMediaUpload)(ctx, itemIndex, 'thumb', 'thumbBinaryPropertyName')) });
    }
    return uploads;
}
exports.sendMessage = {
    option: {
        name: 'Send',
        value: 'send',
        action: 'Send a message',
        description: 'Send a customer-service message to a customer who wrote within the last 48 hours, optionally as a given agent (message/custom/send)',
    },
    api: 'POST /cgi-bin/message/custom/send',
    properties: [
        shared_1.openidProperty,
        ...(0, fields_1.messageProperties)(),
        (0, shared_1.kfAccountProperty)('sendAs'),
        (0, shared_1.optionsCollection)(),
    ],
    async execute({ itemIndex, client }) {
        const openid = (0, shared_1.readOpenid)(this, itemIndex);
        const messageType = (0, input_1.optionParam)(this, itemIndex, 'messageType', messages_1.MESSAGE_TYPES, 'text');
        const uploads = await readUploads(this, itemIndex, messageType);
        const payload = (0, fields_1.readPayload)(this, itemIndex, messageType, uploads.map((u) => u.key));
        const kfAccount = (0, shared_1.readKfAccount)(this, itemIndex, true);
        const used = {};
        for (const upload of uploads) {
            used[upload.key] = (await client.uploadMedia(upload.type, upload.multipart)).media_id;
            payload[upload.key] = used[upload.key];
        }
        await client.sendMessage({ touser: openid, msgtype: messageType, payload, kfAccount });
        return {
            success: true,
            openid,
            msgtype: messageType,
            ...(kfAccount ? { kf_account: kfAccount } : {}),
            ...used,
        };
    },
};
