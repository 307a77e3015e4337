"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.uploadAvatar = void 0;
const binary_1 = require("../../execution/binary");
const input_1 = require("../../execution/input");
const accounts_1 = require("../../client/accounts");
const shared_1 = require("../shared");
exports.uploadAvatar = {
    option: {
        name: 'Upload',
        value: 'upload',
        action: 'Upload an avatar',
        description: 'Set an account’s avatar from a JPEG of at most 5 MB, 640×640 recommended (kfaccount/uploadheadimg)',
    },
    api: 'POST /customservice/kfaccount/uploadheadimg',
    properties: [
        (0, shared_1.kfAccountProperty)(),
        {
            displayName: 'Input Binary Field',
            name: 'binaryPropertyName',
            type: 'string',
            required: true,
            default: 'data',
            description: 'Name of the binary field holding the JPEG image',
        },
        (0, shared_1.optionsCollection)(),
    ],
    async execute({ itemIndex, client }) {
        const kfAccount = (0, shared_1.readKfAccount)(this, itemIndex);
        const property = (0, input_1.stringParam)(this, itemIndex, 'binaryPropertyName');
        const { bytes: image, fileName: given } = await (0, binary_1.readBinaryInput)(this, itemIndex, property, 'Input Binary Field', 'the JPEG');
        (0, accounts_1.validateAvatar)(image, 'binaryPropertyName', given);
        const fileName = (0, accounts_1.avatarFileName)(kfAccount, given);
        const res = await client.uploadHeadImage(kfAccount, (0, accounts_1.avatarMultipart)(image, fileName));
        return { ...(0, shared_1.accountResult)(kfAccount, 'upload', res), file_name: fileName, file_size: image.length };
    },
};
