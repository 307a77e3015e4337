// Preloaded into a measured process (NODE_OPTIONS=--require …/peakRss.js): on exit it writes the
// process's peak RSS to WECHAT_CS_BENCH_RSS_DIR/<pid>.json, where the benchmark reads it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.WECHAT_CS_BENCH_RSS_DIR;
if (dir) {
	process.on('exit', () => {
		writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify({ pid: process.pid, maxRssKB: process.resourceUsage().maxRSS }));
	});
}
