// n8n-core's InstanceSettings writes an encryption-key config under N8N_USER_FOLDER on first use;
// keep that out of the developer's home directory.
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
if (!process.env.N8N_USER_FOLDER) {
	const dir = path.join(os.tmpdir(), 'n8n-nodes-wechat-cs-jest');
	fs.mkdirSync(dir, { recursive: true });
	process.env.N8N_USER_FOLDER = dir;
}
