// What `make test` prints is for people and CI logs: a line as each file starts, no colour codes, and no warning that is not the
// project's (vitest's notice that type tests are experimental). Checked on one fast suite run
// through `make unit`, whatever colour settings the caller's environment has.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('make unit prints plain text and only the project’s warnings', () => {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const environment = { ...inherited, TERM: 'xterm-256color' };
  // -o generate: only the suite runs here, never an install or a regeneration under the running tests.
  const run = spawnSync('make', ['-s', '-o', 'generate', 'unit', 'TESTS=test/proxy.test.ts'], { encoding: 'utf8', env: environment });
  const output = run.stdout + run.stderr;
  expect(run.status, output).toBe(0);
  expect(output).toContain('Tests  7 passed (7)');
  expect(output).toMatch(/^ {2}started test\/proxy\.test\.ts \(1 of 1, \d+s\)$/m); // progress as each file starts
  expect(output).not.toContain('\u001b[');
  expect(output).not.toMatch(/experimental feature|please pin Vitest/);
});
