// SignalWire's two webhook signing schemes:
//   A (RELAY, SWML, JSON bodies): lower-case hex of HMAC-SHA1(key, url + raw body);
//   B (Compatibility, cXML; Twilio's): base64 of HMAC-SHA1(key, url + the form parameters sorted by
//     name, each as name + value), or of HMAC-SHA1(key, url) alone when the URL carries `bodySHA256`,
//     the hex SHA-256 of the raw body.
// The signature's form says which scheme signed it (40 hex digits, or 28 base64 characters). Both
// are tried with the URL as given and with its default port added or its port removed: SignalWire may
// have signed either. The expected signature is compared with the one sent in equal time.
// The HMAC comes from node:crypto where the runtime has it without an import (process.getBuiltinModule:
// Node 20.16+, Bun, Deno, Workers with nodejs_compat): it is synchronous and about 10 times faster per
// call than Web Crypto's on Node (bench/webhooks.ts). Web Crypto elsewhere. No static `node:` import,
// so the entry bundles for any runtime.
import { joinChunks } from '../body-limit.js';

/** What verifyWebhookSignature() checks. */
export interface WebhookSignatureInput {
  /** The project's Signing Key (Dashboard > API Credentials). */
  signingKey: string;
  /** The `X-SignalWire-Signature` (or `X-Twilio-Signature`) header; missing or empty is `false`. */
  signature: string | null | undefined;
  /** The full public URL SignalWire called: scheme, host, port, path and query, as SignalWire saw it. */
  url: string;
  /** The raw body exactly as received, before any parsing: a string or bytes. */
  body: string | Uint8Array | ArrayBuffer;
}

const encoder = new TextEncoder();
const HEX_SIGNATURE = /^[0-9a-f]{40}$/i;
const BASE64_SIGNATURE = /^[A-Za-z0-9+/]{27}=$/;

type NodeCrypto = typeof import('node:crypto');
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  'node:crypto',
) as NodeCrypto | undefined;

// Web Crypto: the last key imported, kept so a server verifying with one key imports it once
// (importKey costs as much as a signature).
let lastKey: [text: string, key: Promise<CryptoKey>] | undefined;
function hmacKey(signingKey: string): Promise<CryptoKey> {
  if (lastKey?.[0] !== signingKey) {
    lastKey = [signingKey, crypto.subtle.importKey('raw', encoder.encode(signingKey), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign'])];
  }
  return lastKey[1];
}

/** Text (hashed as UTF-8) or bytes. */
type Data = string | Uint8Array;
/** A scheme by how it writes a signature: A in hex, B in base64. */
type Scheme = 'hex' | 'base64';

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The text's UTF-8 and then the data, in a buffer of their own (Web Crypto takes no view of a shared one). */
function joined(text: string, data: Data): Uint8Array<ArrayBuffer> {
  const head = encoder.encode(text);
  const tail = typeof data === 'string' ? encoder.encode(data) : data;
  return joinChunks([head, tail], head.length + tail.length) as Uint8Array<ArrayBuffer>; // two chunks: always a new buffer
}

/** HMAC-SHA1 of the URL followed by the tail, as the scheme writes it: hex (A) or base64 (B). */
async function signatureOf(signingKey: string, url: string, tail: Data, scheme: Scheme): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHmac('sha1', signingKey).update(url).update(tail).digest(scheme);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(signingKey), joined(url, tail)));
  return scheme === 'hex' ? hex(mac) : btoa(String.fromCharCode(...mac));
}

async function sha256Hex(data: Data): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(data).digest('hex');
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', joined('', data))));
}

/** A body as text, for parsing (bytes as UTF-8). */
export const textOf = (body: string | Uint8Array): string => (typeof body === 'string' ? body : new TextDecoder().decode(body));

/** The URL as given, with the default port added (when it has none) and with its port removed. */
export function urlVariants(url: string): string[] {
  const match = /^([a-z][a-z0-9+.-]*:)(\/\/[^/?#]*)(.*)$/is.exec(url);
  if (!match) return [url];
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const port = /:(\d*)$/.exec(authority);
  const bare = port ? authority.slice(0, port.index) : authority;
  const defaultPort = ({ 'https:': ':443', 'http:': ':80' } as Record<string, string>)[scheme.toLowerCase()];
  const variants = new Set([url, scheme + bare + rest]);
  if (!port && defaultPort) variants.add(scheme + bare + defaultPort + rest);
  return [...variants];
}

/** Scheme B's signed text after the URL: every form parameter, sorted by name (stable), as name + value. */
export function sortedParameters(form: string): string {
  const entries = [...new URLSearchParams(form)];
  entries.sort((a, b) => (a[0] < b[0] ? -1 : +(a[0] > b[0]))); // code-unit order, as the Twilio-style SDKs sort
  let text = '';
  for (const [name, value] of entries) text += name + value;
  return text;
}

// Lengths are public (40 hex digits, 28 base64 characters, 64 for a SHA-256); the characters are compared in equal time.
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** A missing or non-string signing key is a TypeError that says what to pass (never what was passed). */
export function checkSigningKey(signingKey: unknown, caller: string): void {
  if (!signingKey || typeof signingKey !== 'string') {
    throw new TypeError(`${caller} needs \`signingKey\`: the project's Signing Key (Dashboard > API Credentials).`);
  }
}

/** The input checked (key, URL, raw body), and its body as text or bytes (an ArrayBuffer viewed, not copied). */
function checkedBody(input: WebhookSignatureInput, caller: string): Data {
  checkSigningKey(input?.signingKey, caller);
  if (!input.url || typeof input.url !== 'string') {
    throw new TypeError(`${caller} needs \`url\`: the public URL SignalWire called.`);
  }
  const { body } = input;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError(
    `${caller} needs \`body\`: the raw body as received (a string or bytes), not ${body === null ? 'null' : typeof body}. ` +
      'With Express, use express.raw() on the route, or keep the raw body in a `verify` hook.',
  );
}

/** What scheme B signs after the URL: the sorted form parameters, or nothing when `bodySHA256` holds the body's hash. */
async function schemeBTail(url: string, body: Data): Promise<string | undefined> {
  const bodyHash = /[?&]bodySHA256=([^&#]*)/.exec(url)?.[1];
  if (bodyHash === undefined) return sortedParameters(textOf(body));
  return sameText(await sha256Hex(body), bodyHash.toLowerCase()) ? '' : undefined;
}

/**
 * Whether SignalWire signed this webhook with the project's Signing Key (either scheme, see above).
 * A missing or malformed signature is `false`; a missing key, URL or raw body is a TypeError.
 */
export async function verifyWebhookSignature(input: WebhookSignatureInput): Promise<boolean> {
  const body = checkedBody(input, 'verifyWebhookSignature()');
  const { signingKey, url } = input;
  const signature = typeof input.signature === 'string' ? input.signature.trim() : '';
  const scheme: Scheme | undefined = HEX_SIGNATURE.test(signature) ? 'hex' : BASE64_SIGNATURE.test(signature) ? 'base64' : undefined;
  if (!scheme) return false;
  const tail = scheme === 'hex' ? body : await schemeBTail(url, body);
  if (tail === undefined) return false;
  const sent = scheme === 'hex' ? signature.toLowerCase() : signature;
  for (const variant of urlVariants(url)) {
    if (sameText(await signatureOf(signingKey, variant, tail, scheme), sent)) return true;
  }
  return false;
}

/** The signature SignalWire would send for this body at this URL, by scheme (A: JSON, B: form): for tests of handlers. */
export async function signWebhook(input: Omit<WebhookSignatureInput, 'signature'>, scheme: 'A' | 'B'): Promise<string> {
  const body = checkedBody({ ...input, signature: undefined }, 'signWebhook()');
  const tail = scheme === 'A' ? body : sortedParameters(textOf(body));
  return signatureOf(input.signingKey, input.url, tail, scheme === 'A' ? 'hex' : 'base64');
}
