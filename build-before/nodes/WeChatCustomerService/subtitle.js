"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.subtitleExpression = subtitleExpression;
function subtitleExpression(resources) {
    const actions = {};
    for (const resource of resources) {
        for (const operation of resource.operations) {
            actions[`${resource.option.value}:${operation.option.value}`] = operation.option.action;
        }
    }
    return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] || "" }}`;
}
