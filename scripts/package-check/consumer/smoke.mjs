// The runtime smoke test of `make check-package`, run by Node 20 in the fresh project that installed
// the packed tarball. Prism runs here (Node 20), started through signalwire-rest/testing; only the
// client code runs under each runtime. Every runtime's result is printed, failures with their exact
// output, and any failure fails the check. RUNTIMES picks the runtimes (default: all four);
// RUNTIMES_DIR holds the node@24, bun and deno npm packages (see scripts/package-check/runtimes/).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createSignalWireClient } from 'signalwire-rest';
import { startMockServer } from 'signalwire-rest/testing';

const bin = (name) => join(process.env.RUNTIMES_DIR ?? '', 'node_modules', '.bin', name);
const runtimes = {
  node20: { command: process.execPath, args: [] },
  node24: { command: bin('node'), args: [] },
  bun: { command: bin('bun'), args: ['run'] },
  deno: { command: bin('deno'), args: ['run', '--allow-env', '--allow-net=127.0.0.1', '--allow-read', '--no-lock'] },
};
const chosen = (process.env.RUNTIMES ?? Object.keys(runtimes).join(' ')).split(/\s+/).filter(Boolean);
const failures = [];

function run(label, command, args, env = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    let output = '';
    let child;
    try {
      child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      return resolve(report(label, false, String(error), started));
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ok = code === 0;
      resolve(report(label, ok, ok ? output : `${output}exit ${code ?? signal}`, started));
    });
  });
}

function report(label, ok, output, started) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (ok) console.log(`  ok    ${label.padEnd(12)} ${seconds}s  ${output.trim().split('\n').at(-1)}`);
  else {
    failures.push(label);
    console.log(`  FAIL  ${label.padEnd(12)} ${seconds}s\n${output.trim().replace(/^/gm, '        ')}`);
  }
}

const mock = await startMockServer();
try {
  console.log(`Prism mock (signalwire-rest/testing, ESM, Node ${process.versions.node}) at ${mock.baseUrl}`);
  const client = createSignalWireClient({ baseUrl: mock.baseUrl, projectId: 'p', apiToken: 't' });
  const room = await client.fabric.conferenceRooms.create({ name: 'smoke_room', enable_room_previews: true });
  console.log(`  ok    in-process   node ${process.versions.node} (ESM): created room ${room.id}`);

  const unknown = chosen.filter((name) => !runtimes[name]);
  if (unknown.length) throw new Error(`unknown runtime(s) in RUNTIMES: ${unknown.join(', ')}`);
  // One runtime at a time: 2 cores, and Bun or Deno starting up while another runs skews nothing
  // but makes a failure's output easier to read.
  for (const name of chosen) {
    const { command, args } = runtimes[name];
    await run(`${name} esm`, command, [...args, 'smoke-client.mjs'], { MOCK_URL: mock.baseUrl });
    await run(`${name} cjs`, command, [...args, 'smoke-client.cjs'], { MOCK_URL: mock.baseUrl });
  }
} finally {
  await mock.close();
}
await run('node20 cjs testing', process.execPath, ['smoke-testing.cjs']);

if (failures.length) {
  console.error(`\nRuntime smoke test failed: ${failures.join(', ')}`);
  process.exit(1);
}
