"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.downloadAvatar = void 0;
const input_1 = require("../../execution/input");
const accounts_1 = require("../../client/accounts");
const agents_1 = require("../../client/agents");
const errors_1 = require("../../client/errors");
const shared_1 = require("../shared");
exports.downloadAvatar = {
    option: {
        name: 'Download',
        value: 'download',
        action: 'Download an avatar',
        description: 'Fetch an account’s current avatar as binary data (kf_headimgurl from getkflist)',
    },
    api: 'GET /cgi-bin/customservice/getkflist, then GET kf_headimgurl',
    properties: [
        (0, shared_1.kfAccountProperty)(),
        {
            displayName: 'Put Output File in Field',
            name: 'binaryPropertyName',
            type: 'string',
            required: true,
            default: 'data',
            description: 'Name of the binary field to put the avatar in',
        },
        (0, shared_1.optionsCollection)(),
    ],
    async execute({ itemIndex, client }) {
        const kfAccount = (0, shared_1.readKfAccount)(this, itemIndex);
        const property = (0, input_1.stringParam)(this, itemIndex, 'binaryPropertyName');
        const agent = (await client.listAgents()).find((a) => a.kf_account === kfAccount);
        if (!agent) {
            throw new errors_1.WeChatInputError('kfAccount', `"${kfAccount}" is not an account of this Official Account (not in getkflist)`);
        }
        const url = agent.kf_headimgurl ?? '';
        const json = {
            kf_account: kfAccount,
            kf_id: agent.kf_id,
            kf_nick: agent.kf_nick,
            kf_headimgurl: url,
            head_image_size: (0, agents_1.headImageSize)(url),
        };
        if (!url)
            return [{ json }];
        const file = await client.download(url);
        const { mimeType, extension } = (0, accounts_1.avatarMime)(file.contentType);
        const binary = await this.helpers.prepareBinaryData(file.body, `${(0, accounts_1.accountPrefix)(kfAccount)}.${extension}`, mimeType);
        return [{ json: { ...json, mime_type: mimeType, file_size: file.body.length }, binary: { [property]: binary } }];
    },
};
