"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fieldProblem = fieldProblem;
exports.fieldProblemError = fieldProblemError;
exports.toNodeError = toNodeError;
exports.errorItemJson = errorItemJson;
const n8n_workflow_1 = require("n8n-workflow");
const errors_1 = require("../client/errors");
const labels_1 = require("./labels");
function inOurWords(error, message, description) {
    error.message = message;
    error.description = description || undefined;
    return error;
}
function fieldProblem(label, problem) {
    return `"${label}" ${problem}`;
}
function fieldProblemError(node, itemIndex, field, problem, properties = []) {
    const label = (0, labels_1.fieldLabel)(properties, node.parameters, field);
    const message = fieldProblem(label ?? field, problem);
    const description = label ? `Parameter name: ${field}` : undefined;
    const error = inOurWords(new n8n_workflow_1.NodeOperationError(node, message, { itemIndex, description }), message, description);
    error.context.parameter = field;
    return error;
}
function toNodeError(node, error, itemIndex, options = {}) {
    const { secrets = [], properties = [] } = Array.isArray(options) ? { secrets: options } : options;
    const scrub = (text) => (text ? (0, errors_1.redact)(text, secrets) : undefined);
    if (error instanceof n8n_workflow_1.NodeApiError || error instanceof n8n_workflow_1.NodeOperationError)
        return error;
    const api = (response, message, description, httpCode) => inOurWords(new n8n_workflow_1.NodeApiError(node, response, { message, description, itemIndex, httpCode: httpCode ? String(httpCode) : undefined }), message, description);
    if (error instanceof errors_1.WeChatApiError) {
        const response = { errcode: error.errcode, errmsg: scrub(error.errmsg) ?? '', hint: error.hint };
        return api(response, scrub((0, errors_1.refusalMessage)(error, 'node')), scrub((0, errors_1.refusalDescription)(error)));
    }
    if (error instanceof errors_1.WeChatOutcomeUnknownError) {
        const reason = error.reason;
        const response = (reason instanceof errors_1.WeChatApiError
            ? { errcode: reason.errcode, errmsg: scrub(reason.errmsg) ?? '', outcome: 'unknown' }
            : { failure: reason.failure, outcome: 'unknown' });
        return api(response, scrub(error.message), scrub(error.hint));
    }
    if (error instanceof errors_1.WeChatTransportError) {
        return api({ failure: error.failure }, scrub(error.message), scrub(error.hint), error.httpStatus);
    }
    if (error instanceof errors_1.WeChatInputError) {
        return fieldProblemError(node, itemIndex, error.field, scrub(error.message), properties);
    }
    const message = scrub(error instanceof Error ? error.message : String(error)) ?? 'Unknown error';
    return inOurWords(new n8n_workflow_1.NodeOperationError(node, message, { itemIndex }), message);
}
function errorItemJson(error) {
    const details = {};
    const response = error.errorResponse;
    if (response && typeof response.errcode === 'number') {
        details.errcode = response.errcode;
        details.errmsg = response.errmsg;
    }
    const hint = typeof response?.hint === 'string' ? response.hint : error instanceof n8n_workflow_1.NodeApiError ? error.description : undefined;
    if (hint)
        details.hint = hint;
    return Object.keys(details).length ? { error: error.message, details } : { error: error.message };
}
