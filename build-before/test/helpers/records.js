"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tamperMsgList = tamperMsgList;
const records_1 = require("../../sandbox/routes/records");
function tamperMsgList(sb, tamper) {
    let served = 0;
    sb.addRoute({
        method: 'POST',
        path: '/customservice/msgrecord/getmsglist',
        handler: (req, box) => {
            const answer = (0, records_1.msgList)(req, box);
            tamper(answer, req, ++served);
            return answer;
        },
    });
}
