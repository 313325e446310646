// The default send function on Node: fetch-shaped, built on node:http/node:https with keep-alive
// agents. Global fetch on Node (undici's WHATWG layer) costs several times more per call than
// node:http on the same socket (see bench/). It does only what transport.ts asks of fetch:
//   - method, headers, a string/ArrayBuffer/Uint8Array body, and an AbortSignal that rejects
//     while waiting for the headers or while the body is read;
//   - never follows a redirect (a 3xx is answered as it is, as with redirect: 'manual');
//   - asks for and decodes gzip, deflate and br as fetch does (unless the caller set Accept-Encoding);
//   - never writes a request to a kept-alive socket the server has closed, and sends again on a new
//     connection a request whose reused socket failed before any byte of it was written;
//   - a failure rejects with TypeError('fetch failed') whose cause is the Node error (its `code`,
//     e.g. ECONNREFUSED, is what retry-policy.ts looks for), as undici's fetch does; so does a
//     101 answer nobody asked for;
//   - answers with status, statusText, ok, headers, url and the body through readBodyUpTo
//     (body-limit.ts: the transport's size limit), arrayBuffer(), text() or json().
// Only ./send.ts imports it, and the browser build replaces that with ./send.browser.ts, so node:http
// never reaches a browser bundle.
import http from 'node:http';
import https from 'node:https';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { BodyTooLargeError, joinChunks, readBodyUpTo } from './body-limit.js';

// 4 s idle timeout, as undici's fetch: below the 5 s keep-alive of most servers, so an idle socket
// is closed by us rather than reset under a new request. Idle sockets do not keep the process alive.
const agents: Record<string, http.Agent> = {
  'http:': new http.Agent({ keepAlive: true, timeout: 4_000 }),
  'https:': new https.Agent({ keepAlive: true, timeout: 4_000 }),
};

const ACCEPT_ENCODING = 'gzip, deflate, br';
// Lenient flushing, as undici: a body whose compressed stream ends early still decodes what came.
const LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI_LENIENT = { flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH };
const gunzip = () => zlib.createGunzip(LENIENT);
const DECODERS: Record<string, () => Transform> = {
  gzip: gunzip,
  'x-gzip': gunzip,
  deflate: () => zlib.createInflate(LENIENT),
  br: () => zlib.createBrotliDecompress(BROTLI_LENIENT),
};

/** The decoders for a Content-Encoding, last applied first; none when it is absent or unknown (the bytes pass as they are, as with fetch). */
function decodersFor(contentEncoding: string | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding.toLowerCase().split(',').map((coding) => coding.trim()).filter((coding) => coding && coding !== 'identity');
  if (!codings.every((coding) => coding in DECODERS)) return [];
  return codings.reverse().map((coding) => DECODERS[coding]!());
}

/** A body being received: its bytes so far, where it ends, and its one reader. */
class IncomingBody {
  #chunks: Buffer[] = [];
  #length = 0;
  #limit = Infinity;
  #taken = false;
  #reader: { resolve(bytes: Uint8Array): void; reject(error: unknown): void } | undefined;
  #outcome: { bytes: Uint8Array } | { error: unknown } | undefined;

  /** `drop` tears the connection down: called when the body fails or passes its limit. */
  constructor(private readonly drop: () => void) {}

  add(chunk: Buffer): void {
    if (this.#outcome) return;
    this.#length += chunk.length;
    this.#chunks.push(chunk);
    if (this.#length > this.#limit) this.fail(new BodyTooLargeError(this.#limit));
  }
  end(): void {
    if (!this.#outcome) this.#settle({ bytes: joinChunks(this.#chunks, this.#length) });
  }
  fail(error: unknown): void {
    if (this.#outcome) return;
    this.#settle({ error });
    this.drop();
  }
  /** The whole body, once; BodyTooLargeError as soon as more than `limit` bytes have come. */
  read(limit = Infinity): Promise<Uint8Array> {
    if (this.#taken) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.#taken = true;
    this.#limit = limit;
    if (this.#length > limit) this.fail(new BodyTooLargeError(limit));
    return new Promise((resolve, reject) => {
      this.#reader = { resolve, reject };
      if (this.#outcome) this.#deliver();
    });
  }
  #settle(outcome: { bytes: Uint8Array } | { error: unknown }): void {
    this.#chunks = []; // let go at once: a kept-alive socket must not keep the bytes alive
    this.#outcome = outcome;
    if (this.#reader) this.#deliver();
  }
  #deliver(): void {
    const outcome = this.#outcome!;
    const reader = this.#reader!;
    this.#outcome = { error: undefined }; // delivered: nothing more is kept
    this.#reader = undefined;
    if ('bytes' in outcome) reader.resolve(outcome.bytes);
    else reader.reject(outcome.error);
  }
}

/** The part of Response the transport reads. */
class NodeAnswer {
  readonly ok: boolean;
  readonly redirected = false;
  #body: IncomingBody;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    body: IncomingBody,
  ) {
    this.ok = status >= 200 && status < 300;
    this.#body = body;
  }
  [readBodyUpTo](limit: number): Promise<Uint8Array> {
    return this.#body.read(limit);
  }
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return (await this.#body.read()) as Uint8Array<ArrayBuffer>;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

type Body = string | ArrayBuffer | ArrayBufferView | null | undefined;

function bodyBytes(body: Body): Uint8Array | string | undefined {
  if (body == null || typeof body === 'string') return body ?? undefined;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('signalwire-rest: the Node transport sends string and byte bodies only');
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers) for (const [name, value] of headers instanceof Headers ? headers : new Headers(headers)) record[name] = value;
  record['accept-encoding'] ??= ACCEPT_ENCODING; // Headers iterate lower-case names
  return record;
}

const failed = (cause: unknown) => new TypeError('fetch failed', { cause });

export function nodeSend(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input);
  if (init.signal?.aborted) return Promise.reject(init.signal.reason);
  const agent = agents[url.protocol];
  if (!agent) return Promise.reject(failed(new Error(`unsupported ${url.protocol}`)));
  const options = { method: init.method ?? 'GET', headers: headerRecord(init.headers), agent };
  const requestBody = bodyBytes(init.body as Body);
  const module = url.protocol === 'https:' ? https : http;
  let signal = init.signal ?? undefined;

  return new Promise((resolve, reject) => {
    // Where a failure goes: the answer until its headers came, then its body; nowhere once the body
    // is complete. Cleared then, with the signal: Node keeps the last response and its listeners on
    // a keep-alive socket, and they must not keep whatever the caller hung on its signal alive.
    let fail: ((error: unknown) => void) | undefined = reject;
    let current: http.ClientRequest | undefined; // the request on the wire; undefined once settled
    const finish = () => {
      fail = undefined;
      current = undefined;
      signal?.removeEventListener('abort', onAbort);
      signal = undefined;
    };
    const onAbort = () => {
      const request = current;
      fail?.(signal?.reason);
      finish();
      request?.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const send = () => {
      const request = module.request(url, options);
      current = request;
      let written = false;
      const write = () => {
        written = true;
        request.end(requestBody);
      };
      // A kept-alive socket may have been closed by the server right after its last answer, its FIN
      // not yet read when this request took the socket: libuv stops reading at a short read, so the
      // FIN shows only at the next poll. Waiting past it (two check phases) lets a closed socket say
      // so: only a socket still open gets the request, and a closed one means sending again on another.
      const sendAgain = () => {
        if (current !== request) return;
        request.destroy();
        send();
      };
      request.on('socket', (socket) => {
        if (!request.reusedSocket) return write();
        setImmediate(() =>
          setImmediate(() => {
            if (current !== request) return;
            if (socket.destroyed || socket.readableEnded || !socket.writable) sendAgain();
            else write();
          }),
        );
      });
      request.on('error', (error) => {
        if (current !== request) return;
        // Nothing of this request left the process: safe to send on a new connection, even a POST.
        if (!written && request.reusedSocket) return sendAgain();
        fail?.(failed(error));
        finish();
      });
      // A 101 nobody asked for: the socket now speaks another protocol, so no answer will come.
      request.on('upgrade', (_response, socket) => {
        socket.destroy();
        fail?.(failed(new Error('the server switched protocols (101) although no upgrade was asked for')));
        finish();
      });
      request.on('response', (response) => {
        const decoders = decodersFor(response.headers['content-encoding']);
        const body = new IncomingBody(() => {
          finish();
          request.destroy();
          for (const decoder of decoders) decoder.destroy(); // no more inflating
        });
        fail = (error) => body.fail(error);
        let source: Readable = response;
        for (const decoder of decoders) source = source.pipe(decoder);
        source.on('data', (chunk: Buffer) => body.add(chunk));
        source.on('end', () => {
          body.end();
          finish();
        });
        // A connection lost mid-body ('error', or a 'close' before the body was complete), or a
        // compressed body that does not decode.
        const cutOff = (cause: unknown) => {
          fail?.(new TypeError('terminated', { cause }));
          finish();
        };
        response.on('error', cutOff);
        for (const decoder of decoders) decoder.on('error', cutOff);
        response.on('close', () => {
          if (!response.complete) cutOff(new Error('other side closed'));
        });

        const headers = new Headers();
        const raw = response.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
        resolve(new NodeAnswer(url.href, response.statusCode!, response.statusMessage ?? '', headers, body) as unknown as Response);
      });
    };
    send();
  });
}
