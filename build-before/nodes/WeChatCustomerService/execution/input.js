"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inputError = inputError;
exports.numberParam = numberParam;
exports.stringParam = stringParam;
exports.optionParam = optionParam;
const errors_1 = require("../client/errors");
function inputError(_ctx, _itemIndex, field, problem) {
    return new errors_1.WeChatInputError(field, problem);
}
function numberParam(ctx, itemIndex, name, fallback) {
    const raw = ctx.getNodeParameter(name, itemIndex, fallback);
    if (raw === undefined || raw === null || raw === '')
        return fallback;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(value))
        throw inputError(ctx, itemIndex, name, `must be a number, got ${JSON.stringify(raw)}`);
    return value;
}
function stringParam(ctx, itemIndex, name, options = {}) {
    const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: options.extractValue });
    if (raw !== null && raw !== undefined && typeof raw !== 'string' && typeof raw !== 'number') {
        throw inputError(ctx, itemIndex, name, `must be text, got ${typeof raw}`);
    }
    const value = raw === null || raw === undefined ? '' : String(raw);
    const result = options.trim === false ? value : value.trim();
    if (!result && !options.optional)
        throw inputError(ctx, itemIndex, name, 'is required but empty');
    return result;
}
function optionParam(ctx, itemIndex, name, allowed, fallback, expected = `one of ${allowed.join(', ')}`) {
    const raw = ctx.getNodeParameter(name, itemIndex, fallback);
    if (typeof raw !== 'string' || !allowed.includes(raw)) {
        throw inputError(ctx, itemIndex, name, `must be ${expected}, got "${String(raw)}"`);
    }
    return raw;
}
