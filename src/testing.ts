// signalwire-rest/testing: a Prism mock of the API, started from the description this package ships,
// for contract tests of your own code. Prism (@stoplight/prism-cli) is an optional peer dependency;
// nothing in the main entry imports this module.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startViolationProxy, type ViolationProxy } from './mock-violations.js';

export interface MockServerOptions {
  /** The OpenAPI description to serve (default: the bundled one shipped with this package). */
  description?: string | undefined;
  /** Answer with schema-generated data instead of static examples (Prism's --dynamic). */
  dynamic?: boolean | undefined;
  /** How long to wait for Prism to listen, in ms (default 30,000); Prism is stopped when it is exceeded. */
  startTimeoutMs?: number | undefined;
  /** Gives up the start (and stops Prism) when aborted, e.g. `AbortSignal.timeout(ms)` to match a hook timeout. */
  signal?: AbortSignal | undefined;
}

/** Client options every operation of both APIs accepts from the mock. */
export interface MockClientOptions {
  readonly baseUrl: string;
  readonly projectId: string;
  readonly apiToken: string;
}

export interface MockServer {
  /** Pass as `baseUrl` to createSignalWireClient(), or pass `clientOptions`. */
  readonly baseUrl: string;
  /**
   * `{ baseUrl, projectId, apiToken }` for createSignalWireClient(): credentials the mock accepts for
   * every operation of both APIs. The Project ID is a uuid, since the Compatibility API's paths carry it
   * as an AccountSid the description types as a uuid (any other value is refused with a 422).
   */
  readonly clientOptions: MockClientOptions;
  /** The process id of Prism. */
  readonly pid: number;
  /** Stops Prism and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * The mock-server description shipped with the package: the overlay-patched description with SWML
 * documents as opaque objects (Prism cannot start on their recursive schemas).
 */
/** The Project ID of `clientOptions`: any uuid would do. */
const MOCK_PROJECT_ID = 'ae2b2a88-0b7e-4c4d-9f6b-5a1b2c3d4e5f';

export const bundledDescription = fileURLToPath(new URL('../generated/mock.yaml', import.meta.url));

function prismCli(): string {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new Error(
      'startMockServer() needs Prism: install it with `npm install --save-dev @stoplight/prism-cli@5.14.2` ' +
        '(5.14.x runs on Node 20; 5.15 and later need Node 24).',
    );
  }
  const { bin } = require(manifest) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin.prism!);
}

// Loaded into Prism's process before its CLI (`node --import`): Prism exits as soon as its stdin
// closes, which the kernel does when this process ends in any way (return, process.exit, crash,
// kill -9), so a mock can never outlive the process that started it.
const exitWithParent = 'data:text/javascript,process.stdin.on("end",()=>process.exit(0)).on("error",()=>process.exit(0)).resume()';

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.ref(); // the caller awaits the exit: keep this process alive until it comes
    child.kill('SIGTERM');
  });
}

/**
 * Starts Prism on a free loopback port and resolves once it listens. A request that breaks the
 * description is refused with the rules it broke, in the API's error shape (Prism itself answers with
 * the description's canned example and names the rules in a header only). Prism runs in a child process
 * that exits with this one however it ends, and does not keep it alive: a test run that forgets
 * `close()` still ends. A start that fails, times out or is aborted stops Prism before rejecting.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  options.signal?.throwIfAborted();
  const args = ['--import', exitWithParent, prismCli(), 'mock', options.description ?? bundledDescription];
  args.push('--host', '127.0.0.1', '--port', '0');
  if (options.dynamic) args.push('--dynamic');
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });

  let output = '';
  const prismUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${timeoutMs}ms:\n${output}`)), timeoutMs);
    const onAbort = () => fail(new Error(`startMockServer() aborted before Prism listened: ${options.signal?.reason}`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      child.stdout!.off('data', onData); // the request log that follows is not kept
      child.stderr!.off('data', onData);
    };
    function fail(error: Error) {
      if (settled) return; // the first reason wins: stopping Prism below ends in an 'exit' event too
      settle();
      void stop(child).then(() => reject(error));
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Prism is listening on (http:\/\/\S+)/.exec(output);
      if (listening) {
        settle();
        resolve(listening[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`Prism exited with code ${code} before listening:\n${output}`)));
  });
  // Keep draining Prism's request log so a full pipe never blocks it; let this process end without
  // waiting for Prism (its stdin then closes, and it exits).
  for (const pipe of [child.stdin, child.stdout, child.stderr] as unknown as Socket[]) pipe.unref();
  child.stdout!.resume();
  child.stderr!.resume();
  child.unref();
  let proxy: ViolationProxy;
  try {
    proxy = await startViolationProxy(prismUrl);
  } catch (error) {
    await stop(child);
    throw error;
  }
  const { baseUrl } = proxy;
  const clientOptions: MockClientOptions = Object.freeze({ baseUrl, projectId: MOCK_PROJECT_ID, apiToken: 'PTmock-api-token' });
  return {
    baseUrl,
    clientOptions,
    pid: child.pid!,
    close: () => {
      proxy.close();
      return stop(child);
    },
  };
}

// Signed webhooks for tests of your handlers (src/webhook-sender.ts).
export { sendWebhook } from './webhook-sender.js';
export type { DeepPartial, SendWebhookOptions, WebhookReply } from './webhook-sender.js';
