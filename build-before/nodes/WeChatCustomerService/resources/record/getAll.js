"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getAllRecords = void 0;
const input_1 = require("../../execution/input");
const accounts_1 = require("../../client/accounts");
const records_1 = require("../../client/records");
const zonedTime_1 = require("../../client/zonedTime");
const shared_1 = require("../shared");
const file_1 = require("./file");
function readTime(ctx, itemIndex, name, timeZone) {
    const raw = ctx.getNodeParameter(name, itemIndex, '');
    if (raw === undefined || raw === null || raw === '')
        return undefined;
    let value = raw;
    if (typeof value === 'object') {
        const obj = value;
        if (typeof obj.toISO === 'function')
            value = obj.toISO();
        else if (typeof obj.toISOString === 'function')
            value = obj.toISOString();
    }
    let seconds;
    if (typeof value === 'number' && Number.isFinite(value)) {
        seconds = Math.floor(Math.abs(value) >= 1e11 ? value / 1000 : value);
    }
    else if (typeof value === 'string') {
        seconds = (0, zonedTime_1.parseIsoInZone)(value, timeZone);
    }
    if (seconds === undefined || seconds < 0) {
        throw (0, input_1.inputError)(ctx, itemIndex, name, `is not a valid date and time, got ${JSON.stringify(typeof raw === 'object' ? String(raw) : raw)} (use e.g. 2024-05-01T09:00:00)`);
    }
    return seconds;
}
function optionalOpenid(value) {
    return value ? (0, accounts_1.validateOpenid)(value, 'options.openid') : undefined;
}
exports.getAllRecords = {
    option: {
        name: 'Get Many',
        value: 'getAll',
        action: 'Get many chat records',
        description: 'Page through every chat record of a time range of any length (getmsglist or legacy getrecord)',
    },
    api: 'POST /customservice/msgrecord/getmsglist (Options → API: legacy POST /customservice/msgrecord/getrecord)',
    properties: [
        {
            displayName: 'Start Time',
            name: 'startTime',
            type: 'dateTime',
            required: true,
            default: '',
            description: "First moment to include (inclusive). Read in the workflow's time zone unless the value carries an offset.",
        },
        {
            displayName: 'End Time',
            name: 'endTime',
            type: 'dateTime',
            default: '',
            description: 'Last moment to include (inclusive). Empty means now; a time in the future is read as now.',
        },
        {
            displayName: 'Return All',
            name: 'returnAll',
            type: 'boolean',
            default: false,
            description: 'Whether to return all results or only up to a given limit',
        },
        {
            displayName: 'Limit',
            name: 'limit',
            type: 'number',
            default: 50,
            typeOptions: { minValue: 1 },
            displayOptions: { show: { returnAll: [false] } },
            description: 'Max number of results to return',
        },
        ...file_1.recordOutputProperties,
        (0, shared_1.optionsCollection)([
            {
                displayName: 'API',
                name: 'api',
                type: 'options',
                default: 'msgList',
                options: [
                    {
                        name: 'Get Message List',
                        value: 'msgList',
                        description: 'POST /customservice/msgrecord/getmsglist: up to 10000 records per request, 24-hour windows',
                    },
                    {
                        name: 'Legacy Get Record',
                        value: 'legacy',
                        description: 'POST /customservice/msgrecord/getrecord: up to 50 records per request, one China-time day per query',
                    },
                ],
                description: 'Which WeChat API to read the records with',
            },
            {
                displayName: 'Agent Account',
                name: 'worker',
                type: 'string',
                default: '',
                placeholder: 'alice@gh_1234567890ab',
                description: 'Only records of this agent (kf_account). Filtered by the node: WeChat has no such filter.',
            },
            {
                displayName: 'Customer OpenID',
                name: 'openid',
                type: 'string',
                default: '',
                description: 'Only records of this customer. The legacy API filters on WeChat’s side; getmsglist has no such field, so the node filters the records it reads.',
            },
            {
                displayName: 'Page Size',
                name: 'pageSize',
                type: 'number',
                default: 10000,
                typeOptions: { minValue: 1, maxValue: 10000 },
                description: 'Records per request. At most 10000 with Get Message List (default 10000), at most 50 with Legacy Get Record (default 50).',
            },
        ]),
    ],
    async execute({ itemIndex, client }) {
        const timeZone = this.getTimezone();
        if (!(0, zonedTime_1.isValidTimeZone)(timeZone)) {
            throw (0, input_1.inputError)(this, itemIndex, 'timezone', `(the workflow's time zone) "${timeZone}" is not a known time zone`);
        }
        const now = Math.floor(Date.now() / 1000);
        const startTime = readTime(this, itemIndex, 'startTime', timeZone);
        if (startTime === undefined)
            throw (0, input_1.inputError)(this, itemIndex, 'startTime', 'is required but empty');
        const endTime = Math.min(readTime(this, itemIndex, 'endTime', timeZone) ?? now, now);
        const returnAll = this.getNodeParameter('returnAll', itemIndex, false);
        const api = this.getNodeParameter('options.api', itemIndex, 'msgList') || 'msgList';
        const query = {
            startTime,
            endTime,
            api,
            pageSize: (0, input_1.numberParam)(this, itemIndex, 'options.pageSize', records_1.MAX_PAGE_SIZE[api] ?? 0),
            openid: optionalOpenid((0, input_1.stringParam)(this, itemIndex, 'options.openid', { optional: true })),
            worker: (0, input_1.stringParam)(this, itemIndex, 'options.worker', { optional: true }) || undefined,
            limit: returnAll ? undefined : (0, input_1.numberParam)(this, itemIndex, 'limit', 50),
        };
        (0, records_1.validateRecordQuery)(query, now);
        const zone = new zonedTime_1.ZonedFormatter(timeZone);
        const output = this.getNodeParameter('output', itemIndex, 'items');
        if (output === 'file')
            return await (0, file_1.writeRecordFile)(this, itemIndex, client, query, zone);
        if (output !== 'items')
            throw (0, input_1.inputError)(this, itemIndex, 'output', `must be "items" or "file", got "${String(output)}"`);
        const out = [];
        for await (const page of client.iterateRecordPages(query)) {
            for (const record of page)
                out.push((0, records_1.describeRecord)(record, zone));
        }
        return out;
    },
};
