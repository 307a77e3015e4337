"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MSG_LIST_PATH = exports.BENCH_DAYS = exports.BENCH_T0 = void 0;
exports.generateBenchRecords = generateBenchRecords;
const node_http_1 = require("node:http");
const records_1 = require("../sandbox/records");
exports.BENCH_T0 = 1709222400;
exports.BENCH_DAYS = 3;
exports.MSG_LIST_PATH = '/customservice/msgrecord/getmsglist';
function generateBenchRecords(total) {
    const store = new records_1.RecordStore();
    const base = Math.floor(total / exports.BENCH_DAYS);
    for (let d = 0; d < exports.BENCH_DAYS; d++) {
        store.generate({ start: exports.BENCH_T0 + d * 86400, days: 1, perDay: base + (d < total % exports.BENCH_DAYS ? 1 : 0) });
    }
    return store;
}
function main(total) {
    const store = generateBenchRecords(total);
    const pages = new Map();
    let requests = 0;
    const page = (start, end, msgid, number) => {
        const key = `${start}|${end}|${msgid}|${number}`;
        let body = pages.get(key);
        if (!body) {
            const [from, to] = store.timeRange(start, end);
            const first = store.lowerMsgid(msgid, from, to);
            const last = Math.min(to, first + number);
            const recordlist = [];
            for (let i = first; i < last; i++)
                recordlist.push(store.at(i));
            const next = last > first ? store.msgid[last - 1] + 1 : msgid;
            body = Buffer.from(JSON.stringify({ recordlist, number: recordlist.length, msgid: next }));
            pages.set(key, body);
        }
        return body;
    };
    const server = (0, node_http_1.createServer)((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
            const path = (req.url ?? '').split('?')[0];
            if (path === '/__requests') {
                res.end(String(requests));
                return;
            }
            if (path === '/cgi-bin/stable_token' || path === '/cgi-bin/token') {
                res.end('{"access_token":"bench_access_token_0001","expires_in":7200}');
                return;
            }
            if (path !== exports.MSG_LIST_PATH || req.method !== 'POST') {
                res.end('{"errcode":40066,"errmsg":"invalid url"}');
                return;
            }
            requests++;
            const b = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (b.endtime - b.starttime + 1 > 86400 || b.number > 10000 || b.msgid < 1) {
                res.end('{"errcode":65416,"errmsg":"invalid query param"}');
                return;
            }
            const body = page(b.starttime, b.endtime, b.msgid, b.number);
            res.writeHead(200, { 'content-type': 'application/json; encoding=utf-8', 'content-length': body.length });
            res.end(body);
        });
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, records: store.size })}\n`);
    });
    process.on('disconnect', () => process.exit(0));
    process.on('SIGTERM', () => process.exit(0));
}
if (require.main === module)
    main(Number(process.argv[2] ?? 300000));
