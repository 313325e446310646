// `make bench` (bench/run.ts) prints its table and writes a file only when asked: a run must not
// dirty the git tree. Run here with a fixture part instead of the real (slow) measurements.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'bench-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bench = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args, '../test/support/bench-part.ts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
const tracked = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'bench'], { encoding: 'utf8' });

test('a run prints the table and leaves bench/ as it was', () => {
  const before = { status: tracked(), results: readFileSync('bench/results.md', 'utf8') };
  expect(bench()).toContain('| fixture | one row | 42 calls/s |');
  expect(readFileSync('bench/results.md', 'utf8')).toBe(before.results);
  expect(tracked()).toBe(before.status);
});

test('--write FILE (make bench WRITE=1) writes the same table to FILE', () => {
  const file = join(scratch, 'results.md');
  const printed = bench('--write', file);
  expect(readFileSync(file, 'utf8')).toBe(printed);
});
