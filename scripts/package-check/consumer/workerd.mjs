// The workerd checks of `make check-package`: bundles a Worker for Cloudflare Workers (esbuild with
// wrangler's export conditions; node:http anywhere in it fails the bundle), serves it with workerd
// (npm @cloudflare/workerd-linux-64, from RUNTIMES_DIR) on a free loopback port, and talks to it:
// worker.mjs creates a room against the Prism mock; webhook-worker.mjs answers webhooks that
// sendWebhook() signs. Each resolves to what it saw; rejects on any failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { sendWebhook } from 'signalwire-rest/testing';

const workerdBinary = join(process.env.RUNTIMES_DIR ?? '', 'node_modules/@cloudflare/workerd-linux-64/bin/workerd');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves `entry` (a Worker module) with workerd, text `bindings` in its env, while `use(baseUrl)` runs. */
async function inWorkerd(entry, bindings, use) {
  if (!existsSync(workerdBinary)) {
    throw new Error(`workerd is missing at ${workerdBinary}: its npm build exists for Linux x64 only (make check-package installs it)`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'workerd-check-'));
  try {
    await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      outfile: join(scratch, 'worker.js'),
      logLevel: 'error',
    });
    const port = await freePort();
    const texts = Object.entries(bindings).map(([name, text]) => `(name = "${name}", text = ${JSON.stringify(text)})`);
    // Outbound requests may reach loopback ("local"): the mock listens on 127.0.0.1.
    writeFileSync(
      join(scratch, 'config.capnp'),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "net", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
  bindings = [${texts.join(', ')}],
  globalOutbound = "net",
);
`,
    );
    const workerd = spawn(workerdBinary, ['serve', join(scratch, 'config.capnp')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    workerd.stdout.on('data', (chunk) => (output += chunk));
    workerd.stderr.on('data', (chunk) => (output += chunk));
    try {
      // workerd prints nothing when it listens: poll the socket until it accepts or 20 s pass.
      for (const started = Date.now(); !(await accepts(port)); ) {
        if (workerd.exitCode !== null) throw new Error(`workerd exited with code ${workerd.exitCode}:\n${output}`);
        if (Date.now() - started > 20_000) throw new Error(`workerd did not listen within 20 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      try {
        return await use(`http://127.0.0.1:${port}`);
      } catch (error) {
        throw new Error(`${error?.message ?? error}\n${output}`, { cause: error });
      }
    } finally {
      workerd.kill('SIGKILL');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
    socket.once('connect', () => socket.destroy());
  });
}

export function createRoomInWorkerd(mockUrl) {
  return inWorkerd('worker.mjs', { MOCK_URL: mockUrl }, async (baseUrl) => {
    const answer = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(20_000) });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`the Worker answered ${answer.status}:\n${text}`);
    return text;
  });
}

/** A webhook handler in workerd answers a signed inbound call webhook with its SWML, and a forged one with 401. */
export function answerWebhookInWorkerd() {
  const signingKey = 'PSK_workerd_check';
  return inWorkerd('webhook-worker.mjs', { SIGNING_KEY: signingKey }, async (baseUrl) => {
    const reply = await sendWebhook(`${baseUrl}/calls`, 'inboundCallWebhook', { signingKey, payload: { call: { from: '+15550100' } } });
    const said = reply.status === 200 ? reply.json().sections?.main?.[0]?.play?.url : undefined;
    if (said !== 'say:Hello +15550100') throw new Error(`the Worker answered ${reply.status}: ${reply.body}`);
    const forged = await sendWebhook(`${baseUrl}/calls`, 'inboundCallWebhook', { signingKey: 'a-guess' });
    if (forged.status !== 401) throw new Error(`a forged webhook got ${forged.status}, not 401: ${forged.body}`);
    return `workerd: a signed webhook answered with SWML (${said}), a forged one with 401`;
  });
}
