import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { replaceTable } from './operations-table';

// Run from build-dev/scripts/: the README sits two levels up.
const path = join(__dirname, '..', '..', 'README.md');
writeFileSync(path, replaceTable(readFileSync(path, 'utf8')));
console.log('README.md operations table updated');
