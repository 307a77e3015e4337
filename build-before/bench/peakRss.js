"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const dir = process.env.WECHAT_CS_BENCH_RSS_DIR;
if (dir) {
    process.on('exit', () => {
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, `${process.pid}.json`), JSON.stringify({ pid: process.pid, maxRssKB: process.resourceUsage().maxRSS }));
    });
}
