"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.concurrencyOption = exports.MAX_CONCURRENCY = void 0;
exports.readConcurrency = readConcurrency;
const errors_1 = require("../client/errors");
exports.MAX_CONCURRENCY = 20;
exports.concurrencyOption = {
    displayName: 'Concurrency',
    name: 'concurrency',
    type: 'number',
    default: 1,
    typeOptions: { minValue: 1, maxValue: exports.MAX_CONCURRENCY, numberPrecision: 0 },
    description: 'How many items to send to WeChat at the same time (at most 20). Output keeps the input order.',
};
function readConcurrency(ctx) {
    const raw = ctx.getNodeParameter('options.concurrency', 0, 1);
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > exports.MAX_CONCURRENCY) {
        throw new errors_1.WeChatInputError('options.concurrency', `must be a whole number from 1 to ${exports.MAX_CONCURRENCY}, got ${JSON.stringify(raw)}`);
    }
    return value;
}
