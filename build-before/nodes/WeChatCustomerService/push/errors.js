"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_BODY_BYTES = exports.PushRejected = void 0;
class PushRejected extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'PushRejected';
    }
}
exports.PushRejected = PushRejected;
exports.MAX_BODY_BYTES = 1024 * 1024;
