// The Sender a client uses when the caller passes no `fetch`. On Node: node:http with keep-alive
// agents (./node-send.ts), several times cheaper per call than undici's fetch, unless the process has
// routed fetch elsewhere (see fetchIsRouted). Bun and Deno keep their native fetch, their fast path.
// The browser build (tsup.config.ts, the package's "browser" export) takes ./send.browser.ts
// instead, so node:http never reaches a browser bundle.
import type { Sender } from './exchange.js';
import { globalFetchSender } from './fetch-send.js';
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

export const defaultSender: Sender = onNode
  ? (outgoing, maxResponseBytes) => (fetchIsRouted() ? globalFetchSender : nodeSend)(outgoing, maxResponseBytes)
  : globalFetchSender;
