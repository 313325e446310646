// Issue 21: readWebhook() over both adapters: a fetch `Request` and Node's IncomingMessage on a real
// socket. Every refusal is one WebhookError with the status to answer; the signing key shows in no
// message, stack or inspected error.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readWebhook, type ReadWebhookOptions, WebhookError, type WebhookName } from '../src/webhooks.js';
import { signWebhook } from '../src/webhooks/signature.js';
import { expectNoSecret } from './support/secrets.js';

const SIGNING_KEY = 'PSK_webhook_test_key_d41d8cd98f00b204';
const PAYLOAD = { call: { call_id: 'c-1', from: '+15550100', to: '+15550199' }, vars: {} };

type Outcome = { payload: unknown } | { error: { name: string; status?: number; reason?: string; message: string } };

function outcomeOf(result: PromiseSettledResult<unknown>): Outcome {
  if (result.status === 'fulfilled') return { payload: result.value };
  const error = result.reason as Error & { status?: number; reason?: string };
  expectNoSecret(error, [SIGNING_KEY]);
  expect(inspect(error, { showHidden: true, depth: Infinity })).not.toContain(SIGNING_KEY);
  return { error: { name: error.name, status: error.status, reason: error.reason, message: error.message } };
}

interface Delivery {
  /** The URL as signed (default: the URL the request goes to). */
  signedUrl?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Body chunks sent without a content-length (Node) or as a stream (fetch). */
  chunks?: Buffer[];
  sign?: 'A' | 'B' | 'none' | 'forged';
  /** Appended to the URL's query. */
  query?: string;
  options?: Partial<ReadWebhookOptions<WebhookName>>;
  /** Node only: what the server does before readWebhook() (a body parser). */
  prepare?: (request: IncomingMessage & { body?: unknown; rawBody?: unknown }) => Promise<void>;
}

let server: Server;
let base: string;
let pending: Delivery | undefined;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const delivery = pending!;
    await delivery.prepare?.(request);
    const [result] = await Promise.allSettled([
      readWebhook(request, { signingKey: SIGNING_KEY, webhook: 'inboundCallWebhook', ...delivery.options } as ReadWebhookOptions<WebhookName>),
    ]);
    const text = JSON.stringify(outcomeOf(result));
    response.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function headersFor(delivery: Delivery, url: string, body: string | Buffer): Promise<Record<string, string>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...delivery.headers };
  const sign = delivery.sign ?? 'A';
  if (sign !== 'none') {
    const key = sign === 'forged' ? 'a-guessed-key' : SIGNING_KEY;
    // Scheme B through bodySHA256 signs the URL alone.
    const signed = delivery.query?.includes('bodySHA256') ? '' : body;
    headers['x-signalwire-signature'] ??= await signWebhook({ signingKey: key, url: delivery.signedUrl ?? url, body: signed }, sign === 'B' ? 'B' : 'A');
  }
  return headers;
}

const adapters = {
  /** A fetch Request handed to readWebhook() in this process (as a Worker, Deno or Bun hands it). */
  async fetch(delivery: Delivery): Promise<Outcome> {
    const url = `${base}/hook?x=1${delivery.query ?? ''}`;
    const body = delivery.chunks ? Buffer.concat(delivery.chunks) : (delivery.body ?? JSON.stringify(PAYLOAD));
    const headers = await headersFor(delivery, url, body);
    const stream = delivery.chunks
      ? new ReadableStream({ start: (c) => { for (const chunk of delivery.chunks!) c.enqueue(new Uint8Array(chunk)); c.close(); } })
      : body;
    const request = new Request(url, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    const [result] = await Promise.allSettled([
      readWebhook(request, { signingKey: SIGNING_KEY, webhook: 'inboundCallWebhook', ...delivery.options } as ReadWebhookOptions<WebhookName>),
    ]);
    return outcomeOf(result);
  },
  /** A real POST over a socket to a node:http server that hands its IncomingMessage to readWebhook(). */
  async node(delivery: Delivery): Promise<Outcome> {
    const url = `${base}/hook?x=1${delivery.query ?? ''}`;
    const body = delivery.chunks ? Buffer.concat(delivery.chunks) : (delivery.body ?? JSON.stringify(PAYLOAD));
    const headers = await headersFor(delivery, url, body);
    if (!delivery.chunks) headers['content-length'] = String(Buffer.byteLength(body));
    pending = delivery;
    return new Promise((resolve, reject) => {
      const request = httpRequest(url, { method: 'POST', headers }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk)).on('end', () => resolve(JSON.parse(text)));
      });
      request.on('error', reject);
      for (const chunk of delivery.chunks ?? [Buffer.from(body)]) request.write(chunk);
      request.end();
    });
  },
};

const refusal = (status: number, reason: string, message: RegExp) => ({
  error: { name: 'WebhookError', status, reason, message: expect.stringMatching(message) },
});

describe.each(Object.entries(adapters))('readWebhook() with %s', (_, deliver) => {
  test('a signed webhook gives its parsed payload', async () => {
    expect(await deliver({})).toEqual({ payload: PAYLOAD });
  });

  test('the X-Twilio-Signature header is read when X-SignalWire-Signature is absent', async () => {
    const url = `${base}/hook?x=1`;
    const body = JSON.stringify(PAYLOAD);
    const signature = await signWebhook({ signingKey: SIGNING_KEY, url, body }, 'A');
    expect(await deliver({ sign: 'none', headers: { 'x-twilio-signature': signature } })).toEqual({ payload: PAYLOAD });
  });

  test('no signature: 401', async () => {
    expect(await deliver({ sign: 'none' })).toEqual(refusal(401, 'missing-signature', /No X-SignalWire-Signature/));
  });

  test('a signature made with another key: 401', async () => {
    expect(await deliver({ sign: 'forged' })).toEqual(refusal(401, 'bad-signature', /does not match .*pass `url`/));
  });

  test('a body changed after signing: 401', async () => {
    const body = JSON.stringify(PAYLOAD);
    const signature = await signWebhook({ signingKey: SIGNING_KEY, url: `${base}/hook?x=1`, body }, 'A');
    expect(await deliver({ body: body.replace('c-1', 'c-2'), headers: { 'x-signalwire-signature': signature } })).toEqual(
      refusal(401, 'bad-signature', /does not match/),
    );
  });

  test('a public URL (proxy, ngrok): refused as seen, accepted with `url`', async () => {
    const publicUrl = 'https://abc.ngrok.io/hook?x=1';
    expect(await deliver({ signedUrl: publicUrl })).toEqual(refusal(401, 'bad-signature', /ngrok/));
    expect(await deliver({ signedUrl: publicUrl, options: { url: publicUrl } })).toEqual({ payload: PAYLOAD });
  });

  test('X-Forwarded-Proto and -Host are used only when trustForwardedHeaders is set', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'hooks.example.com, proxy.internal' };
    const signedUrl = 'https://hooks.example.com/hook?x=1';
    expect(await deliver({ signedUrl, headers: forwarded })).toEqual(refusal(401, 'bad-signature', /does not match/));
    expect(await deliver({ signedUrl, headers: forwarded, options: { trustForwardedHeaders: true } })).toEqual({ payload: PAYLOAD });
  });

  test('a media type the webhook does not come in: 400, after the signature', async () => {
    const body = new URLSearchParams({ a: 'b' }).toString();
    expect(await deliver({ body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).toEqual(
      refusal(400, 'wrong-content-type', /inboundCallWebhook comes as application\/json, not "application\/x-www-form-urlencoded"/),
    );
    expect(await deliver({ body, sign: 'forged', headers: { 'content-type': 'text/plain' } })).toMatchObject({ error: { status: 401 } });
    expect(await deliver({ headers: { 'content-type': '' } })).toEqual(
      refusal(400, 'wrong-content-type', /inboundCallWebhook comes as application\/json, and this request has no Content-Type\.$/),
    );
  });

  test.each([
    ['not JSON', '{"call":', /not valid JSON/],
    ['a JSON array', '[1,2]', /not an object/],
    ['JSON null', 'null', /not an object/],
  ])('a signed body that is %s: 400', async (_, body, message) => {
    expect(await deliver({ body })).toEqual(refusal(400, 'malformed-body', message));
  });

  test('a body over maxBodyBytes: 413 (declared length, and a stream without one)', async () => {
    expect(await deliver({ options: { maxBodyBytes: 10 } })).toEqual(refusal(413, 'too-large', /larger than maxBodyBytes \(10 bytes\)/));
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(1024, 0x20));
    expect(await deliver({ chunks, options: { maxBodyBytes: 32 * 1024 } })).toEqual(refusal(413, 'too-large', /32768 bytes/));
  });

  test('an unknown webhook name or a missing key is a TypeError (a bug in the code, not a refusal)', async () => {
    expect(await deliver({ options: { webhook: 'nope' as WebhookName } })).toEqual({
      error: expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(/needs `webhook`.*smsStatusCallback/) }),
    });
    expect(await deliver({ options: { signingKey: '' } })).toEqual({
      error: expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(/needs `signingKey`/) }),
    });
    // Even on a request that would be refused: the missing key is reported, not hidden by a 401.
    expect(await deliver({ sign: 'none', options: { signingKey: undefined as never } })).toEqual({
      error: expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(/readWebhook\(\) needs `signingKey`/) }),
    });
  });
});

describe.each(Object.entries(adapters))('a Compatibility callback (form fields, scheme B) with %s', (_, deliver) => {
  const form = { MessageSid: 'SM1', MessageStatus: 'delivered', NumSegments: '2', Body: 'ça va? 😀 a+b&c' };
  const formDelivery = (extra: Partial<Delivery> = {}): Delivery => ({
    sign: 'B',
    body: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    options: { webhook: 'smsStatusCallback' },
    ...extra,
  });

  test('a signed form body gives its fields as text', async () => {
    expect(await deliver(formDelivery())).toEqual({ payload: form });
  });

  test('a forged one: 401', async () => {
    expect(await deliver(formDelivery({ sign: 'forged' }))).toEqual(refusal(401, 'bad-signature', /does not match/));
  });

  test('the same callback as JSON, its body signed through bodySHA256, is accepted too', async () => {
    const body = JSON.stringify(form);
    const query = `&bodySHA256=${createHash('sha256').update(body).digest('hex')}`;
    const json = formDelivery({ body, query, headers: { 'content-type': 'application/json' } });
    expect(await deliver(json)).toEqual({ payload: form });
    expect(await deliver({ ...json, body: body.replace('SM1', 'SM2') })).toEqual(refusal(401, 'bad-signature', /does not match/));
  });
});

describe('readWebhook() with a body a Node parser already read', () => {
  const deliver = adapters.node;
  const readAll = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  test("express.raw()'s Buffer in req.body, express.text()'s string, a verify hook's req.rawBody, or `rawBody`", async () => {
    expect(await deliver({ prepare: async (r) => void (r.body = await readAll(r)) })).toEqual({ payload: PAYLOAD });
    expect(await deliver({ prepare: async (r) => void (r.body = (await readAll(r)).toString()) })).toEqual({ payload: PAYLOAD });
    expect(await deliver({ prepare: async (r) => void Object.assign(r, { rawBody: await readAll(r), body: PAYLOAD }) })).toEqual({ payload: PAYLOAD });
    let kept: Buffer | undefined;
    const withOption = await new Promise<Outcome>((resolve) => {
      const delivery: Delivery = {
        prepare: async (r) => {
          kept = await readAll(r);
          r.body = JSON.parse(kept.toString());
          delivery.options = { rawBody: kept };
        },
      };
      void deliver(delivery).then(resolve);
    });
    expect(withOption).toEqual({ payload: PAYLOAD });
  });

  test('a kept body over maxBodyBytes: 413', async () => {
    expect(await deliver({ prepare: async (r) => void (r.body = await readAll(r)), options: { maxBodyBytes: 5 } })).toEqual(
      refusal(413, 'too-large', /5 bytes/),
    );
  });

  test('a body parsed into an object, with no raw body kept, is a TypeError naming express.raw() and rawBody', async () => {
    expect(await deliver({ prepare: async (r) => void (r.body = JSON.parse((await readAll(r)).toString())) })).toEqual({
      error: expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(/into an object.*express\.raw.*`rawBody`/) }),
    });
    expect(await deliver({ prepare: async (r) => void (await readAll(r)) })).toEqual({
      error: expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(/already read it/) }),
    });
  });
});

test('WebhookError is one class; its status follows its reason', () => {
  const error = new WebhookError('too-large', 'x');
  expect(error).toBeInstanceOf(Error);
  expect([error.name, error.status, error.reason]).toEqual(['WebhookError', 413, 'too-large']);
});
