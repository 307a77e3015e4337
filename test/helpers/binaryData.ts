import { Container } from '@n8n/di';
import { BinaryDataService, type BinaryDataConfig } from 'n8n-core';

/**
 * Switches n8n-core's binary data to filesystem mode under `dir`, as `N8N_DEFAULT_BINARY_DATA_MODE=filesystem`
 * does in n8n (streams are written to disk, items keep an id). Returns a function that restores
 * the previous service (the default: in memory, base64 on the item).
 */
export async function useFilesystemBinaryData(dir: string): Promise<() => void> {
	const previous = Container.get(BinaryDataService);
	const config = {
		mode: 'filesystem',
		availableModes: ['filesystem'],
		localStoragePath: dir,
		signingSecret: 'test-signing-secret',
		dbMaxFileSize: 512,
	} as unknown as BinaryDataConfig;
	const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };
	const service = new BinaryDataService(config, quiet as never, quiet as never);
	await service.init();
	Container.set(BinaryDataService, service);
	return () => Container.set(BinaryDataService, previous);
}
