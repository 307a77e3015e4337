"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
if (!process.env.N8N_USER_FOLDER) {
    const dir = (0, node_path_1.join)((0, node_os_1.tmpdir)(), 'n8n-nodes-wechat-cs-bench');
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    process.env.N8N_USER_FOLDER = dir;
}
