// @ts-check
'use strict';
/** The one way the scripts pick ports: ask the OS for a free one on 127.0.0.1, or tell whether a fixed one is free. */
const net = require('net');

/** A port nothing listens on right now (the OS picks it; it is released before this resolves). */
async function freePort() {
	return await new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('net').AddressInfo} */ (srv.address());
			srv.close(() => resolve(port));
		});
	});
}

/**
 * Whether `port` can be listened on (for fixed ports a user asked for, such as npm start's 5678).
 * @param {number} port @returns {Promise<boolean>}
 */
function portFree(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, host, () => srv.close(() => resolve(true)));
	});
}

module.exports = { freePort, portFree };
