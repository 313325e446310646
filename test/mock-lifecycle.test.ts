// The Prism mock's process lifecycle (src/testing.ts): it never outlives the process that started
// it, whichever way that process ends, and a start given up by its caller leaves nothing behind.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { processesWithArgument } from '../scripts/package-check/consumer/processes.mjs';
import { bundledDescription, startMockServer } from '../src/testing.js';

// A copy of the description under a unique path: the processes serving it are exactly the Prisms
// these tests started.
const scratch = mkdtempSync(join(tmpdir(), 'mock-lifecycle-'));
const description = join(scratch, 'openapi.yaml');
copyFileSync(bundledDescription, description);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function eventually(check: () => boolean, withinMs = 10_000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < withinMs; ) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** Runs test/support/mock-parent.ts in its own Node process; resolves with Prism's pid once it listens. */
function startParent(mode: 'hang' | 'exit' | 'return') {
  const parent = spawn(process.execPath, ['--import', 'tsx', 'test/support/mock-parent.ts', mode], {
    env: { ...process.env, MOCK_DESCRIPTION: description },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | string | null>((resolve) => parent.once('exit', (code, signal) => resolve(code ?? signal)));
  const prismPid = new Promise<number>((resolve, reject) => {
    let output = '';
    parent.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const pid = /prism (\d+)/.exec(output)?.[1];
      if (pid) resolve(Number(pid));
    });
    void exited.then(() => reject(new Error(`the parent ended before Prism listened: ${output}`)));
  });
  return { parent, exited, prismPid };
}

describe('Prism ends with the process that started it', () => {
  test.each(['hang', 'exit', 'return'] as const)('parent ends by %s', async (mode) => {
    const { parent, exited, prismPid } = startParent(mode);
    const pid = await prismPid;
    expect(processesWithArgument(description)).toEqual([pid]);
    if (mode === 'hang') parent.kill('SIGKILL');
    // 'return' ends on its own: Prism does not keep its parent alive.
    expect(await exited).toBe(mode === 'hang' ? 'SIGKILL' : 0);
    expect(await eventually(() => processesWithArgument(description).length === 0)).toBe(true);
  });
});

describe('a start given up by its caller leaves no process behind', () => {
  test('startTimeoutMs exceeded: rejects, and Prism is stopped', async () => {
    await expect(startMockServer({ description, startTimeoutMs: 50 })).rejects.toThrow(/did not start within 50ms/);
    expect(processesWithArgument(description)).toEqual([]);
  });

  test('signal aborted (a runner hook that gave up): rejects, and Prism is stopped', async () => {
    await expect(startMockServer({ description, signal: AbortSignal.timeout(50) })).rejects.toThrow(/aborted/);
    expect(processesWithArgument(description)).toEqual([]);
  });

  test('an already aborted signal starts nothing', async () => {
    const signal = AbortSignal.abort(new Error('gave up'));
    await expect(startMockServer({ description, signal })).rejects.toThrow('gave up');
    expect(processesWithArgument(description)).toEqual([]);
  });

  test('close() stops Prism and waits for it', async () => {
    const mock = await startMockServer({ description });
    expect(processesWithArgument(description)).toEqual([mock.pid]);
    await mock.close();
    expect(processesWithArgument(description)).toEqual([]);
  });
});
