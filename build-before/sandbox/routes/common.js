"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jsonBody = jsonBody;
exports.findAgent = findAgent;
exports.knownAgent = knownAgent;
exports.knownCustomer = knownCustomer;
exports.requireToken = requireToken;
exports.requireKf = requireKf;
const errors_1 = require("../errors");
function jsonBody(req) {
    if (req.rawBody.length === 0)
        throw (0, errors_1.wxError)(44002, 'empty post data');
    if (typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) {
        throw (0, errors_1.wxError)(47001, 'data format error');
    }
    return req.json;
}
function findAgent(sb, account) {
    const agent = sb.state.agents.find((a) => a.kf_account === account);
    if (!agent)
        throw (0, errors_1.wxError)(65401, 'invalid custom service account');
    return agent;
}
function knownAgent(sb, kfAccount) {
    return findAgent(sb, typeof kfAccount === 'string' ? kfAccount : '');
}
function knownCustomer(sb, openid) {
    const customer = typeof openid === 'string' ? sb.state.conversations.customers.get(openid) : undefined;
    if (!customer)
        throw (0, errors_1.wxError)(40003, 'invalid openid');
    return customer;
}
function requireToken(req, sb) {
    const value = req.query.access_token;
    if (!value)
        throw (0, errors_1.wxError)(41001, 'access_token missing');
    const token = sb.state.tokens.get(value);
    const now = sb.clock.now();
    if (!token || (token.revokedAt !== undefined && now >= token.revokedAt)) {
        throw (0, errors_1.wxError)(40001, 'invalid credential, access_token is invalid or not latest');
    }
    if (now >= token.expiresAt)
        throw (0, errors_1.wxError)(42001, 'access_token expired');
    const app = sb.state.apps.get(token.appId);
    if (!app)
        throw (0, errors_1.wxError)(40001, 'invalid credential, access_token is invalid or not latest');
    return app;
}
function requireKf(req, sb) {
    const app = requireToken(req, sb);
    if (app.kfDisabled) {
        throw (0, errors_1.wxError)(65400, 'please enable new custom service, or wait for a while if you have enabled');
    }
    return app;
}
