// The workerd check of `make check-package`: bundles worker.mjs for Cloudflare Workers (esbuild with
// wrangler's export conditions; node:http anywhere in it fails the bundle), serves it with workerd
// (npm @cloudflare/workerd-linux-64, from RUNTIMES_DIR) on a free loopback port, and asks it to
// create a room against the Prism mock. Resolves to the Worker's answer; rejects on any failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

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

export async function createRoomInWorkerd(mockUrl) {
  if (!existsSync(workerdBinary)) {
    throw new Error(`workerd is missing at ${workerdBinary}: its npm build exists for Linux x64 only (make check-package installs it)`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'workerd-check-'));
  try {
    await build({
      entryPoints: ['worker.mjs'],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      outfile: join(scratch, 'worker.js'),
      logLevel: 'error',
    });
    const port = await freePort();
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
  bindings = [(name = "MOCK_URL", text = ${JSON.stringify(mockUrl)})],
  globalOutbound = "net",
);
`,
    );
    const workerd = spawn(workerdBinary, ['serve', join(scratch, 'config.capnp')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    workerd.stdout.on('data', (chunk) => (output += chunk));
    workerd.stderr.on('data', (chunk) => (output += chunk));
    try {
      // workerd prints nothing when it listens: poll the socket until it answers or 20 s pass.
      for (const started = Date.now(); ; ) {
        if (workerd.exitCode !== null) throw new Error(`workerd exited with code ${workerd.exitCode}:\n${output}`);
        try {
          const answer = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(20_000) });
          const text = await answer.text();
          if (!answer.ok) throw new Error(`the Worker answered ${answer.status}:\n${text}\n${output}`);
          return text;
        } catch (error) {
          if (error?.cause?.code !== 'ECONNREFUSED' || Date.now() - started > 20_000) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    } finally {
      workerd.kill('SIGKILL');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
