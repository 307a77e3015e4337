// Files of an exact size that look like what they claim by their first bytes, with
// deterministic filler so a byte-exact round trip can fail.

export type SampleKind = 'jpeg' | 'png' | 'gif' | 'amr' | 'mp3' | 'mp4' | 'm4a' | 'bmp' | 'wav';

const HEADS: Record<SampleKind, Buffer> = {
	jpeg: Buffer.from('FFD8FFE000104A46494600', 'hex'),
	png: Buffer.from('89504E470D0A1A0A0000000D49484452', 'hex'),
	gif: Buffer.from('GIF89a', 'latin1'),
	amr: Buffer.from('#!AMR\n', 'latin1'),
	mp3: Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'),
	mp4: Buffer.from('00000018667479706D703432000000006D703432', 'hex'),
	m4a: Buffer.from('00000018667479704D344120000000004D344120', 'hex'),
	bmp: Buffer.from('424D3600000000000000', 'hex'),
	wav: Buffer.from('52494646FFFFFFFF57415645', 'hex'),
};

/** A `kind` file of exactly `size` bytes; `seed` varies the filler. */
export function sampleFile(kind: SampleKind, size: number, seed = 1): Buffer {
	const head = HEADS[kind];
	if (size < head.length) throw new Error(`a ${kind} sample needs at least ${head.length} bytes`);
	const buf = Buffer.alloc(size);
	for (let i = 0; i < size; i++) buf[i] = (i * 31 + seed * 17 + (i >> 8)) & 0xff;
	head.copy(buf, 0);
	return buf;
}

export const KB = 1024;
export const MB = 1024 * 1024;

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import type { KfSandbox, ReceivedRequest } from '../../sandbox';
import { multipartBoundary, parseMultipart } from '../../sandbox/multipart';
import { useFilesystemBinaryData } from './binaryData';
import { withParams } from './patch';
import type { WorkflowJson } from './workflow';

export type BinaryMode = 'default' | 'filesystem';

/** Per test: n8n's binary data in memory (default) or in filesystem mode under a temp folder. */
export function useBinaryMode(mode: BinaryMode): { dir: string } {
	const state = { dir: '', restore: undefined as undefined | (() => void) };
	beforeEach(async () => {
		if (mode !== 'filesystem') return;
		state.dir = mkdtempSync(join(tmpdir(), 'wechat-media-bin-'));
		state.restore = await useFilesystemBinaryData(state.dir);
	});
	afterEach(() => {
		state.restore?.();
		state.restore = undefined;
		if (state.dir) rmSync(state.dir, { recursive: true, force: true });
		state.dir = '';
	});
	return state;
}

/** The bytes of an output binary, wherever n8n keeps them (base64 on the item or a file). */
export async function binaryBytes(binary: IBinaryData): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

export interface InputFile {
	bytes: Buffer;
	fileName: string;
	mimeType?: string;
	property?: string;
}

/** Items of the "Input Items" stub: each a json and its binary files (none, one or more). */
export function withInputs(wf: WorkflowJson, items: Array<{ json: object; files?: InputFile[] }>): WorkflowJson {
	return withParams(wf, 'Input Items', {
		items: JSON.stringify(items.map((i) => i.json)),
		binary: JSON.stringify(
			items.map(({ files }) =>
				files?.length
					? files.map((f) => ({
							property: f.property ?? 'data',
							base64: f.bytes.toString('base64'),
							fileName: f.fileName,
							mimeType: f.mimeType ?? 'application/octet-stream',
						}))
					: null,
			),
		),
	});
}

/** The parts of a multipart request the sandbox received. */
export function partsOf(req: ReceivedRequest) {
	const boundary = multipartBoundary(String(req.headers['content-type']));
	return parseMultipart(req.rawBody, boundary!)!;
}

export function uploadRequests(sb: KfSandbox): ReceivedRequest[] {
	return sb.requestsTo('/cgi-bin/media/upload');
}
