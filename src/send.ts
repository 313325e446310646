// What a client uses when the caller passes no `fetch`. On Node: node:http with keep-alive agents
// (./node-send.ts) and lighter Request/Response classes (./lite-objects.ts), several times cheaper
// per call than undici's fetch and WHATWG objects. Bun and Deno keep their native fetch and classes,
// their fast path. The browser build (tsup.config.ts, the package's "browser" export) takes
// ./send.browser.ts instead, so node:http never reaches a browser bundle.
import { LiteResponse, switchableRequest } from './lite-objects.js';
import { nodeSend } from './node-send.js';

const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
const onNode = Boolean(versions?.node && !versions.bun && !versions.deno);

export const defaultSend: typeof fetch = onNode
  ? (nodeSend as typeof fetch)
  : (input, init) => globalThis.fetch(input, init); // looked up per call: a polyfill set later counts

/** The class the transport builds answers with; undefined means the global Response. */
export const DefaultResponse = onNode ? (LiteResponse as unknown as typeof Response) : undefined;
/** For openapi-fetch's `Request` option: a LiteRequest while `light()` holds, the global Request after. */
export const defaultRequestWhile = (light: () => boolean): typeof Request | undefined =>
  onNode ? switchableRequest(light) : undefined;
