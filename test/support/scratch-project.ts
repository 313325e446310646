// A scratch copy of the project for tests that run the real pipeline, never in the work tree:
// the named paths copied, node_modules linked, generated/ empty unless copied; removed by cleanScratches().
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
const scratches: string[] = [];

export function scratchProject(prefix: string, paths: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratches.push(dir);
  for (const path of paths) cpSync(join(root, path), join(dir, path), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'generated'), { recursive: true });
  return dir;
}

export function cleanScratches(): void {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs scripts/generate.sh in `dir`: its exit status and everything it printed. */
export function generateIn(dir: string, timeout: number) {
  const run = spawnSync('bash', ['scripts/generate.sh', 'generated'], { cwd: dir, encoding: 'utf8', timeout });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
