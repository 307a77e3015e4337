import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { RELIABILITY_ROWS } from '../test/reliability/rows';
import { replaceErrorsTable } from '../test/reliability/table';
import { replaceWeComErrorsTable } from './errcode-table';
import { replaceTable } from './operations-table';

// Run from build-dev/scripts/: the README sits two levels up.
const path = join(__dirname, '..', '..', 'README.md');
writeFileSync(path, replaceWeComErrorsTable(replaceErrorsTable(replaceTable(readFileSync(path, 'utf8')), RELIABILITY_ROWS)));
console.log('README.md operations and errors tables updated');
