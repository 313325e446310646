// `make demo` runs through the mock, and says that the room it prints is the mock's canned example,
// so that its fields (display_name "Reception", max_members 30 for 20 asked) do not read as the
// client's doing.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('the demo creates a room and a message, and calls the printed room canned', () => {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/demo.ts'], { encoding: 'utf8', timeout: 90_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('the mock answered with its canned example room');
  expect(run.stdout).toMatch(/client\.compat\.messages\.create\(\) sent message \S+/);
}, 120_000);
