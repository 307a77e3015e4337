"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.uploadMedia = void 0;
const binary_1 = require("../../execution/binary");
const zonedTime_1 = require("../../client/zonedTime");
const shared_1 = require("../shared");
const shared_2 = require("./shared");
exports.uploadMedia = {
    option: {
        name: 'Upload',
        value: 'upload',
        action: 'Upload a media file',
        description: 'Upload an image, voice clip, video or thumbnail as temporary media (kept 3 days) and get the media_id that image, voice and video messages need (media/upload)',
    },
    api: 'POST /cgi-bin/media/upload',
    properties: [
        shared_2.mediaTypeProperty,
        {
            displayName: 'Input Binary Field',
            name: 'binaryPropertyName',
            type: 'string',
            required: true,
            default: 'data',
            description: 'Name of the binary field holding the file',
        },
        (0, shared_1.optionsCollection)(),
    ],
    async execute({ itemIndex, client }) {
        const type = (0, shared_2.readMediaType)(this, itemIndex);
        const upload = await (0, binary_1.readMediaUpload)(this, itemIndex, type, 'binaryPropertyName');
        const media = await client.uploadMedia(type, upload.multipart);
        return {
            media_id: media.media_id,
            type: media.type,
            created_at: media.created_at,
            created_at_iso: new zonedTime_1.ZonedFormatter(this.getTimezone()).iso(media.created_at),
            ...(media.thumb_media_id ? { thumb_media_id: media.thumb_media_id } : {}),
        };
    },
};
