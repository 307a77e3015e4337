"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openidProperty = void 0;
exports.optionsCollection = optionsCollection;
exports.kfAccountProperty = kfAccountProperty;
exports.readKfAccount = readKfAccount;
exports.readOpenid = readOpenid;
exports.accountResult = accountResult;
exports.workflowTimeFormatter = workflowTimeFormatter;
const accounts_1 = require("../client/accounts");
const zonedTime_1 = require("../client/zonedTime");
const concurrency_1 = require("../execution/concurrency");
const input_1 = require("../execution/input");
function optionsCollection(extra = []) {
    return {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [...extra, concurrency_1.concurrencyOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    };
}
const ACCOUNT_LABELS = {
    account: {
        displayName: 'Account',
        description: 'The full customer-service account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)',
    },
    newAccount: {
        displayName: 'Account',
        description: 'The new full customer-service account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)',
    },
    agent: {
        displayName: 'Agent Account',
        description: 'The agent’s full customer-service account, prefix@OfficialAccountWeChatID',
    },
    sendAs: {
        displayName: 'Send as Agent',
        description: 'Optional full account of the agent to send as (their nickname and avatar are shown); empty sends as the Official Account',
    },
};
const ACCOUNT_PATTERN = `[A-Za-z0-9_]{1,${accounts_1.ACCOUNT_PREFIX_MAX}}@[^@\\s]{1,${accounts_1.ACCOUNT_SUFFIX_MAX}}`;
function kfAccountProperty(role = 'account') {
    const optional = role === 'sendAs';
    const listed = role !== 'newAccount';
    return {
        ...ACCOUNT_LABELS[role],
        name: 'kfAccount',
        type: 'resourceLocator',
        ...(optional ? {} : { required: true }),
        default: { mode: listed ? 'list' : 'id', value: '' },
        modes: [
            ...(listed
                ? [
                    {
                        displayName: 'From List',
                        name: 'list',
                        type: 'list',
                        placeholder: 'Select an account…',
                        typeOptions: {
                            searchListMethod: role === 'agent' ? 'searchAgents' : 'searchAccounts',
                            searchable: true,
                        },
                    },
                ]
                : []),
            {
                displayName: 'By Account',
                name: 'id',
                type: 'string',
                placeholder: 'e.g. alice@my_official_account',
                validation: [
                    {
                        type: 'regex',
                        properties: {
                            regex: optional ? `(${ACCOUNT_PATTERN})?` : ACCOUNT_PATTERN,
                            errorMessage: 'Enter the full account, prefix@OfficialAccountWeChatID (prefix: at most 10 letters, digits or underscores)',
                        },
                    },
                ],
            },
        ],
    };
}
function readKfAccount(ctx, itemIndex, optional = false) {
    const value = (0, input_1.stringParam)(ctx, itemIndex, 'kfAccount', { optional, extractValue: true });
    return value ? (0, accounts_1.validateKfAccount)(value, 'kfAccount') : value;
}
exports.openidProperty = {
    displayName: 'Customer OpenID',
    name: 'openid',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. oDF3iY9ffA-hqb2vVvbr7qxf6A0Q',
    description: 'The customer’s openid for this Official Account (from the message or event they sent)',
};
function readOpenid(ctx, itemIndex) {
    return (0, accounts_1.validateOpenid)((0, input_1.stringParam)(ctx, itemIndex, 'openid'));
}
function accountResult(kfAccount, operation, res) {
    const rest = {};
    for (const [key, value] of Object.entries(res)) {
        if (key !== 'errcode' && key !== 'errmsg')
            rest[key] = value;
    }
    return { kf_account: kfAccount, operation, success: true, ...rest };
}
function workflowTimeFormatter(ctx, itemIndex) {
    const timeZone = ctx.getTimezone();
    if (!(0, zonedTime_1.isValidTimeZone)(timeZone)) {
        throw (0, input_1.inputError)(ctx, itemIndex, 'timezone', `(the workflow's time zone) "${timeZone}" is not a known time zone`);
    }
    return new zonedTime_1.ZonedFormatter(timeZone);
}
