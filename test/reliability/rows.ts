import { FAULT_ROWS } from './rows-faults';
import { INPUT_ROWS } from './rows-input';
import type { Rows } from './table';

/** The reliability table: the suite runs every row, and the README's table is made from them. */
export const RELIABILITY_ROWS: Rows = { faults: FAULT_ROWS, inputs: INPUT_ROWS };
