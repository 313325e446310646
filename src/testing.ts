// signalwire-rest/testing: a Prism mock of the API, started from the description this package ships,
// for contract tests of your own code. Prism (@stoplight/prism-cli) is an optional peer dependency;
// nothing in the main entry imports this module.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MockServerOptions {
  /** The OpenAPI description to serve (default: the bundled one shipped with this package). */
  description?: string;
  /** Answer with schema-generated data instead of static examples (Prism's --dynamic). */
  dynamic?: boolean;
  /** How long to wait for Prism to listen, in ms (default 30,000). */
  startTimeoutMs?: number;
}

export interface MockServer {
  /** Pass as `baseUrl` to createSignalWireClient(). */
  readonly baseUrl: string;
  /** Stops Prism and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * The mock-server description shipped with the package: the overlay-patched description with SWML
 * documents as opaque objects (Prism cannot start on their recursive schemas).
 */
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

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts Prism on a free loopback port and resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const args = [prismCli(), 'mock', options.description ?? bundledDescription, '--host', '127.0.0.1', '--port', '0'];
  if (options.dynamic) args.push('--dynamic');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });

  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within ${options.startTimeoutMs ?? 30_000}ms:\n${output}`)),
      options.startTimeoutMs ?? 30_000,
    );
    function fail(error: Error) {
      clearTimeout(timer);
      void stop(child).then(() => reject(error));
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Prism is listening on (http:\/\/\S+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Prism exited with code ${code} before listening:\n${output}`)));
  });
  // Keep draining Prism's request log so a full pipe never blocks it.
  child.stdout!.resume();
  child.stderr!.resume();
  return { baseUrl, close: () => stop(child) };
}
