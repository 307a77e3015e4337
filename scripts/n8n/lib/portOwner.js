// @ts-check
'use strict';
/** Which process listens on a TCP port (Linux: /proc/net/tcp* + /proc/<pid>/fd), so a busy port can be named. */
const fs = require('fs');

/** @param {number} port */
function listeningInodes(port) {
	const inodes = new Set();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = fs.readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const cols = line.trim().split(/\s+/);
			if (cols.length < 10) continue;
			const localPort = parseInt(cols[1].split(':').pop() || '', 16);
			// state 0A = LISTEN
			if (localPort === port && cols[3] === '0A') inodes.add(cols[9]);
		}
	}
	return inodes;
}

/**
 * The first of `pids` with an open fd on a socket whose inode is in `inodes` (a Set of decimal strings, as
 * /proc/net/tcp prints them), returned as given; null when none does or /proc does not say.
 * @template {string | number} P
 * @param {Set<string>} inodes @param {P[]} pids @returns {P | null}
 */
function pidHoldingSocket(inodes, pids) {
	for (const pid of pids) {
		let fds = [];
		try {
			fds = fs.readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			let target = '';
			try {
				target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
			} catch {
				continue; // closed meanwhile
			}
			const m = /^socket:\[(\d+)\]$/.exec(target);
			if (m && inodes.has(m[1])) return pid;
		}
	}
	return null;
}

/** `{ pid, command }` of the process holding `port` in LISTEN, or null when it cannot be seen. @param {number} port */
function portOwner(port) {
	const inodes = listeningInodes(port);
	if (inodes.size === 0) return null;
	let pids = [];
	try {
		pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
	} catch {
		return null;
	}
	const pid = pidHoldingSocket(inodes, pids);
	if (pid === null) return null;
	let command = '';
	try {
		command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
	} catch {
		/* gone meanwhile */
	}
	return { pid: Number(pid), command };
}

/** "process 1234 (node … n8n start)", or "another process" when /proc does not say. @param {number} port */
function describePortOwner(port) {
	const owner = portOwner(port);
	if (!owner) return 'another process';
	const flat = owner.command.replace(/\s+/g, ' ').trim();
	const command = flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
	return `process ${owner.pid}${command ? ` (${command})` : ''}`;
}

module.exports = { portOwner, describePortOwner, pidHoldingSocket };
