// Every change an operation makes says, in the operation's own words, what WeChat may have done when
// its answer is lost and how to check: a new write operation without them fails here, instead of
// silently getting the generic "check before running it again".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { KF_CALLS, apiLine } from '../../nodes/WeChatCustomerService/client/calls';
import { RESOURCES } from '../../nodes/WeChatCustomerService/resources';

const operations = RESOURCES.flatMap((resource) =>
	resource.operations.map((operation) => ({ name: `${String(resource.option.name)} → ${operation.option.name}`, operation })),
);
const writes = Object.values(KF_CALLS).filter((call) => call.kind === 'write');

describe('operation words', () => {
	it.each(operations)('$name says how to check every change it makes', ({ operation }) => {
		for (const call of writes) {
			if (operation.api?.includes(apiLine(call))) expect([call.path, operation.outcome?.[call.path]]).toEqual([call.path, expect.objectContaining({ done: expect.any(String), then: expect.any(String) })]);
		}
	});

	it('every change the client can make is one some operation words', () => {
		const worded = new Set(operations.flatMap(({ operation }) => Object.keys(operation.outcome ?? {})));
		expect(writes.map((call) => call.path).filter((path) => !worded.has(path))).toEqual([]);
	});

	it('an outcome is only given for a change', () => {
		const writePaths = new Set(writes.map((call) => call.path));
		const stray = operations.flatMap(({ name, operation }) => Object.keys(operation.outcome ?? {}).filter((path) => !writePaths.has(path)).map((path) => `${name}: ${path}`));
		expect(stray).toEqual([]);
	});

	it('client/ names no operation of the node: such words live in resources/ (refusals.ts, an operation’s outcome)', () => {
		const client = join(__dirname, '..', '..', 'nodes', 'WeChatCustomerService', 'client');
		const operationName = new RegExp(`\\b(${RESOURCES.map((r) => String(r.option.name)).join('|')}) → `);
		const naming = readdirSync(client).filter((file) => operationName.test(readFileSync(join(client, file), 'utf8')));
		expect(naming).toEqual([]);
	});
});
