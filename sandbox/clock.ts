/** The sandbox's notion of "now"; tests move it to expire tokens without waiting. */
export class SandboxClock {
	private offsetMs = 0;
	private fixedMs?: number;

	nowMs(): number {
		return (this.fixedMs ?? Date.now()) + this.offsetMs;
	}

	/** Unix seconds, as WeChat uses them. */
	now(): number {
		return Math.floor(this.nowMs() / 1000);
	}

	advance(seconds: number): void {
		this.offsetMs += seconds * 1000;
	}

	/** Freeze the clock at a unix time in seconds (advance() still moves it). */
	freezeAt(unixSeconds: number): void {
		this.fixedMs = unixSeconds * 1000;
		this.offsetMs = 0;
	}
}
