"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KfSandbox = exports.SANDBOX_APP_SECRET = exports.SANDBOX_APP_ID = void 0;
const node_http_1 = require("node:http");
const clock_1 = require("./clock");
const demoCredential_1 = require("./demoCredential");
const errors_1 = require("./errors");
const routes_1 = require("./routes");
const state_1 = require("./state");
var demoCredential_2 = require("./demoCredential");
Object.defineProperty(exports, "SANDBOX_APP_ID", { enumerable: true, get: function () { return demoCredential_2.SANDBOX_APP_ID; } });
Object.defineProperty(exports, "SANDBOX_APP_SECRET", { enumerable: true, get: function () { return demoCredential_2.SANDBOX_APP_SECRET; } });
const TOKEN_PATHS = new Set(['/cgi-bin/token', '/cgi-bin/stable_token']);
class KfSandbox {
    options;
    clock = new clock_1.SandboxClock();
    state = new state_1.SandboxState(this.clock);
    requests = [];
    requestCount = 0;
    url = '';
    server;
    routes = new Map();
    faults = new Map();
    constructor(options = {}) {
        this.options = options;
        for (const route of routes_1.ALL_ROUTES)
            this.addRoute(route);
        this.state.addApp(demoCredential_1.SANDBOX_APP_ID, demoCredential_1.SANDBOX_APP_SECRET);
    }
    addRoute(route) {
        this.routes.set(route.path, route);
    }
    async start() {
        const server = (0, node_http_1.createServer)((req, res) => void this.handle(req, res));
        server.keepAliveTimeout = 30_000;
        this.server = server;
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
        });
        const address = server.address();
        this.url = `http://${address.address}:${address.port}`;
        return this;
    }
    async stop() {
        const server = this.server;
        if (!server)
            return;
        this.server = undefined;
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve()));
    }
    clearRequests() {
        this.requests.length = 0;
    }
    requestsTo(path) {
        return this.requests.filter((r) => r.path === path);
    }
    tokenRequests() {
        return this.requests.filter((r) => TOKEN_PATHS.has(r.path));
    }
    setFault(path, fault) {
        this.faults.set(path, { ...fault });
    }
    clearFaults() {
        this.faults.clear();
    }
    takeFault(path) {
        const fault = this.faults.get(path);
        if (!fault)
            return undefined;
        if (fault.times !== undefined) {
            fault.times -= 1;
            if (fault.times <= 0)
                this.faults.delete(path);
        }
        return fault;
    }
    async handle(req, res) {
        const chunks = [];
        for await (const chunk of req)
            chunks.push(chunk);
        const rawBody = Buffer.concat(chunks);
        const full = req.url ?? '/';
        const q = full.indexOf('?');
        const path = q === -1 ? full : full.slice(0, q);
        const rawQuery = q === -1 ? '' : full.slice(q + 1);
        const query = {};
        for (const [k, v] of new URLSearchParams(rawQuery))
            query[k] = v;
        let json;
        if (rawBody.length && !String(req.headers['content-type'] ?? '').startsWith('multipart/')) {
            try {
                json = JSON.parse(rawBody.toString('utf8'));
            }
            catch {
                json = undefined;
            }
        }
        const received = {
            method: req.method ?? 'GET',
            path,
            rawQuery,
            query,
            headers: req.headers,
            rawBody,
            json,
            at: this.clock.now(),
        };
        this.requestCount += 1;
        if (this.options.logRequests !== false)
            this.requests.push(received);
        let answer;
        try {
            answer = await this.answer(received);
        }
        catch (error) {
            answer =
                error instanceof errors_1.WxError
                    ? { json: { errcode: error.errcode, errmsg: error.errmsg } }
                    : { status: 500, body: `sandbox error: ${error.message}` };
        }
        this.send(res, answer);
    }
    async answer(req) {
        const fault = this.takeFault(req.path);
        if (fault?.delayMs)
            await new Promise((resolve) => setTimeout(resolve, fault.delayMs).unref());
        if (fault?.httpStatus)
            return { status: fault.httpStatus, body: `<html>${fault.httpStatus} Server Error</html>` };
        if (fault?.malformedJson)
            return { body: '{"errcode":0,"errmsg":"ok",' };
        if (fault?.emptyBody)
            return { body: '' };
        if (fault?.errcode !== undefined) {
            return { json: { errcode: fault.errcode, errmsg: `${fault.errmsg ?? defaultErrmsg(fault.errcode)} ${(0, errors_1.rid)()}` } };
        }
        const route = this.routes.get(req.path);
        if (!route)
            return { status: 404, json: { errcode: 404, errmsg: `no such path ${req.path}` } };
        if (route.method !== req.method) {
            return route.method === 'POST'
                ? { json: { errcode: 43002, errmsg: `require POST method ${(0, errors_1.rid)()}` } }
                : { json: { errcode: 43001, errmsg: `require GET method ${(0, errors_1.rid)()}` } };
        }
        return await route.handler(req, this);
    }
    send(res, answer) {
        const status = answer.status ?? 200;
        let body;
        const headers = { ...answer.headers };
        if (answer.json !== undefined) {
            body = JSON.stringify(answer.json);
            headers['content-type'] ??= 'application/json; encoding=utf-8';
        }
        else {
            body = answer.body ?? '';
            headers['content-type'] ??= 'text/plain; charset=utf-8';
        }
        res.writeHead(status, headers);
        res.end(body);
    }
}
exports.KfSandbox = KfSandbox;
function defaultErrmsg(errcode) {
    switch (errcode) {
        case -1:
            return 'system error';
        case 45009:
            return 'reach max api daily quota limit';
        case 45011:
            return 'api minute-quota reach limit  mustslower  retry next minute';
        default:
            return 'error';
    }
}
