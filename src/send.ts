// What a client uses when the caller passes no `fetch`. On Node: node:http with keep-alive agents
// (./node-send.ts) and lighter Request/Response classes (./lite-objects.ts), several times cheaper
// per call than undici's fetch and WHATWG objects, unless the process has routed fetch elsewhere
// (see fetchIsRouted). Bun and Deno keep their native fetch and classes, their fast path. The
// browser build (tsup.config.ts, the package's "browser" export) takes ./send.browser.ts instead,
// so node:http never reaches a browser bundle.
import { LiteResponse, switchableRequest } from './lite-objects.js';
import { nodeSend } from './node-send.js';

const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
const onNode = Boolean(versions?.node && !versions.bun && !versions.deno);

// Where undici (Node's fetch, and npm's undici) keeps the dispatcher every fetch goes through.
const globalDispatcher = Symbol.for('undici.globalDispatcher.1');

/**
 * True when fetch has been given a dispatcher other than undici's plain `Agent` (the default
 * either copy of undici installs): a MockAgent, a ProxyAgent, an EnvHttpProxyAgent (also what
 * Node installs itself under NODE_USE_ENV_PROXY=1 or --use-env-proxy), a RetryAgent... Calls then
 * go through fetch, so that they reach whatever was configured. Checked per call: a dispatcher set
 * after the client was made counts.
 */
export function fetchIsRouted(): boolean {
  const dispatcher = (globalThis as Record<symbol, { constructor?: { name?: string } } | undefined>)[globalDispatcher];
  return dispatcher !== undefined && dispatcher.constructor?.name !== 'Agent';
}

const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init); // looked up per call: a polyfill set later counts

export const defaultSend: typeof fetch = onNode
  ? (input, init) => (fetchIsRouted() ? globalFetch(input, init) : nodeSend(input as string | URL, init))
  : globalFetch;

/** The class the transport builds answers with; undefined means the global Response. */
export const DefaultResponse = onNode ? (LiteResponse as unknown as typeof Response) : undefined;
/** For openapi-fetch's `Request` option: a LiteRequest while `light()` holds, the global Request after. */
export const defaultRequestWhile = (light: () => boolean): typeof Request | undefined =>
  onNode ? switchableRequest(light) : undefined;
