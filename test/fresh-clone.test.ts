// `make demo` on a fresh clone must not regenerate: git sets file times in checkout order, so openapi/
// can look newer than generated/. make decides by the inputs' content (generated/inputs.sha256), and a
// real change to openapi/ still regenerates. Runs on a clone of the committed HEAD.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'fresh-clone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};

test('make -n demo in a fresh clone runs no generate.sh; an edit of openapi/ makes it run', () => {
  const clone = join(dir, 'clone');
  run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], dir);
  // As a checkout can leave them: every input newer than every generated file.
  const later = new Date(Date.now() + 3_600_000);
  for (const input of ['openapi/signalwire-rest.openapi.yaml', 'openapi/signalwire-rest.overlay.yaml', 'scripts/generate.sh']) {
    utimesSync(join(clone, input), later, later);
  }
  expect(run('make', ['-n', 'demo'], clone)).not.toContain('generate.sh');

  appendFileSync(join(clone, 'openapi/signalwire-rest.overlay.yaml'), '# a real change\n');
  expect(run('make', ['-n', 'demo'], clone)).toContain('scripts/generate.sh generated');
}, 60_000);
