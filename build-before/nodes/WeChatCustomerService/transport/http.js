"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.closeHttpPools = closeHttpPools;
exports.describeUrl = describeUrl;
exports.sendHttp = sendHttp;
exports.mayHaveReachedServer = mayHaveReachedServer;
exports.sendHttpStream = sendHttpStream;
exports.parseJsonBody = parseJsonBody;
const node_stream_1 = require("node:stream");
const undici_1 = require("undici");
const errors_1 = require("./errors");
const redact_1 = require("./redact");
const dispatchers = new Map();
function dispatcherFor(proxyUrl) {
    const key = proxyUrl || 'direct';
    let dispatcher = dispatchers.get(key);
    if (!dispatcher) {
        dispatcher = proxyUrl
            ? new undici_1.ProxyAgent({ uri: proxyUrl, keepAliveTimeout: 30_000 })
            : new undici_1.Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });
        dispatchers.set(key, dispatcher);
    }
    return dispatcher;
}
async function closeHttpPools() {
    const all = [...dispatchers.values()];
    dispatchers.clear();
    await Promise.all(all.map(async (d) => await d.close().catch(() => undefined)));
}
function describeUrl(url) {
    try {
        const u = new URL(url);
        return `${u.origin}${u.pathname}`;
    }
    catch {
        return 'the configured URL';
    }
}
async function sendHttp(req, settings) {
    const where = describeUrl(req.url);
    if (settings.signal?.aborted) {
        throw notSent(new errors_1.WeChatTransportError('cancelled', where, `The request to ${where} was cancelled`));
    }
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = settings.signal ? AbortSignal.any([settings.signal, timeout]) : timeout;
    const outcome = await (0, undici_1.request)(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal,
        dispatcher: dispatcherFor(settings.proxyUrl),
    }).then(async (res) => ({
        response: {
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.from(await res.body.arrayBuffer()),
        },
    }), (error) => ({ error }));
    if ('response' in outcome)
        return outcome.response;
    throw requestFailure(outcome.error, timeout, settings, where);
}
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
function requestFailure(error, timeout, settings, where, during = 'request') {
    if (timeout.aborted && !settings.signal?.aborted) {
        return new errors_1.WeChatTransportError('timeout', where, `No ${during === 'request' ? 'answer' : 'complete download'} from ${where} within ${Math.round(settings.timeoutMs / 1000)} s (timeout)`, { timeoutSeconds: Math.round(settings.timeoutMs / 1000) });
    }
    if (settings.signal?.aborted) {
        return new errors_1.WeChatTransportError('cancelled', where, `The ${during} to ${where} was cancelled`);
    }
    if (error instanceof errors_1.WeChatTransportError)
        return error;
    const cause = error.cause;
    const code = cause?.code ?? error.code;
    const detail = cause?.code ?? cause?.message ?? error.message;
    const failure = new errors_1.WeChatTransportError('network', where, (0, redact_1.redact)(`${during === 'request' ? 'Could not reach' : 'The download was interrupted from'} ${where}: ${detail}`, settings.secrets ?? []), { code, detail: (0, redact_1.redact)(String(detail), settings.secrets ?? []) });
    return code && NEVER_CONNECTED.has(code) ? notSent(failure) : failure;
}
const neverConnected = new WeakSet();
function notSent(error) {
    neverConnected.add(error);
    return error;
}
function mayHaveReachedServer(error) {
    if (error.failure === 'httpStatus' || error.failure === 'emptyBody' || error.failure === 'invalidJson')
        return true;
    return !neverConnected.has(error);
}
function httpStatusError(where, status, body, secrets) {
    const snippet = body.toString('utf8').slice(0, 200).trim();
    return new errors_1.WeChatTransportError('httpStatus', where, (0, redact_1.redact)(`${where} answered HTTP ${status} instead of 200${snippet ? `: ${snippet}` : ''}`, secrets), { httpStatus: status, snippet: (0, redact_1.redact)(snippet, secrets) });
}
const JSON_PEEK_MAX_BYTES = 64 * 1024;
const HEAD_BYTES = 16;
async function sendHttpStream(req, settings) {
    const where = describeUrl(req.url);
    const secrets = settings.secrets ?? [];
    if (settings.signal?.aborted) {
        throw notSent(new errors_1.WeChatTransportError('cancelled', where, `The request to ${where} was cancelled`));
    }
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = settings.signal ? AbortSignal.any([settings.signal, timeout]) : timeout;
    let res;
    try {
        res = await (0, undici_1.request)(req.url, {
            method: req.method,
            headers: req.headers,
            body: req.body,
            signal,
            dispatcher: dispatcherFor(settings.proxyUrl),
        });
    }
    catch (error) {
        throw requestFailure(error, timeout, settings, where);
    }
    const chunks = res.body[Symbol.asyncIterator]();
    const buffered = [];
    let size = 0;
    let ended = false;
    const readMore = async () => {
        const next = await chunks.next().catch((error) => {
            throw requestFailure(error, timeout, settings, where, 'download');
        });
        if (next.done)
            ended = true;
        else {
            buffered.push(next.value);
            size += next.value.length;
        }
    };
    while (!ended && size < (res.statusCode === 200 ? HEAD_BYTES : 512))
        await readMore();
    if (res.statusCode !== 200) {
        res.body.destroy();
        throw httpStatusError(where, res.statusCode, Buffer.concat(buffered), secrets);
    }
    const looksJson = Buffer.concat(buffered).toString('latin1').trimStart().startsWith('{');
    if (looksJson) {
        while (!ended && size <= JSON_PEEK_MAX_BYTES)
            await readMore();
        if (ended) {
            const whole = Buffer.concat(buffered);
            const json = parseJsonOrUndefined(whole.toString('utf8'));
            if (json !== undefined)
                return { headers: res.headers, head: whole.subarray(0, HEAD_BYTES), json };
        }
    }
    const first = Buffer.concat(buffered);
    async function* body() {
        yield first;
        try {
            for (let next = await chunks.next(); !next.done; next = await chunks.next())
                yield next.value;
        }
        catch (error) {
            throw requestFailure(error, timeout, settings, where, 'download');
        }
        finally {
            res.body.destroy();
        }
    }
    return { headers: res.headers, head: first.subarray(0, HEAD_BYTES), stream: node_stream_1.Readable.from(body(), { objectMode: false }) };
}
function parseJsonBody(res, where, secrets = []) {
    if (res.status !== 200)
        throw httpStatusError(where, res.status, res.body, secrets);
    const text = res.body.toString('utf8').trim();
    if (!text) {
        throw new errors_1.WeChatTransportError('emptyBody', where, `${where} answered with an empty body`, 200);
    }
    const parsed = parseJsonOrUndefined(text);
    if (parsed === undefined) {
        throw new errors_1.WeChatTransportError('invalidJson', where, (0, redact_1.redact)(`${where} answered with a body that is not JSON: ${text.slice(0, 120)}`, secrets), { httpStatus: 200, snippet: (0, redact_1.redact)(text.slice(0, 120), secrets) });
    }
    return parsed;
}
function parseJsonOrUndefined(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
