"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.fileMultipart = fileMultipart;
const form_data_1 = __importDefault(require("form-data"));
function fileMultipart(bytes, fileName, contentType, field = 'media') {
    const form = new form_data_1.default();
    form.append(field, bytes, { filename: fileName, contentType });
    return { body: form.getBuffer(), contentType: form.getHeaders()['content-type'] };
}
