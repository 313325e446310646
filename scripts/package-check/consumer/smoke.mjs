// The runtime smoke test of `make check-package`, run by Node 20 in the fresh project that installed
// the packed tarball. Prism runs here (Node 20), started through signalwire-rest/testing; only the
// client code runs under each runtime. Every runtime's result is printed, failures with their exact
// output, and any failure fails the check. RUNTIMES picks the runtimes (default: all of them);
// RUNTIMES_DIR holds the node@22 (as node22), node@24, bun, deno, workerd and playwright-core npm packages (see
// scripts/package-check/runtimes/). Node 24 also runs once under NODE_USE_ENV_PROXY=1 with
// HTTP_PROXY set, and its call must reach the mock through a local forward proxy.
import { join } from 'node:path';
import { createSignalWireClient } from 'signalwire-rest';
import { startMockServer } from 'signalwire-rest/testing';
import { createRoomInChromium } from './chromium.mjs';
import { createRoom } from './create-room.cjs';
import { startForwardProxy } from './forward-proxy.mjs';
import { runCommand } from './processes.mjs';
import { createRoomInWorkerd } from './workerd.mjs';

const bin = (name) => join(process.env.RUNTIMES_DIR ?? '', 'node_modules', '.bin', name);
const runtimes = {
  node20: { command: process.execPath, args: [] },
  node22: { command: join(process.env.RUNTIMES_DIR ?? '', 'node_modules', 'node22', 'bin', 'node'), args: [] },
  node24: { command: bin('node'), args: [] },
  bun: { command: bin('bun'), args: ['run'] },
  deno: { command: bin('deno'), args: ['run', '--allow-env', '--allow-net=127.0.0.1', '--allow-read', '--no-lock'] },
  workerd: { inProcess: createRoomInWorkerd },
  chromium: { inProcess: createRoomInChromium },
};
const chosen = (process.env.RUNTIMES ?? Object.keys(runtimes).join(' ')).split(/\s+/).filter(Boolean);
const failures = [];

async function run(label, command, args, env = {}) {
  const started = performance.now();
  const { code, signal, output } = await runCommand(command, args, env, 60_000);
  report(label, code === 0, code === 0 ? output : `${output}exit ${code ?? signal}`, started);
}

async function runInProcess(label, check, mockUrl) {
  const started = performance.now();
  try {
    report(label, true, await check(mockUrl), started);
  } catch (error) {
    report(label, false, String(error?.stack ?? error), started);
  }
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
  console.log(`  ok    in-process   node ${process.versions.node} (ESM): ${await createRoom(createSignalWireClient, mock.baseUrl)}`);

  const unknown = chosen.filter((name) => !runtimes[name]);
  if (unknown.length) throw new Error(`unknown runtime(s) in RUNTIMES: ${unknown.join(', ')}`);
  // One runtime at a time: 2 cores, and Bun or Deno starting up while another runs skews nothing
  // but makes a failure's output easier to read.
  for (const name of chosen) {
    const { command, args, inProcess } = runtimes[name];
    if (inProcess) {
      await runInProcess(name, inProcess, mock.baseUrl);
      continue;
    }
    await run(`${name} esm`, command, [...args, 'smoke-client.mjs'], { MOCK_URL: mock.baseUrl });
    await run(`${name} cjs`, command, [...args, 'smoke-client.cjs'], { MOCK_URL: mock.baseUrl });
  }
  if (chosen.includes('node24')) await viaEnvironmentProxy(mock.baseUrl);
} finally {
  await mock.close();
}
/** Node 24 with NODE_USE_ENV_PROXY=1 installs an EnvHttpProxyAgent; the client must go through it. */
async function viaEnvironmentProxy(mockUrl) {
  const proxy = await startForwardProxy();
  try {
    const environment = { MOCK_URL: mockUrl, NODE_USE_ENV_PROXY: '1', HTTP_PROXY: proxy.url, NO_PROXY: '' };
    await run('node24 proxy', runtimes.node24.command, ['smoke-client.mjs'], environment);
    const relayed = proxy.connects.length + proxy.requests.length;
    if (relayed === 0) report('node24 proxy', false, `the call did not go through HTTP_PROXY=${proxy.url}`, performance.now());
    else console.log(`        (the forward proxy relayed it: ${[...proxy.connects.map((to) => `CONNECT ${to}`), ...proxy.requests].join(', ')})`);
  } finally {
    await proxy.close();
  }
}

await run('node20 cjs testing', process.execPath, ['smoke-testing.cjs']);

if (failures.length) {
  console.error(`\nRuntime smoke test failed: ${failures.join(', ')}`);
  process.exit(1);
}
