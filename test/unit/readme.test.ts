import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { replaceTable } from '../../scripts/operations-table';

describe('README', () => {
	it('lists exactly the resources and operations the node offers (run `npm run docs` to refresh)', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toBe(replaceTable(readme));
	});

	it('gives the two set-up commands', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toContain('npm install\nnpm test');
	});
});
