// Jest environment that keeps n8n's own log lines (n8n-core reports every node error through its
// Logger, twice with the cause) out of the output of passing tests: they are collected per test
// (test/setup-env.js routes the Logger here) and printed only when that test fails.
const { TestEnvironment } = require('jest-environment-node');

class QuietN8nEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.global.__n8nLogLines = [];
	}

	async handleTestEvent(event) {
		const lines = this.global.__n8nLogLines;
		if (event.name === 'test_start') lines.length = 0;
		if (event.name === 'test_done' && event.test.errors.length > 0 && lines.length > 0) {
			const name = [];
			for (let t = event.test; t && t.name !== 'ROOT_DESCRIBE_BLOCK'; t = t.parent) name.unshift(t.name);
			process.stderr.write(`\nn8n logged during the failed test "${name.join(' › ')}":\n${lines.join('')}\n`);
			lines.length = 0;
		}
	}
}

module.exports = QuietN8nEnvironment;
