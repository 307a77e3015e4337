"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mediaTypeProperty = void 0;
exports.readMediaType = readMediaType;
const input_1 = require("../../execution/input");
const media_1 = require("../../client/media");
exports.mediaTypeProperty = {
    displayName: 'Media Type',
    name: 'mediaType',
    type: 'options',
    options: [
        { name: 'Image', value: 'image', description: 'JPEG, PNG or GIF, at most 10 MB' },
        { name: 'Thumbnail', value: 'thumb', description: 'JPEG, at most 64 KB (the thumbnail of a video or music message)' },
        { name: 'Video', value: 'video', description: 'MP4, at most 10 MB' },
        { name: 'Voice', value: 'voice', description: 'AMR or MP3, at most 2 MB; WeChat also wants it at most 60 seconds long' },
    ],
    default: 'image',
    description: 'What the file is. The node checks the content (not the file name) and the size before uploading; WeChat also wants a voice clip to last at most 60 seconds, which only WeChat checks.',
};
function readMediaType(ctx, itemIndex) {
    return (0, input_1.optionParam)(ctx, itemIndex, 'mediaType', media_1.MEDIA_TYPES, 'image');
}
