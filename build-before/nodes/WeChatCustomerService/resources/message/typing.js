"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendTyping = void 0;
const input_1 = require("../../execution/input");
const messages_1 = require("../../client/messages");
const shared_1 = require("../shared");
exports.sendTyping = {
    option: {
        name: 'Typing',
        value: 'typing',
        action: 'Show or hide typing',
        description: 'Show “typing…” to a customer for up to 15 seconds, or cancel it; sending a message also ends it (message/custom/typing)',
    },
    api: 'POST /cgi-bin/message/custom/typing',
    properties: [
        shared_1.openidProperty,
        {
            displayName: 'Command',
            name: 'command',
            type: 'options',
            options: [
                { name: 'Cancel Typing', value: 'cancel', description: 'Hide the typing indicator (CancelTyping)' },
                { name: 'Typing', value: 'typing', description: 'Show the typing indicator (Typing)' },
            ],
            default: 'typing',
        },
        (0, shared_1.optionsCollection)(),
    ],
    async execute({ itemIndex, client }) {
        const openid = (0, shared_1.readOpenid)(this, itemIndex);
        const commands = Object.keys(messages_1.TYPING_COMMANDS);
        const command = (0, input_1.optionParam)(this, itemIndex, 'command', commands, 'typing', '"typing" or "cancel"');
        const wechatCommand = messages_1.TYPING_COMMANDS[command];
        await client.sendTyping(openid, wechatCommand);
        return { success: true, openid, command: wechatCommand };
    },
};
