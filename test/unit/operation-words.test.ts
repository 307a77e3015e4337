// Every change an operation makes says, in the operation's own words, what the service may have done
// when its answer is lost and how to check: a new write operation without them fails here, instead of
// silently getting the generic "check before running it again". Checked for both families.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { apiLine, type ApiCall } from '../../nodes/shared/client/calls';
import type { OperationDefinition, ResourceDefinition } from '../../nodes/shared/execution/operations';
import { KF_CALLS } from '../../nodes/WeChatCustomerService/client/calls';
import { RESOURCES as OA_RESOURCES } from '../../nodes/WeChatCustomerService/resources';
import { WECOM_CALLS } from '../../nodes/WeComCustomerService/client/calls';
import { RESOURCES as WECOM_RESOURCES } from '../../nodes/WeComCustomerService/resources';

interface Family {
	family: string;
	folder: string;
	calls: Record<string, ApiCall>;
	resources: ReadonlyArray<ResourceDefinition<unknown>>;
}

const FAMILIES: Family[] = [
	{ family: 'Official Account', folder: 'WeChatCustomerService', calls: KF_CALLS, resources: OA_RESOURCES as ReadonlyArray<ResourceDefinition<unknown>> },
	{ family: 'WeCom', folder: 'WeComCustomerService', calls: WECOM_CALLS, resources: WECOM_RESOURCES as ReadonlyArray<ResourceDefinition<unknown>> },
];

function operationsOf({ resources }: Family): Array<{ name: string; operation: OperationDefinition<unknown> }> {
	return resources.flatMap((resource) =>
		resource.operations.map((operation) => ({ name: `${String(resource.option.name)} → ${operation.option.name}`, operation })),
	);
}

const writesOf = ({ calls }: Family) => Object.values(calls).filter((call) => call.kind === 'write');

/** Whether an operation's `api` names the call (…/send_msg is not named by …/send_msg_on_event). */
const names = (api: string | undefined, call: ApiCall) => (api ?? '').split(/[\s,;()]+/).join(' ').concat(' ').includes(`${apiLine(call)} `);

describe.each(FAMILIES)('operation words of the $family node', (family) => {
	const operations = operationsOf(family);
	const writes = writesOf(family);

	it.each(operations)('$name says how to check every change it makes', ({ operation }) => {
		for (const call of writes) {
			if (names(operation.api, call)) expect([call.path, operation.outcome?.[call.path]]).toEqual([call.path, expect.objectContaining({ done: expect.any(String), then: expect.any(String) })]);
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
		const client = join(__dirname, '..', '..', 'nodes', family.folder, 'client');
		const operationName = new RegExp(`\\b(${family.resources.map((r) => String(r.option.name)).join('|')}) → `);
		const naming = readdirSync(client).filter((file) => operationName.test(readFileSync(join(client, file), 'utf8')));
		expect(naming).toEqual([]);
	});
});
