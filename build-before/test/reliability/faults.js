"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RefusingProxy = exports.CuttingRelay = void 0;
exports.closedPort = closedPort;
const node_http_1 = require("node:http");
const node_net_1 = require("node:net");
async function closedPort() {
    const server = (0, node_net_1.createServer)();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    await new Promise((resolve) => server.close(() => resolve()));
    return port;
}
async function listen(server) {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${server.address().port}`;
}
async function close(server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve()));
}
class CuttingRelay {
    upstream;
    cut = new Set();
    host = '';
    server;
    constructor(upstream) {
        this.upstream = upstream;
        this.server = (0, node_http_1.createServer)((req, res) => {
            const chunks = [];
            req.on('data', (chunk) => chunks.push(chunk));
            req.on('end', () => {
                const target = new URL(req.url ?? '/', this.upstream());
                const forward = (0, node_http_1.request)(target, { method: req.method, headers: { ...req.headers, host: target.host }, agent: false }, (answer) => {
                    if (this.cut.has(target.pathname)) {
                        answer.resume();
                        req.socket.resetAndDestroy();
                        return;
                    }
                    res.writeHead(answer.statusCode ?? 502, answer.headers);
                    answer.pipe(res);
                });
                forward.on('error', () => req.socket.destroy());
                forward.end(Buffer.concat(chunks));
            });
        });
        this.server.keepAliveTimeout = 60_000;
    }
    get url() {
        return `http://${this.host}`;
    }
    async start() {
        this.host = await listen(this.server);
        return this;
    }
    async stop() {
        await close(this.server);
    }
}
exports.CuttingRelay = CuttingRelay;
class RefusingProxy {
    host = '';
    seen = [];
    server;
    constructor(status, reason) {
        this.server = (0, node_http_1.createServer)((req, res) => {
            this.seen.push(`${req.method} ${req.url}`);
            res.writeHead(status, reason);
            res.end();
        });
        this.server.on('connect', (req, socket) => {
            this.seen.push(`CONNECT ${req.url}`);
            socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-length: 0\r\n\r\n`);
        });
    }
    async start() {
        this.host = await listen(this.server);
        return this;
    }
    async stop() {
        await close(this.server);
    }
}
exports.RefusingProxy = RefusingProxy;
