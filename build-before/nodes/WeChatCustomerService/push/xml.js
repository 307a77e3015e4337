"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseWeChatXml = parseWeChatXml;
exports.buildWeChatXml = buildWeChatXml;
const saxes_1 = require("saxes");
const errors_1 = require("./errors");
const MAX_DEPTH = 16;
const MAX_ELEMENTS = 5000;
const utf8 = new TextDecoder('utf-8', { fatal: true });
function malformed(reason) {
    throw new errors_1.PushRejected(400, `The XML was refused: ${reason}`);
}
function add(parent, name, value) {
    const existing = parent[name];
    if (existing === undefined)
        parent[name] = value;
    else if (Array.isArray(existing))
        existing.push(value);
    else
        parent[name] = [existing, value];
}
function parseWeChatXml(bytes) {
    let text;
    try {
        text = utf8.decode(bytes);
    }
    catch {
        malformed('the body is not UTF-8');
    }
    const parser = new saxes_1.SaxesParser({ position: true });
    const stack = [];
    let root;
    let count = 0;
    parser.on('error', (error) => malformed(error.message));
    parser.on('doctype', () => malformed('a DOCTYPE is not allowed'));
    parser.on('opentag', (tag) => {
        if (++count > MAX_ELEMENTS)
            malformed('too many elements');
        if (stack.length >= MAX_DEPTH)
            malformed('elements nested too deeply');
        if (stack.length === 0 && tag.name !== 'xml')
            malformed(`the root element is <${tag.name}>, not <xml>`);
        stack.push({ name: tag.name, text: '' });
    });
    const onText = (t) => {
        const top = stack[stack.length - 1];
        if (top)
            top.text += t;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', () => {
        const frame = stack.pop();
        const value = frame.children ?? frame.text;
        const parent = stack[stack.length - 1];
        if (parent)
            add((parent.children ??= {}), frame.name, value);
        else
            root = typeof value === 'string' ? {} : value;
    });
    parser.write(text).close();
    if (!root)
        malformed('no <xml> element');
    return root;
}
function cdata(value) {
    return `<![CDATA[${value.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}
function buildWeChatXml(fields) {
    const body = Object.entries(fields)
        .map(([name, value]) => {
        if (typeof value === 'number')
            return `<${name}>${value}</${name}>`;
        if (typeof value === 'string')
            return `<${name}>${cdata(value)}</${name}>`;
        return `<${name}>${Object.entries(value)
            .map(([n, v]) => `<${n}>${cdata(v)}</${n}>`)
            .join('')}</${name}>`;
    })
        .join('');
    return `<xml>${body}</xml>`;
}
