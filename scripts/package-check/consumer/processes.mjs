// Child processes for the package checks (smoke.mjs, runners.mjs) and test/mock-lifecycle.test.ts:
// run a command and collect its output, and find the Prisms serving a given description.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Runs command with args (env added to this process's), killed after timeoutMs. Never rejects.
 * @returns {Promise<{ code: number | null, signal: string | null, output: string, seconds: string }>}
 */
export function runCommand(command, args, env = {}, timeoutMs = 90_000) {
  return new Promise((resolve) => {
    const started = performance.now();
    const done = (code, signal, output) =>
      resolve({ code, signal, output, seconds: ((performance.now() - started) / 1000).toFixed(1) });
    let child;
    try {
      child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      return done(null, null, String(error));
    }
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done(code, signal, output);
    });
  });
}

/** Pids of the live processes whose command line has the argument `path` (Linux /proc). */
export function processesWithArgument(path) {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(path);
      } catch {
        return false; // ended while listed
      }
    })
    .map(Number);
}
