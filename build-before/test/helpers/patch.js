"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withParams = withParams;
exports.continueOnFail = continueOnFail;
function withParams(wf, nodeName, params) {
    const copy = JSON.parse(JSON.stringify(wf));
    const node = copy.nodes.find((n) => n.name === nodeName);
    if (!node)
        throw new Error(`no node named ${nodeName}`);
    for (const [key, value] of Object.entries(params)) {
        if (value === undefined)
            delete node.parameters[key];
        else
            node.parameters[key] = value;
    }
    return copy;
}
function continueOnFail(wf, nodeName) {
    const copy = JSON.parse(JSON.stringify(wf));
    const node = copy.nodes.find((n) => n.name === nodeName);
    if (!node)
        throw new Error(`no node named ${nodeName}`);
    node.onError = 'continueRegularOutput';
    return copy;
}
