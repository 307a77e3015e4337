// @ts-check
'use strict';
/**
 * A pass-through HTTP proxy in front of the sandbox that attributes every request to the n8n process that sent it:
 * on each new connection it finds the client's socket in /proc/net/tcp and the process holding that socket among the
 * cluster's pids. It counts requests per process and path, and the answers that reject a token.
 */
const fs = require('fs');
const http = require('http');
const { pidHoldingSocket } = require('../lib/portOwner');

const TOKEN_PATHS = new Set(['/cgi-bin/token', '/cgi-bin/stable_token']);
/** WeChat's "this access_token is no good" errcodes: invalid, invalid, expired. */
const REJECTED = /"errcode":\s*(40001|40014|42001)\b/;

/** @param {number} port */
function hexPort(port) {
	return port.toString(16).toUpperCase().padStart(4, '0');
}

/** Inode of the IPv4 socket whose local port is `localPort` and remote port `remotePort`. @param {number} localPort @param {number} remotePort */
function socketInode(localPort, remotePort) {
	const want = `:${hexPort(localPort)}`;
	const rem = `:${hexPort(remotePort)}`;
	for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
		const f = line.trim().split(/\s+/);
		if (f.length > 9 && f[1].endsWith(want) && f[2].endsWith(rem)) return f[9];
	}
	return null;
}

/**
 * Which process of the cluster holds the client end of `socket` ("main", "worker-1", "pid N" or "unknown").
 * @param {import('net').Socket} socket @param {number} localPort @param {() => { pid: number, name: string }[]} processes
 */
function senderOf(socket, localPort, processes) {
	try {
		const inode = socketInode(socket.remotePort ?? 0, localPort);
		const procs = processes();
		const pid = inode && pidHoldingSocket(new Set([inode]), procs.map((p) => p.pid));
		const p = procs.find((x) => x.pid === pid);
		return p ? p.name : pid ? `pid ${pid}` : 'unknown';
	} catch {
		return 'unknown'; // /proc unreadable
	}
}

/**
 * Passes one request on to the sandbox, marked with its sender, and counts an answer that rejects a token.
 * @param {import('http').IncomingMessage} req @param {import('http').ServerResponse} res @param {URL} target
 * @param {http.Agent} agent @param {string} who @param {{ rejected: number }} count
 */
function forward(req, res, target, agent, who, count) {
	const up = http.request(
		{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-wcs-meter': who }, agent },
		(upRes) => {
			res.writeHead(upRes.statusCode ?? 502, upRes.headers);
			let head = '';
			upRes.on('data', (d) => {
				if (head.length < 512) head += d.toString('utf8', 0, Math.min(d.length, 512));
			});
			upRes.on('end', () => {
				if (REJECTED.test(head)) count.rejected += 1;
			});
			upRes.pipe(res);
		},
	);
	up.on('error', (e) => {
		res.writeHead(502);
		res.end(`meter: ${e.message}`);
	});
	req.pipe(up);
}

/**
 * startMeter(targetUrl, processes): processes() returns [{ pid, name }] of the cluster at the time of a connection.
 * Returns { url, counts(), stop() }; counts() = { <process name>: { requests, tokens, rejected, paths } }.
 * @param {string} targetUrl @param {() => { pid: number, name: string }[]} processes @param {{ extraTokenPaths?: string[] }} [options]
 */
async function startMeter(targetUrl, processes, { extraTokenPaths = [] } = {}) {
	const target = new URL(targetUrl);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	const tokenPaths = new Set([...TOKEN_PATHS, ...extraTokenPaths]);
	/** @type {Record<string, { requests: number, tokens: number, rejected: number, paths: Record<string, number> }>} */
	const counts = {};
	/** @type {WeakMap<import('net').Socket, string>} the process each connection came from */
	const senders = new WeakMap();
	const port = () => /** @type {import('net').AddressInfo} */ (server.address()).port;
	const server = http.createServer((req, res) => {
		const who = senders.get(req.socket) || 'unknown';
		const pathOnly = (req.url || '/').split('?')[0];
		const c = (counts[who] ??= { requests: 0, tokens: 0, rejected: 0, paths: {} });
		c.requests += 1;
		c.paths[pathOnly] = (c.paths[pathOnly] || 0) + 1;
		if (tokenPaths.has(pathOnly)) c.tokens += 1;
		forward(req, res, target, agent, who, c);
	});
	server.on('connection', (socket) => senders.set(socket, senderOf(socket, port(), processes)));
	server.keepAliveTimeout = 30000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(undefined));
	});
	return {
		url: `http://127.0.0.1:${port()}`,
		/** @returns {typeof counts} */
		counts: () => JSON.parse(JSON.stringify(counts)),
		stop: async () => {
			server.closeAllConnections();
			agent.destroy();
			await new Promise((r) => server.close(() => r(undefined)));
		},
	};
}

module.exports = { startMeter };
