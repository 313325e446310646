// readWebhook(): a request SignalWire sent, verified and parsed into its typed payload, from a fetch
// `Request` (Workers, Deno, Bun, Next.js, Hono) or Node's IncomingMessage (node:http, Express,
// Fastify's `request.raw`). It imports nothing from Node, so the one build runs everywhere.
// Order: size (413), signature (401), media type and body (400): nothing of an unsigned body is parsed.
import { webhookTable, type WebhookTypes } from '../../generated/webhooks.js';
import { joinChunks, readBody } from '../body-limit.js';
import { WebhookError } from './error.js';
import { checkSigningKey, textOf, verifyWebhookSignature } from './signature.js';

/**
 * What readWebhook() uses of Node's IncomingMessage (node:http, Express, Fastify's `request.raw`),
 * declared here so that the package's types need no @types/node (a Worker project has none).
 */
export interface IncomingMessage {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly url?: string | undefined;
  readonly socket?: unknown;
  readonly readableEnded: boolean;
  on(event: string, listener: (...args: any[]) => void): this;
  off(event: string, listener: (...args: any[]) => void): this;
  resume(): this;
}

/** The name of a webhook SignalWire sends, as its description names it (e.g. `'smsStatusCallback'`). */
export type WebhookName = keyof WebhookTypes;
/** A number or boolean field as a form body carries it: text (as JSON, the same webhook carries the value). */
type FormValue<Value> = Value extends number | boolean ? Value | string : Value;
/** A payload sent as form fields, whose numbers and booleans arrive as text. */
export type FormFields<Payload> = { [Field in keyof Payload]: FormValue<Payload[Field]> };

/**
 * The typed payload of a webhook (form-encoded ones with their numbers as text). Not validated beyond
 * its signature: SignalWire adds fields over time, and a handler must not break when it does.
 */
export type WebhookPayload<Name extends WebhookName> = (typeof webhookTable)[Name][0] extends 'application/x-www-form-urlencoded'
  ? FormFields<WebhookTypes[Name]['payload']>
  : WebhookTypes[Name]['payload'];
/** The answer a webhook declares (a SWAIG tool call's result, a SWML document), `undefined` when none. */
export type DeclaredAnswer<Name extends WebhookName> = WebhookTypes[Name]['answer'];

export interface ReadWebhookOptions<Name extends WebhookName> {
  /** The project's Signing Key (Dashboard > API Credentials). */
  signingKey: string;
  /** Which webhook this route receives: decides the media types accepted and the payload's type. */
  webhook: Name;
  /**
   * The public URL SignalWire called, as configured in SignalWire (behind a proxy or ngrok, the URL the
   * request shows differs). Default: built from the request (a `Request`'s url; Node: Host + path).
   */
  url?: string | undefined;
  /** Build the URL from `X-Forwarded-Proto` and `X-Forwarded-Host` (only behind a proxy that sets them). Default false. */
  trustForwardedHeaders?: boolean | undefined;
  /** The largest body read, in bytes (default 1 MiB); past it, a 413 WebhookError. */
  maxBodyBytes?: number | undefined;
  /** Node: the raw body a body parser kept (a `verify` hook's buffer), when `req.body` is not it. */
  rawBody?: string | Uint8Array | undefined;
}

const DEFAULT_MAX_BODY_BYTES = 2 ** 20; // 1 MiB
const tooLarge = (limit: number) =>
  new WebhookError('too-large', `The body is larger than maxBodyBytes (${limit} bytes).`);

type HeaderReader = (name: string) => string | undefined;

const isFetchRequest = (request: Request | IncomingMessage): request is Request =>
  typeof (request.headers as Headers).get === 'function';

function nodeHeader(request: IncomingMessage): HeaderReader {
  return (name) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

/** A header's first value of a comma-separated list (X-Forwarded-*: the proxy nearest the client is first). */
const firstOf = (value: string | undefined) => value?.split(',')[0]!.trim() || undefined;

function requestUrl(request: Request | IncomingMessage, header: HeaderReader, trustForwarded: boolean): string {
  const proto = trustForwarded ? firstOf(header('x-forwarded-proto')) : undefined;
  const host = trustForwarded ? firstOf(header('x-forwarded-host')) : undefined;
  if (isFetchRequest(request)) {
    const [, scheme, authority, rest] = /^([^:]+):\/\/([^/?#]*)(.*)$/s.exec(request.url) ?? [, 'http', '', request.url];
    return `${proto ?? scheme}://${host ?? authority}${rest}`;
  }
  // Express rewrites req.url inside a mounted router; originalUrl is the path SignalWire called.
  const path = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const encrypted = (request.socket as { encrypted?: boolean } | undefined)?.encrypted === true; // a TLSSocket
  return `${proto ?? (encrypted ? 'https' : 'http')}://${host ?? header('host') ?? ''}${path}`;
}

function checkLength(header: HeaderReader, limit: number): void {
  const declared = Number(header('content-length'));
  if (declared > limit) throw tooLarge(limit);
}

/** Node: the raw body kept by a parser (express.raw(), express.text(), a verify hook), else read from the stream. */
function nodeBody(request: IncomingMessage, limit: number, rawBody: string | Uint8Array | undefined): Promise<string | Uint8Array> {
  const kept = rawBody ?? (request as { rawBody?: unknown }).rawBody;
  const parsed = (request as { body?: unknown }).body;
  const body = kept ?? parsed;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    // A string's length counts UTF-16 units, never more than its UTF-8 bytes: a kept string is refused
    // only when surely too large (its parser read it within its own limit).
    if (body.length > limit) return Promise.reject(tooLarge(limit));
    return Promise.resolve(body);
  }
  if (body !== undefined || request.readableEnded) {
    throw new TypeError(
      `readWebhook() needs the raw body, and a body parser has already read it${body !== undefined ? ' into an object' : ''}: ` +
        'use express.raw() on the route (or no parser), or pass `rawBody`.',
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    const finish = (error?: WebhookError) => {
      request.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onFail);
      if (!error) return resolve(joinChunks(chunks, length));
      chunks.length = 0;
      request.resume(); // the rest is read and dropped: memory stays at the limit, the socket can answer
      reject(error);
    };
    const onData = (chunk: Uint8Array) => {
      length += chunk.length;
      if (length > limit) finish(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onFail = () => finish(new WebhookError('malformed-body', 'The request ended before its body did.'));
    request.on('data', onData).on('end', onEnd).on('error', onFail).on('close', onFail);
  });
}

function parseBody(text: string, contentType: string): Record<string, unknown> {
  if (contentType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WebhookError('malformed-body', 'The body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WebhookError('malformed-body', 'The body is JSON but not an object.');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Verifies a webhook SignalWire sent and returns its typed payload. Refusals are a WebhookError whose
 * `status` is the answer to give: 401 (missing or wrong signature), 400 (media type or body), 413 (too
 * large). A missing key or an unknown webhook name is a TypeError: a mistake in the code, not the request.
 */
export async function readWebhook<Name extends WebhookName>(
  request: Request | IncomingMessage,
  options: ReadWebhookOptions<Name>,
): Promise<WebhookPayload<Name>> {
  const accepted: readonly string[] | undefined = Object.hasOwn(webhookTable, options?.webhook) ? webhookTable[options.webhook] : undefined;
  if (!accepted) {
    throw new TypeError("readWebhook() needs `webhook`: the name of a webhook SignalWire sends, as 'smsStatusCallback'.");
  }
  checkSigningKey(options.signingKey, 'readWebhook()'); // before the request: a refusal must not hide a missing key
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const fetchRequest = isFetchRequest(request);
  const header: HeaderReader = fetchRequest ? (name) => request.headers.get(name) ?? undefined : nodeHeader(request);
  checkLength(header, limit);
  const body = fetchRequest
    ? await readBody(request.body, limit, () => tooLarge(limit))
    : await nodeBody(request, limit, options.rawBody);

  const signatures = [header('x-signalwire-signature'), header('x-twilio-signature')].filter((value) => !!value);
  if (signatures.length === 0) {
    throw new WebhookError('missing-signature', 'No X-SignalWire-Signature header: not signed by SignalWire.');
  }
  const url = options.url ?? requestUrl(request, header, options.trustForwardedHeaders === true);
  let verified = false;
  for (const signature of signatures) {
    if (!verified) verified = await verifyWebhookSignature({ signingKey: options.signingKey, signature, url, body });
  }
  if (!verified) {
    throw new WebhookError(
      'bad-signature',
      `The signature does not match ${JSON.stringify(url.slice(0, 300))} and the body with this key. ` +
        'Behind a proxy or ngrok, pass `url`: the public URL set in SignalWire.',
    );
  }

  const contentType = header('content-type')?.split(';')[0]!.trim().toLowerCase() ?? '';
  if (!accepted.includes(contentType)) {
    throw new WebhookError(
      'wrong-content-type',
      `${options.webhook} comes as ${accepted.join(' or ')}, ${contentType ? `not ${JSON.stringify(contentType.slice(0, 100))}` : 'and this request has no Content-Type'}.`,
    );
  }
  return parseBody(textOf(body), contentType) as WebhookPayload<Name>;
}
