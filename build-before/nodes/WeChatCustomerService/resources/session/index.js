"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionResource = void 0;
const close_1 = require("./close");
const create_1 = require("./create");
const get_1 = require("./get");
const getAll_1 = require("./getAll");
const getWaiting_1 = require("./getWaiting");
exports.sessionResource = {
    option: {
        name: 'Session',
        value: 'session',
        description: 'Who serves which customer: assign, close, and the waiting queue',
    },
    defaultOperation: 'create',
    operations: [close_1.closeSession, create_1.createSession, get_1.getSession, getAll_1.getAllSessions, getWaiting_1.getWaitingSessions],
};
