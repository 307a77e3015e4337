"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SandboxClock = void 0;
class SandboxClock {
    offsetMs = 0;
    fixedMs;
    nowMs() {
        return (this.fixedMs ?? Date.now()) + this.offsetMs;
    }
    now() {
        return Math.floor(this.nowMs() / 1000);
    }
    advance(seconds) {
        this.offsetMs += seconds * 1000;
    }
    freezeAt(unixSeconds) {
        this.fixedMs = unixSeconds * 1000;
        this.offsetMs = 0;
    }
}
exports.SandboxClock = SandboxClock;
