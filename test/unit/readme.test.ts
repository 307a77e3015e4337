import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { nodeProperties } from '../../nodes/WeChatCustomerService/resources';
import { replaceWeComErrorsTable } from '../../scripts/errcode-table';
import { replaceTable } from '../../scripts/operations-table';

describe('README', () => {
	it('lists exactly the resources and operations the node offers (run `npm run docs` to refresh)', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toBe(replaceTable(readme));
	});

	it('explains exactly the WeCom errcodes the WeCom node explains (run `npm run docs` to refresh)', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toBe(replaceWeComErrorsTable(readme));
	});

	it('gives the two set-up commands', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toContain('npm install\nnpm test');
	});
});

describe('node description', () => {
	it('preselects the natural operation of each resource', () => {
		const defaults = Object.fromEntries(
			nodeProperties()
				.filter((p) => p.name === 'operation')
				.map((p) => [String(p.displayOptions?.show?.resource?.[0]), p.default]),
		);
		expect(defaults).toEqual({
			account: 'create',
			avatar: 'upload',
			media: 'upload',
			agent: 'getAll',
			record: 'getAll',
			session: 'create',
			message: 'send',
		});
	});
});
