import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { RELIABILITY_ROWS } from './rows';
import { replaceErrorsTable } from './table';

describe('README "Errors and retries"', () => {
	it('shows exactly the rows of the reliability suite (run `npm run docs` to refresh)', () => {
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
		expect(readme).toBe(replaceErrorsTable(readme, RELIABILITY_ROWS));
	});
});
