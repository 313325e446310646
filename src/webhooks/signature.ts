// SignalWire's two webhook signing schemes, on Web Crypto (every runtime the package supports has it,
// Node 20 included), so one build serves Node, Workers, Deno and Bun:
//   A (RELAY, SWML, JSON bodies): lower-case hex of HMAC-SHA1(key, url + raw body);
//   B (Compatibility, cXML; Twilio's): base64 of HMAC-SHA1(key, url + the form parameters sorted by
//     name, each as name + value), or of HMAC-SHA1(key, url) alone when the URL carries `bodySHA256`,
//     the hex SHA-256 of the raw body.
// The signature's form says which scheme signed it (40 hex digits, or 28 base64 characters). Both
// are tried with the URL as given and with its default port added or its port removed: SignalWire may
// have signed either. HMACs are compared by crypto.subtle.verify (constant time); the body hash, which
// is no secret, by an equal-time loop all the same.

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
const HEX_SIGNATURE = /^[0-9a-fA-F]{40}$/;
const BASE64_SIGNATURE = /^[A-Za-z0-9+/]{27}=$/;

// The last key imported, kept so a server verifying with one key imports it once (importKey costs as
// much as a signature).
let lastKey: { text: string; key: Promise<CryptoKey> } | undefined;
function hmacKey(signingKey: string): Promise<CryptoKey> {
  if (lastKey?.text !== signingKey) {
    const key = crypto.subtle.importKey('raw', encoder.encode(signingKey), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign', 'verify']);
    lastKey = { text: signingKey, key };
  }
  return lastKey.key;
}

type Bytes = Uint8Array<ArrayBuffer>;

/** The body as bytes (a string as UTF-8; bytes over a SharedArrayBuffer copied, as Web Crypto takes none). */
export const bodyBytes = (body: string | Uint8Array | ArrayBuffer): Bytes =>
  typeof body === 'string'
    ? encoder.encode(body)
    : body instanceof Uint8Array
      ? body.buffer instanceof ArrayBuffer ? (body as Bytes) : body.slice()
      : new Uint8Array(body);

const concat = (head: Bytes, tail: Bytes): Bytes => {
  const bytes = new Uint8Array(head.length + tail.length);
  bytes.set(head);
  bytes.set(tail, head.length);
  return bytes;
};

/** The URL as given, with the default port added (when it has none) and with its port removed. */
export function urlVariants(url: string): string[] {
  const match = /^([a-z][a-z0-9+.-]*:)(\/\/[^/?#]*)(.*)$/is.exec(url);
  if (!match) return [url];
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const port = /:(\d*)$/.exec(authority);
  const bare = port ? authority.slice(0, port.index) : authority;
  const defaultPort = scheme.toLowerCase() === 'https:' ? ':443' : scheme.toLowerCase() === 'http:' ? ':80' : '';
  const variants = new Set([url, scheme + bare + rest]);
  if (!port && defaultPort) variants.add(scheme + bare + defaultPort + rest);
  return [...variants];
}

/** Scheme B's signed text after the URL: every form parameter, sorted by name (stable), as name + value. */
export function sortedParameters(form: string): string {
  const entries = [...new URLSearchParams(form)];
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let text = '';
  for (const [name, value] of entries) text += name + value;
  return text;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

// Lengths are public (a SHA-256 is 64 hex digits); the characters are compared in equal time.
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function decodeSignature(signature: string): { scheme: 'A' | 'B'; bytes: Bytes } | undefined {
  if (HEX_SIGNATURE.test(signature)) {
    return { scheme: 'A', bytes: Uint8Array.from(signature.match(/../g)!, (pair) => parseInt(pair, 16)) };
  }
  if (BASE64_SIGNATURE.test(signature)) return { scheme: 'B', bytes: Uint8Array.from(atob(signature), (c) => c.charCodeAt(0)) };
  return undefined;
}

function checkInput(input: WebhookSignatureInput, caller: string): void {
  if (typeof input?.signingKey !== 'string' || input.signingKey === '') {
    throw new TypeError(
      `${caller} needs \`signingKey\`: the project's Signing Key (SignalWire Dashboard > API Credentials), as a non-empty string.`,
    );
  }
  if (typeof input.url !== 'string' || input.url === '') {
    throw new TypeError(`${caller} needs \`url\`: the full public URL SignalWire called (scheme, host, path and query).`);
  }
  const { body } = input;
  if (typeof body !== 'string' && !(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) {
    throw new TypeError(
      `${caller} needs \`body\` as the raw body exactly as received (a string or bytes), not ${body === null ? 'null' : typeof body}: ` +
        'a parsed body cannot be checked. With Express, use express.raw({ type: () => true }) on the route, or keep the raw bytes in a `verify` hook.',
    );
  }
}

/**
 * Whether SignalWire signed this webhook with the project's Signing Key (either scheme, see above).
 * A missing or malformed signature is `false`; a missing key, URL or raw body is a TypeError.
 */
export async function verifyWebhookSignature(input: WebhookSignatureInput): Promise<boolean> {
  checkInput(input, 'verifyWebhookSignature()');
  const { signature, url, body } = input;
  const decoded = typeof signature === 'string' ? decodeSignature(signature.trim()) : undefined;
  if (!decoded) return false;
  const key = await hmacKey(input.signingKey);
  const bytes = bodyBytes(body);
  let signedTail = bytes;
  if (decoded.scheme === 'B') {
    const bodyHash = /[?&]bodySHA256=([^&#]*)/.exec(url)?.[1];
    if (bodyHash !== undefined) {
      if (!sameText(hex(await crypto.subtle.digest('SHA-256', bytes)), bodyHash.toLowerCase())) return false;
      signedTail = new Uint8Array(0);
    } else {
      signedTail = encoder.encode(sortedParameters(new TextDecoder().decode(bytes)));
    }
  }
  for (const variant of urlVariants(url)) {
    if (await crypto.subtle.verify('HMAC', key, decoded.bytes, concat(encoder.encode(variant), signedTail))) return true;
  }
  return false;
}

/** The scheme-A signature (hex) or scheme-B signature (base64) SignalWire would send: for tests of handlers. */
export async function signWebhook(input: Omit<WebhookSignatureInput, 'signature'>, scheme: 'A' | 'B'): Promise<string> {
  checkInput({ ...input, signature: undefined }, 'signWebhook()');
  const bytes = bodyBytes(input.body);
  const tail = scheme === 'A' ? bytes : encoder.encode(sortedParameters(new TextDecoder().decode(bytes)));
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(input.signingKey), concat(encoder.encode(input.url), tail)));
  return scheme === 'A' ? hex(mac.buffer) : btoa(String.fromCharCode(...mac));
}
