"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.avatarResource = void 0;
const download_1 = require("./download");
const upload_1 = require("./upload");
exports.avatarResource = {
    option: { name: 'Avatar', value: 'avatar', description: 'Upload and download customer-service account avatars' },
    defaultOperation: 'upload',
    operations: [download_1.downloadAvatar, upload_1.uploadAvatar],
};
