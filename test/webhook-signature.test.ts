// Issue 21: verifyWebhookSignature() against implementations nobody here wrote, over many random
// inputs. Scheme B (Compatibility, form bodies): every verdict, valid or not, must equal that of
// @signalwire/compatibility-api's RestClient.validateRequest (and validateRequestWithBody for JSON
// bodies signed through `bodySHA256`). Scheme A (JSON bodies): node:crypto's HMAC computed here.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import { urlVariants } from '../src/webhooks/signature.js';
import { RestClient, viaNodeCrypto, viaWebCrypto } from './support/signature-modules.js';
import { expectNoSecret } from './support/secrets.js';

const SEED = 0x5167_7721;
const CASES = 400;

/** A small seeded generator (mulberry32): the same inputs on every run, any failure reproducible. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, int: (max: number) => Math.floor(next() * max) };
}

// Names that sort differently by case, unicode, the characters form encoding escapes, and Twilio's own.
const NAMES = ['CallSid', 'callsid', 'Body', 'body', 'B', 'a', 'A', 'To', 'From', 'Ünïcode', '日本', 'emoji😀', 'a b', 'x&y', 'k=v', 'MediaUrl0'];
const VALUES = ['', ' ', 'hello', 'Hello, World!', '+15551234567', 'ça va? 😀', '100%', 'a+b=c&d', '\u00e9', '日本語', '\n', 'x'.repeat(300)];
const HOSTS = ['example.com', 'hooks.example.org', 'abc.ngrok.io', '127.0.0.1', '[::1]'];
const PORTS = ['', ':443', ':80', ':8443', ':3000'];
const PATHS = ['/', '/webhook', '/sms/status', '/a/b%20c', '/voice?x=1', '/voice?x=1&y=%C3%A9', '/cb?'];
const KEYS = ['PSK_signing_key_0123456789abcdef', 'k', 'ключ-🔑', 'a'.repeat(100)];

interface FormCase {
  key: string;
  url: string;
  pairs: [string, string][];
}

function formCase(rng: ReturnType<typeof random>): FormCase {
  const pairs: [string, string][] = [];
  const count = rng.int(8);
  for (let i = 0; i < count; i++) pairs.push([rng.pick(NAMES), rng.pick(VALUES)]);
  if (pairs.length > 0 && rng.next() < 0.3) pairs.push([pairs[0]![0], rng.pick(VALUES)]); // a repeated name
  const url = `${rng.pick(['https', 'http'])}://${rng.pick(HOSTS)}${rng.pick(PORTS)}${rng.pick(PATHS)}`;
  return { key: rng.pick(KEYS), url, pairs };
}

const formOf = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
/** The parameters as the Twilio-style SDK takes them: a repeated name as an array, in order. */
function paramsOf(pairs: [string, string][]): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const held = params[name];
    params[name] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return params;
}

/** A change to a signed case that may or may not keep the signature valid. */
function mutate(rng: ReturnType<typeof random>, original: FormCase): FormCase {
  const changed = { ...original, pairs: original.pairs.map((pair) => [...pair] as [string, string]) };
  switch (rng.int(7)) {
    case 0: // another value
      if (changed.pairs.length > 0) changed.pairs[rng.int(changed.pairs.length)]![1] = rng.pick(VALUES);
      break;
    case 1: // a name's case
      if (changed.pairs.length > 0) {
        const pair = changed.pairs[rng.int(changed.pairs.length)]!;
        pair[0] = pair[0] === pair[0].toLowerCase() ? pair[0].toUpperCase() : pair[0].toLowerCase();
      }
      break;
    case 2: // the pairs in another order (only repeated names' order matters)
      changed.pairs.reverse();
      break;
    case 3: // a default port added, or the port removed
      changed.url = rng.pick(urlVariants(changed.url));
      break;
    case 4: // another port
      changed.url = changed.url.replace(/^(https?:\/\/[^/]*?)(:\d+)?(\/)/, `$1${rng.pick(PORTS)}$3`);
      break;
    case 5: // another key
      changed.key = rng.pick(KEYS);
      break;
    default: // one parameter more
      changed.pairs.push([rng.pick(NAMES), rng.pick(VALUES)]);
  }
  return changed;
}

describe.each([
  ['node:crypto', viaNodeCrypto],
  ['Web Crypto', viaWebCrypto],
])('with %s', (_, { signWebhook, verifyWebhookSignature }) => {
  describe('scheme B (Compatibility form webhooks) against @signalwire/compatibility-api', () => {
    test(`${CASES} random cases and a mutation of each: every verdict equals validateRequest's (seed ${SEED})`, async () => {
      const rng = random(SEED);
      let accepted = 0;
      let refused = 0;
      for (let i = 0; i < CASES; i++) {
        const original = formCase(rng);
        const signature = await signWebhook({ signingKey: original.key, url: original.url, body: formOf(original.pairs) }, 'B');
        expect(RestClient.validateRequest(original.key, signature, original.url, paramsOf(original.pairs), true)).toBe(true);
        for (const candidate of [original, mutate(rng, original)]) {
          const body = formOf(candidate.pairs);
          const theirs = RestClient.validateRequest(candidate.key, signature, candidate.url, paramsOf(candidate.pairs), true);
          const ours = await verifyWebhookSignature({ signingKey: candidate.key, signature, url: candidate.url, body });
          const bytes = await verifyWebhookSignature({ signingKey: candidate.key, signature, url: candidate.url, body: new TextEncoder().encode(body) });
          expect({ case: i, candidate, ours, bytes }).toEqual({ case: i, candidate, ours: theirs, bytes: theirs });
          if (theirs) accepted++;
          else refused++;
        }
      }
      // Both verdicts occur often: the comparison is not one-sided.
      expect(accepted).toBeGreaterThan(CASES);
      expect(refused).toBeGreaterThan(CASES / 4);
    });

    test('a JSON body on the Compatibility surface: url + "" signed, the body through bodySHA256, as validateRequestWithBody', async () => {
      const rng = random(SEED + 1);
      const verdicts = new Set<boolean>();
      for (let i = 0; i < 100; i++) {
        const key = rng.pick(KEYS);
        const body = JSON.stringify({ CallSid: rng.pick(VALUES), n: rng.int(1000) });
        const hash = createHash('sha256').update(body).digest('hex');
        const url = `https://${rng.pick(HOSTS)}${rng.pick(PORTS)}/cb?a=${rng.int(9)}&bodySHA256=${hash}`;
        const signature = await signWebhook({ signingKey: key, url, body: '' }, 'B');
        const tampered = rng.next() < 0.5 ? `${body} ` : body;
        const variant = rng.pick(urlVariants(url));
        expect(RestClient.validateRequestWithBody(key, signature, url, body)).toBe(true);
        const theirs = RestClient.validateRequestWithBody(key, signature, variant, tampered);
        expect(await verifyWebhookSignature({ signingKey: key, signature, url: variant, body: tampered })).toBe(theirs);
        verdicts.add(theirs);
      }
      expect(verdicts).toEqual(new Set([true, false]));
    });
  });

  describe('scheme A (JSON webhooks) against node:crypto', () => {
    test(`${CASES} random bodies, URLs and keys, as strings and as bytes; any change refused (seed ${SEED + 2})`, async () => {
      const rng = random(SEED + 2);
      for (let i = 0; i < CASES; i++) {
        const key = rng.pick(KEYS);
        const url = `https://${rng.pick(HOSTS)}${rng.pick(PORTS)}${rng.pick(PATHS)}`;
        const body = JSON.stringify(Object.fromEntries(Array.from({ length: rng.int(6) }, () => [rng.pick(NAMES), rng.pick(VALUES)])));
        const signature = createHmac('sha1', key).update(url + body).digest('hex');
        expect(await signWebhook({ signingKey: key, url, body }, 'A')).toBe(signature);
        expect(await verifyWebhookSignature({ signingKey: key, signature, url, body })).toBe(true);
        expect(await verifyWebhookSignature({ signingKey: key, signature: signature.toUpperCase(), url, body: Buffer.from(body) })).toBe(true);
        // Bytes as an ArrayBuffer, and as a view at an offset into a shared buffer (Web Crypto takes no such view).
        const bytes = new TextEncoder().encode(body);
        const shared = new Uint8Array(new SharedArrayBuffer(bytes.length + 3), 3);
        shared.set(bytes);
        expect(await verifyWebhookSignature({ signingKey: key, signature, url, body: bytes.buffer })).toBe(true);
        expect(await verifyWebhookSignature({ signingKey: key, signature, url, body: shared })).toBe(true);
        expect(await verifyWebhookSignature({ signingKey: key, signature, url, body: `${body} ` })).toBe(false);
        expect(await verifyWebhookSignature({ signingKey: `${key}x`, signature, url, body })).toBe(false);
        expect(await verifyWebhookSignature({ signingKey: key, signature, url: `${url}x`, body })).toBe(false);
      }
    });

    test('a URL signed with or without its default port verifies either way', async () => {
      const body = '{"call_id":"c"}';
      const signature = createHmac('sha1', 'key').update(`https://example.com:443/hook${body}`).digest('hex');
      expect(await verifyWebhookSignature({ signingKey: 'key', signature, url: 'https://example.com/hook', body })).toBe(true);
      expect(await verifyWebhookSignature({ signingKey: 'key', signature, url: 'http://example.com/hook', body })).toBe(false);
    });
  });

});

describe('bad input', () => {
  const { verifyWebhookSignature } = viaNodeCrypto;
  const valid = { signingKey: 'the-signing-key-secret', url: 'https://example.com/hook', body: '{}' };

  test.each([undefined, null, '', 'not hex or base64', 'a'.repeat(39), 'a'.repeat(41), `${'A'.repeat(27)}`])(
    'a missing, empty or malformed signature (%j) is false, not an error',
    async (signature) => {
      expect(await verifyWebhookSignature({ ...valid, signature })).toBe(false);
    },
  );

  test.each([
    ['a missing key', { ...valid, signingKey: undefined }, /needs `signingKey`/],
    ['an empty key', { ...valid, signingKey: '' }, /needs `signingKey`/],
    ['a missing url', { ...valid, url: undefined }, /needs `url`/],
    ['a parsed body', { ...valid, body: { CallSid: 'CA1' } }, /raw body as received.*not object.*express\.raw/],
    ['a missing body', { ...valid, body: undefined }, /raw body as received.*not undefined/],
  ])('%s is a TypeError that says what to pass, without the key', async (_, input, message) => {
    const error = await verifyWebhookSignature({ ...(input as typeof valid), signature: 'a'.repeat(40) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expectNoSecret(error, [valid.signingKey]);
  });
});

test('one instance signs with node:crypto, the other with Web Crypto', async () => {
  const signature = createHmac('sha1', 'k').update('https://x/{}').digest('hex');
  const sign = vi.spyOn(crypto.subtle, 'sign');
  try {
    expect(await viaNodeCrypto.verifyWebhookSignature({ signingKey: 'k', signature, url: 'https://x/', body: '{}' })).toBe(true);
    expect(sign).not.toHaveBeenCalled();
    expect(await viaWebCrypto.verifyWebhookSignature({ signingKey: 'k', signature, url: 'https://x/', body: '{}' })).toBe(true);
    expect(sign).toHaveBeenCalled();
  } finally {
    sign.mockRestore();
  }
});
