"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mediaResource = void 0;
const download_1 = require("./download");
const upload_1 = require("./upload");
exports.mediaResource = {
    option: {
        name: 'Media',
        value: 'media',
        description: 'Upload files as temporary media (media_id for messages) and download what customers send',
    },
    defaultOperation: 'upload',
    operations: [download_1.downloadMedia, upload_1.uploadMedia],
};
