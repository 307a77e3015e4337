"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUSH_CREDENTIAL = void 0;
exports.handleWebhook = handleWebhook;
const errors_1 = require("../client/errors");
const dedup_1 = require("../push/dedup");
const receive_1 = require("../push/receive");
const settings_1 = require("../push/settings");
exports.PUSH_CREDENTIAL = 'weChatOfficialAccountPushApi';
function optionsOf(ctx) {
    const options = ctx.getNodeParameter('options', {});
    const events = ctx.getNodeParameter('events', ['*']);
    const maxAge = Number(options.maxAgeSeconds ?? 300);
    const node = ctx.getNode();
    return {
        events: events.length ? events.map((e) => e.toLowerCase()) : ['*'],
        reply: ctx.getNodeParameter('reply', 'acknowledge'),
        transferKfAccount: String(ctx.getNodeParameter('transferKfAccount', '') ?? '').trim(),
        transferKeywords: String(ctx.getNodeParameter('transferKeywords', '') ?? '')
            .split(/[,，]/)
            .map((k) => k.trim())
            .filter(Boolean),
        maxAgeSeconds: Number.isFinite(maxAge) && maxAge > 0 ? maxAge : 0,
        deduplicate: options.deduplicate !== false,
        includeRawXml: options.includeRawXml === true,
        timeZone: ctx.getTimezone(),
        scope: `${ctx.getWorkflow().id ?? ''}|${node.id ?? node.name}`,
    };
}
async function handleWebhook() {
    const req = this.getRequestObject();
    const res = this.getResponseObject();
    let answer;
    let settings;
    try {
        if (req.rawBody === undefined && typeof req.readRawBody === 'function')
            await req.readRawBody();
        settings = (0, settings_1.pushSettingsOf)((await this.getCredentials(exports.PUSH_CREDENTIAL)));
        answer = (0, receive_1.receivePush)(settings, { method: req.method, query: req.query, rawBody: req.rawBody }, optionsOf(this), { dedup: dedup_1.pushDeduplicator, now: Date.now });
    }
    catch (error) {
        const message = (0, errors_1.redact)(error instanceof Error ? error.message : String(error), settings?.secrets ?? []);
        this.logger.warn(`WeChat Customer Service Trigger cannot answer: ${message}`);
        answer = { status: 500, contentType: 'text/plain; charset=utf-8', body: 'The trigger is not set up correctly' };
    }
    if (answer.note) {
        const line = `WeChat push answered ${answer.status}: ${(0, errors_1.redact)(answer.note, settings?.secrets ?? [])}`;
        if (answer.status >= 500)
            this.logger.warn(line);
        else
            this.logger.debug(line);
    }
    res.writeHead(answer.status, { 'Content-Type': answer.contentType });
    res.end(answer.body);
    if (!answer.item)
        return { noWebhookResponse: true };
    return { noWebhookResponse: true, workflowData: [[{ json: answer.item }]] };
}
