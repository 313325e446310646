// The User-Agent the client sends: the package, its version and the runtime, e.g.
// `signalwire-rest/0.1.0 node/20.20.2`. Browsers get none: there User-Agent is the browser's own
// (a forbidden header), and a custom header would make every call a CORS preflight.

/** The package's version; test/user-agent.test.ts checks it against package.json. */
export const VERSION = '0.1.0';

interface RuntimeGlobals {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  process?: { versions?: { node?: string } };
}

/** `signalwire-rest/<version> <runtime>/<version>`, or undefined in a browser. */
export function userAgent(globals: RuntimeGlobals = globalThis as RuntimeGlobals): string | undefined {
  const runtime = globals.Deno?.version?.deno
    ? `deno/${globals.Deno.version.deno}`
    : globals.Bun?.version
      ? `bun/${globals.Bun.version}`
      : globals.process?.versions?.node
        ? `node/${globals.process.versions.node}`
        : undefined;
  return runtime && `signalwire-rest/${VERSION} ${runtime}`;
}
