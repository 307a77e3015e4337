"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.messageResource = void 0;
const send_1 = require("./send");
const typing_1 = require("./typing");
exports.messageResource = {
    option: {
        name: 'Message',
        value: 'message',
        description: 'Customer-service messages and the typing indicator',
    },
    operations: [send_1.sendMessage, typing_1.sendTyping],
};
