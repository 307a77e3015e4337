// n8n-core's InstanceSettings writes an encryption-key config under N8N_USER_FOLDER on first use;
// keep that out of the developer's home directory.
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { Writable } = require('node:stream');

if (!process.env.N8N_USER_FOLDER) {
	const dir = path.join(os.tmpdir(), 'n8n-nodes-wechat-cs-jest');
	fs.mkdirSync(dir, { recursive: true });
	process.env.N8N_USER_FOLDER = dir;
}

// n8n's Logger (used by n8n-core's ErrorReporter for every node error, expected or not) writes to
// the lines test/environment.js prints when a test fails, instead of to the console.
const lines = globalThis.__n8nLogLines;
if (Array.isArray(lines)) {
	const winston = require('winston');
	const { Container } = require('@n8n/di');
	const { Logger } = require('@n8n/backend-common');
	const sink = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		},
	});
	const logger = Container.get(Logger);
	logger.setInternalLogger(
		winston.createLogger({
			level: logger.level === 'silent' ? 'error' : logger.level,
			format: winston.format.printf(({ level, message }) => `  [${level}] ${message}\n`),
			transports: [new winston.transports.Stream({ stream: sink })],
		}),
	);
}
