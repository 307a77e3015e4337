"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.useFilesystemBinaryData = useFilesystemBinaryData;
const di_1 = require("@n8n/di");
const n8n_core_1 = require("n8n-core");
async function useFilesystemBinaryData(dir) {
    const previous = di_1.Container.get(n8n_core_1.BinaryDataService);
    const config = {
        mode: 'filesystem',
        availableModes: ['filesystem'],
        localStoragePath: dir,
        signingSecret: 'test-signing-secret',
        dbMaxFileSize: 512,
    };
    const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };
    const service = new n8n_core_1.BinaryDataService(config, quiet, quiet);
    await service.init();
    di_1.Container.set(n8n_core_1.BinaryDataService, service);
    return () => di_1.Container.set(n8n_core_1.BinaryDataService, previous);
}
