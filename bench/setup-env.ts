// n8n-core's InstanceSettings writes a config file under N8N_USER_FOLDER on first use: keep it
// out of the developer's home (as test/setup-env.js does for jest). Imported first.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.N8N_USER_FOLDER) {
	const dir = join(tmpdir(), 'n8n-nodes-wechat-cs-bench');
	mkdirSync(dir, { recursive: true });
	process.env.N8N_USER_FOLDER = dir;
}
