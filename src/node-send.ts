// The default Sender on Node: node:http/node:https with keep-alive agents, plain objects in and out.
// Global fetch on Node (undici's WHATWG layer) costs several times more per call than node:http on
// the same socket (see bench/). What it does, and what the transport relies on:
//   - never follows a redirect (a 3xx is answered as it is);
//   - asks for and decodes gzip, deflate (zlib-wrapped or raw) and br, as fetch does (unless the caller
//     set Accept-Encoding), and refuses at once a body in more than 5 content codings, as fetch does;
//   - reads the body to the end, and stops at once (dropping the connection) past the size limit,
//     counting decoded bytes, so a compression bomb stops too;
//   - writes to a reused kept-alive socket only once it is known to be open (see `send`), and sends
//     again, on a new connection, a request whose reused socket failed before any byte of the
//     answer when nothing of it was written (or, for an idempotent method, when it was written
//     without that check);
//   - a failure rejects with TypeError('fetch failed') whose cause is the Node error (its `code`,
//     e.g. ECONNREFUSED, is what retry-policy.ts looks for), as undici's fetch does; so does a 101
//     answer nobody asked for; a body cut off mid-way rejects with TypeError('terminated').
// Only ./send.ts imports it, and the browser build replaces that with ./send.browser.ts, so node:http
// never reaches a browser bundle. node:http, node:https and node:zlib are loaded on first use:
// importing them costs more than the rest of the package.
import type http from 'node:http';
import { createRequire } from 'node:module';
import { urlToHttpOptions } from 'node:url';
import type * as Stream from 'node:stream';
import type { Readable, Transform } from 'node:stream';
import type * as Zlib from 'node:zlib';
import { BodyTooLargeError, joinChunks, UnusableAnswerError } from './body-limit.js';
import { type Answer, NULL_BODY_STATUSES, type Outgoing, type Sender } from './exchange.js';
import { isIdempotent } from './retry-policy.js';

const require = createRequire(import.meta.url);

// 4 s idle timeout, as undici's fetch: below the 5 s keep-alive of most servers, so an idle socket
// is closed by us rather than reset under a new request. Idle sockets do not keep the process alive.
const AGENT_OPTIONS = { keepAlive: true, timeout: 4_000 };
interface Transport {
  request(options: http.RequestOptions): http.ClientRequest;
  agent: http.Agent;
}
const transports: Record<string, Transport> = {};

function transportFor(protocol: string): Transport | undefined {
  if (protocol !== 'http:' && protocol !== 'https:') return undefined;
  return (transports[protocol] ??= (() => {
    const module = require(protocol === 'http:' ? 'node:http' : 'node:https') as typeof http;
    return { request: module.request, agent: new module.Agent(AGENT_OPTIONS) };
  })());
}

/** Where an origin's requests go: its transport and connection options. */
interface Origin {
  transport: Transport;
  protocol: string;
  hostname: string;
  port: string | number;
  /** Whether its server has shown that it keeps a socket open after an answer (see `send`). */
  keepsSocketsOpen: boolean;
}

// Parsed once per origin: a client talks to one or two, and parsing each URL costs more than the
// rest of building its request. Bounded, in case a process talks to many.
const origins = new Map<string, Origin | undefined>();

function originOf(origin: string): Origin | undefined {
  if (!origins.has(origin)) {
    if (origins.size >= 100) origins.clear();
    const parsed = new URL(origin);
    const transport = transportFor(parsed.protocol);
    const { protocol, hostname, port } = urlToHttpOptions(parsed);
    origins.set(origin, transport && { transport, protocol: protocol!, hostname: hostname!, port: port ?? '', keepsSocketsOpen: false });
  }
  return origins.get(origin);
}

const ACCEPT_ENCODING = 'gzip, deflate, br';
// As fetch (undici): more codings than this is refused before any is decoded. Each layer is another
// full decompression, and 2,000 gzip layers stalled a call for 30 s.
const MAX_CONTENT_CODINGS = 5;
let decoders: Record<string, () => Transform> | undefined;

function decoderFactories(): Record<string, () => Transform> {
  if (decoders) return decoders;
  const zlib = require('node:zlib') as typeof Zlib;
  const { Transform } = require('node:stream') as typeof Stream;
  // Lenient flushing, as undici: a body whose compressed stream ends early still decodes what came.
  const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const brotliLenient = { flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH };
  const gunzip = () => zlib.createGunzip(lenient);
  /**
   * "deflate" as fetch reads it: zlib-wrapped (RFC 1950, what the name means) or raw (RFC 1951, what
   * some servers send), told apart by the first byte as undici does (a zlib header's low nibble is 8).
   */
  const inflate = () => {
    let inner: Transform | undefined;
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (!inner) {
          if (chunk.length === 0) return done();
          inner = (chunk[0]! & 0x0f) === 0x08 ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient);
          inner.on('data', (data: Buffer) => this.push(data));
          inner.on('error', (error) => this.destroy(error));
        }
        inner.write(chunk, done);
      },
      flush(done) {
        if (!inner) return done();
        inner.once('end', () => done());
        inner.end();
      },
      destroy(error, done) {
        inner?.destroy();
        done(error);
      },
    });
  };
  return (decoders = {
    gzip: gunzip,
    'x-gzip': gunzip,
    deflate: inflate,
    br: () => zlib.createBrotliDecompress(brotliLenient),
  });
}

/** The codings of a Content-Encoding, in the order they were applied (as sent); none when it is absent. */
const codingsOf = (contentEncoding: string | undefined): string[] =>
  contentEncoding ? contentEncoding.toLowerCase().split(',').map((coding) => coding.trim()) : [];

/** The decoders of the codings, last applied first; none when any is unknown (the bytes pass as they are, as with fetch). */
function decodersFor(codings: readonly string[]): Transform[] {
  const applied = codings.filter((coding) => coding && coding !== 'identity');
  if (applied.length === 0) return [];
  const factories = decoderFactories();
  if (!applied.every((coding) => coding in factories)) return [];
  return applied.reverse().map((coding) => factories[coding]!());
}

/** An answer as Node gives it: headers looked up by name, a Headers object only on demand. */
class NodeAnswer implements Answer {
  readonly status: number;
  readonly statusText: string;
  readonly #named: http.IncomingHttpHeaders;
  readonly #raw: string[];

  constructor(readonly url: string, response: http.IncomingMessage, readonly body: Uint8Array | null) {
    this.status = response.statusCode!;
    this.statusText = response.statusMessage ?? '';
    this.#named = response.headers;
    this.#raw = response.rawHeaders;
  }
  header(name: string): string | undefined {
    const value = this.#named[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
  headers(): Headers {
    const headers = new Headers();
    for (let i = 0; i < this.#raw.length; i += 2) headers.append(this.#raw[i]!, this.#raw[i + 1]!);
    return headers;
  }
}

const failed = (cause: unknown) => new TypeError('fetch failed', { cause });

export const nodeSend: Sender = (outgoing: Outgoing, maxResponseBytes: number) => {
  let cancel: (reason: unknown) => void = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    const { url } = outgoing;
    const idempotent = isIdempotent(outgoing.method);
    const slash = url.indexOf('/', url.indexOf('//') + 2); // URLs made by this client always have a path
    const origin = slash === -1 ? undefined : originOf(url.slice(0, slash));
    if (!origin) return reject(failed(new Error(`unsupported ${url.slice(0, url.indexOf(':') + 1)}`)));
    const headers: Record<string, string> = { ...outgoing.headers };
    headers['accept-encoding'] ??= ACCEPT_ENCODING;
    // Spelt out, not spread: `{ ...a, b }` takes V8's slow path (about 1 µs each on Node 20).
    const options: http.RequestOptions = {
      protocol: origin.protocol,
      hostname: origin.hostname,
      port: origin.port,
      agent: origin.transport.agent,
      path: url.slice(slash),
      method: outgoing.method,
      headers,
    };
    // Where a failure goes; nowhere once settled.
    let fail: ((error: unknown) => void) | undefined = reject;
    let current: http.ClientRequest | undefined; // the request on the wire; undefined once settled
    let stop: (() => void) | undefined; // tears down what is being received
    const settle = () => {
      fail = undefined;
      current = undefined;
      stop = undefined;
    };
    cancel = (reason) => {
      const request = current;
      const teardown = stop;
      fail?.(reason);
      settle();
      request?.destroy();
      teardown?.();
    };

    const send = () => {
      const request = origin.transport.request(options);
      current = request;
      let written = false;
      let waited = false;
      let answered = false;
      const write = () => {
        written = true;
        request.end(outgoing.body);
      };
      const sendAgain = () => {
        if (current !== request) return;
        request.destroy();
        send();
      };
      // A kept-alive socket may have been closed by the server right after its last answer, its FIN
      // not yet read when this request took the socket (libuv stops reading at a short read, so the
      // FIN shows only at the next poll). So a request waits past the next poll (two check phases)
      // and is written only to a socket still open. Once a socket of the origin has been found open
      // after that wait, its server is trusted to keep sockets open and later requests are written
      // at once, until a socket fails under one of those: an idempotent one is then sent again.
      request.on('socket', (socket) => {
        if (!request.reusedSocket || origin.keepsSocketsOpen) return write();
        setImmediate(() =>
          setImmediate(() => {
            if (current !== request) return;
            if (socket.destroyed || socket.readableEnded || !socket.writable) return sendAgain();
            waited = true;
            origin.keepsSocketsOpen = true;
            write();
          }),
        );
      });
      request.on('error', (error) => {
        if (current !== request) return;
        if (request.reusedSocket && !answered) {
          // Nothing of it left the process: safe to send on a new connection, even a POST.
          if (!written) return sendAgain();
          if (!waited) {
            origin.keepsSocketsOpen = false;
            if (idempotent) return sendAgain(); // RFC 9112, 9.3.1
          }
        }
        fail?.(failed(error));
        settle();
      });
      // A 101 nobody asked for: the socket now speaks another protocol, so no answer will come.
      request.on('upgrade', (_response, socket) => {
        socket.destroy();
        fail?.(failed(new Error('the server switched protocols (101) although no upgrade was asked for')));
        settle();
      });
      request.on('response', (response) => {
        answered = true;
        const codings = codingsOf(response.headers['content-encoding']);
        if (codings.length > MAX_CONTENT_CODINGS) {
          const problem = `a body in ${codings.length} content codings (at most ${MAX_CONTENT_CODINGS} are decoded, as fetch does)`;
          return cancel(new UnusableAnswerError(problem, new NodeAnswer(url, response, null)));
        }
        const stages = decodersFor(codings);
        stop = () => {
          for (const stage of stages) stage.destroy(); // no more inflating
        };
        const chunks: Buffer[] = [];
        let length = 0;
        let source: Readable = response;
        for (const stage of stages) source = source.pipe(stage);
        source.on('data', (chunk: Buffer) => {
          if (!fail) return;
          length += chunk.length;
          chunks.push(chunk);
          if (length > maxResponseBytes) {
            chunks.length = 0;
            cancel(new BodyTooLargeError(maxResponseBytes, new NodeAnswer(url, response, null)));
          }
        });
        source.on('end', () => {
          if (!fail) return;
          // Read like any other (within the limit and the time), even where the status says no body.
          const body = NULL_BODY_STATUSES.has(response.statusCode!) ? null : joinChunks(chunks, length);
          resolve(new NodeAnswer(url, response, body));
          settle();
        });
        // A connection lost mid-body ('error', or a 'close' before the body was complete), or a
        // compressed body that does not decode.
        const cutOff = (cause: unknown) => {
          if (!fail) return;
          cancel(new TypeError('terminated', { cause }));
        };
        response.on('error', cutOff);
        for (const stage of stages) stage.on('error', cutOff);
        response.on('close', () => {
          if (!response.complete) cutOff(new Error('other side closed'));
        });
      });
    };
    send();
  });
  return { answer, cancel: (reason) => cancel(reason) };
};
