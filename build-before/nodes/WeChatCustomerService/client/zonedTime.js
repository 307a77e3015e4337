"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ZonedFormatter = void 0;
exports.isValidTimeZone = isValidTimeZone;
exports.zoneOffsetSeconds = zoneOffsetSeconds;
exports.wallTimeToUnix = wallTimeToUnix;
exports.parseIsoInZone = parseIsoInZone;
const formatters = new Map();
function formatterFor(timeZone) {
    let f = formatters.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
        });
        formatters.set(timeZone, f);
    }
    return f;
}
function isValidTimeZone(timeZone) {
    try {
        formatterFor(timeZone);
        return true;
    }
    catch {
        return false;
    }
}
function zoneOffsetSeconds(unix, timeZone) {
    const parts = {};
    for (const p of formatterFor(timeZone).formatToParts(new Date(unix * 1000))) {
        if (p.type !== 'literal')
            parts[p.type] = Number(p.value);
    }
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) / 1000;
    return wall - unix;
}
function wallTimeToUnix(w, timeZone) {
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 1000;
    const first = asUtc - zoneOffsetSeconds(asUtc, timeZone);
    const second = asUtc - zoneOffsetSeconds(first, timeZone);
    if (first === second)
        return first;
    const matches = (t) => t + zoneOffsetSeconds(t, timeZone) === asUtc;
    if (matches(Math.min(first, second)))
        return Math.min(first, second);
    if (matches(Math.max(first, second)))
        return Math.max(first, second);
    return Math.max(first, second);
}
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
function parseIsoInZone(text, timeZone) {
    const m = ISO_LOCAL.exec(text.trim());
    if (!m)
        return undefined;
    const w = {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
    };
    if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59)
        return undefined;
    const probe = new Date(Date.UTC(w.year, w.month - 1, w.day));
    if (probe.getUTCDate() !== w.day)
        return undefined;
    const zone = m[7];
    if (zone === undefined)
        return wallTimeToUnix(w, timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 1000;
    if (zone.toUpperCase() === 'Z')
        return asUtc;
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    const offset = sign * (Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5)) * 60);
    return asUtc - offset;
}
function pad2(n) {
    return n < 10 ? `0${n}` : String(n);
}
const HOURS_MINUTES = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);
class ZonedFormatter {
    timeZone;
    offsets = new Map();
    dayOffsets = new Map();
    tails = new Map();
    minuteStart = 0;
    minuteEnd = 0;
    minutePrefix = '';
    minuteTails = [];
    tailsOffset = NaN;
    localDay = NaN;
    dayPrefix = '';
    lastUnix = -1;
    lastIso = '';
    constructor(timeZone) {
        this.timeZone = timeZone;
        formatterFor(timeZone);
    }
    offsetAt(unix) {
        const day = Math.floor(unix / 86400);
        let offset = this.dayOffsets.get(day);
        if (offset === undefined) {
            const atStart = zoneOffsetSeconds(day * 86400, this.timeZone);
            offset = atStart === zoneOffsetSeconds(day * 86400 + 86399, this.timeZone) ? atStart : null;
            this.dayOffsets.set(day, offset);
        }
        if (offset !== null)
            return offset;
        const slot = Math.floor(unix / 900);
        let slotOffset = this.offsets.get(slot);
        if (slotOffset === undefined) {
            slotOffset = zoneOffsetSeconds(slot * 900, this.timeZone);
            this.offsets.set(slot, slotOffset);
        }
        return slotOffset;
    }
    iso(unix) {
        if (unix === this.lastUnix)
            return this.lastIso;
        if (!(unix >= this.minuteStart && unix < this.minuteEnd))
            this.enterMinute(unix);
        this.lastUnix = unix;
        this.lastIso = this.minutePrefix + this.minuteTails[unix - this.minuteStart];
        return this.lastIso;
    }
    enterMinute(unix) {
        const offset = this.offsetAt(unix);
        const local = unix + offset;
        const localMinute = Math.floor(local / 60) * 60;
        this.minuteStart = localMinute - offset;
        this.minuteEnd = Math.min(this.minuteStart + 60, (Math.floor(unix / 900) + 1) * 900);
        const localDay = Math.floor(localMinute / 86400);
        if (localDay !== this.localDay) {
            this.localDay = localDay;
            this.dayPrefix = new Date(localDay * 86400_000).toISOString().slice(0, 11);
        }
        this.minutePrefix = this.dayPrefix + HOURS_MINUTES[(localMinute - localDay * 86400) / 60];
        if (offset === this.tailsOffset)
            return;
        let tails = this.tails.get(offset);
        if (!tails) {
            const abs = Math.abs(Math.round(offset / 60));
            const suffix = `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
            tails = Array.from({ length: 60 }, (_, sec) => `:${pad2(sec)}${suffix}`);
            this.tails.set(offset, tails);
        }
        this.tailsOffset = offset;
        this.minuteTails = tails;
    }
}
exports.ZonedFormatter = ZonedFormatter;
