// @ts-check
'use strict';
/** From /proc: CPU seconds per part of the cluster (which process a workload keeps busy), and the process tree. */
const fs = require('fs');

const TICKS = 100; // USER_HZ on Linux

/** @typedef {{ ppid: number, pgrp: number, ticks: number }} ProcessInfo */

/** pid → { ppid, pgrp, ticks } of every process. */
function processTable() {
	/** @type {Map<number, ProcessInfo>} */
	const table = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			// After "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
			table.set(Number(entry), { ppid: Number(f[1]), pgrp: Number(f[2]), ticks: Number(f[11]) + Number(f[12]) });
		} catch {
			/* exited meanwhile */
		}
	}
	return table;
}

/**
 * groups: { name: (pid, info) => boolean }. Returns a function that, called later, gives CPU seconds per group
 * since this call (processes that exited in between are not counted).
 * @param {Record<string, (pid: number, info: ProcessInfo) => boolean>} groups
 */
function cpuMeter(groups) {
	const sample = () => {
		const table = processTable();
		/** @type {Record<string, number>} */
		const out = {};
		for (const [name, match] of Object.entries(groups)) {
			out[name] = 0;
			for (const [pid, info] of table) if (match(pid, info)) out[name] += info.ticks;
		}
		return out;
	};
	const start = sample();
	return () => {
		const end = sample();
		return Object.fromEntries(Object.keys(groups).map((k) => [k, (end[k] - start[k]) / TICKS]));
	};
}

/** SIGKILLs every process below `root` still alive (one that was spawned but not yet handed to a stop function). */
function killDescendants(root = process.pid) {
	const table = processTable();
	const below = new Set([root]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, info] of table) {
			if (!below.has(pid) && below.has(info.ppid)) {
				below.add(pid);
				grew = true;
			}
		}
	}
	below.delete(root);
	for (const pid of below) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
	return below.size;
}

module.exports = { cpuMeter, killDescendants };
