"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordResource = void 0;
const getAll_1 = require("./getAll");
exports.recordResource = {
    option: { name: 'Record', value: 'record', description: 'Chat records between customers and agents' },
    operations: [getAll_1.getAllRecords],
};
