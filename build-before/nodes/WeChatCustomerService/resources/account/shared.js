"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.passwordFields = exports.nicknameProperty = void 0;
exports.readAccountBody = readAccountBody;
const input_1 = require("../../execution/input");
const accounts_1 = require("../../client/accounts");
const shared_1 = require("../shared");
exports.nicknameProperty = {
    displayName: 'Nickname',
    name: 'nickname',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. 客服小美',
    description: 'Name shown to customers, at most 16 characters (a Chinese character or an emoji counts as one)',
};
exports.passwordFields = {
    displayName: 'Additional Fields',
    name: 'additionalFields',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    options: [
        {
            displayName: 'Password (Legacy)',
            name: 'password',
            type: 'string',
            typeOptions: { password: true },
            default: '',
            description: 'Legacy agent password, sent as the "password" field (current WeChat docs no longer list it)',
        },
        {
            displayName: 'Password Is Plain',
            name: 'passwordIsPlain',
            type: 'boolean',
            default: true,
            description: 'Whether the password is plain text, sent as its MD5 hex digest; turn off when it already is an MD5 hex digest',
        },
    ],
};
function readAccountBody(ctx, i) {
    const kfAccount = (0, shared_1.readKfAccount)(ctx, i);
    const nickname = (0, accounts_1.validateNickname)((0, input_1.stringParam)(ctx, i, 'nickname'));
    const extra = ctx.getNodeParameter('additionalFields', i, {});
    const body = { kf_account: kfAccount, nickname };
    const password = typeof extra.password === 'string' ? extra.password : '';
    if (password) {
        body.password = (0, accounts_1.legacyPassword)(password, extra.passwordIsPlain !== false, 'password');
    }
    return body;
}
