// A bench part that measures nothing: one fixed row, for test/bench-run.test.ts.
import { row } from '../../bench/table.js';

console.log(JSON.stringify([row({ part: 'fixture', case: 'one row', result: '42 calls/s', comparedWith: '', target: '', met: undefined })]));
