// scripts/mock-description.mjs's report line reads right for a description without recursive schemas
// (the Compatibility API) as for one with them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'mock-description-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a description with no recursive schema says so', () => {
  const run = spawnSync('node', ['scripts/mock-description.mjs', 'generated/compat.openapi.yaml', join(dir, 'mock.yaml')], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain('no recursive schema to make opaque, ');
  expect(run.stderr).not.toMatch(/schemas of\s+made opaque/);
});
