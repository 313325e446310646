// The default send function on Node: fetch-shaped, built on node:http/node:https with keep-alive
// agents. Global fetch on Node (undici's WHATWG layer) costs several times more per call than
// node:http on the same socket (see bench/). It does only what transport.ts asks of fetch:
//   - method, headers, a string/ArrayBuffer/Uint8Array body, and an AbortSignal that rejects
//     while waiting for the headers or while the body is read;
//   - never follows a redirect (a 3xx is answered as it is, as with redirect: 'manual');
//   - a failure rejects with TypeError('fetch failed') whose cause is the Node error (its `code`,
//     e.g. ECONNREFUSED, is what retry-policy.ts looks for), as undici's fetch does;
//   - answers with status, statusText, ok, headers, url and the body through arrayBuffer(), text()
//     or json(): the transport reads it once and builds the Response that openapi-fetch sees.
// Only ./send.ts imports it, and the browser build replaces that with ./send.browser.ts, so node:http
// never reaches a browser bundle.
import http from 'node:http';
import https from 'node:https';

// 4 s idle timeout, as undici's fetch: below the 5 s keep-alive of most servers, so an idle socket
// is closed by us rather than reset under a new request. Idle sockets do not keep the process alive.
const agents: Record<string, http.Agent> = {
  'http:': new http.Agent({ keepAlive: true, timeout: 4_000 }),
  'https:': new https.Agent({ keepAlive: true, timeout: 4_000 }),
};

/** The part of Response the transport reads. */
class NodeAnswer {
  readonly ok: boolean;
  readonly redirected = false;
  #body: Promise<Uint8Array> | undefined;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    body: Promise<Uint8Array>,
  ) {
    this.ok = status >= 200 && status < 300;
    this.#body = body;
  }
  get bodyUsed(): boolean {
    return this.#body === undefined;
  }
  /** The body, once (as fetch's); let go of here, so that this answer does not keep it alive. */
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const body = this.#body;
    if (!body) throw new TypeError('Body is unusable: Body has already been read');
    this.#body = undefined;
    return (await body) as Uint8Array<ArrayBuffer>;
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
  return record;
}

export function nodeSend(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input);
  if (init.signal?.aborted) return Promise.reject(init.signal.reason);
  const agent = agents[url.protocol];
  if (!agent) return Promise.reject(new TypeError('fetch failed', { cause: new Error(`unsupported ${url.protocol}`) }));
  const options = { method: init.method ?? 'GET', headers: headerRecord(init.headers), agent };
  const requestBody = bodyBytes(init.body as Body);
  const module = url.protocol === 'https:' ? https : http;
  let signal = init.signal ?? undefined;

  return new Promise((resolve, reject) => {
    const request = module.request(url, options);
    // Where a failure goes: the answer until its headers came, then its body; nowhere once the body
    // is complete. Cleared then, with the signal and the chunks: Node keeps the last response and
    // its listeners on a keep-alive socket, and they must not keep the body's bytes (nor whatever
    // the caller hung on its signal) alive.
    let fail: ((error: unknown) => void) | undefined = reject;
    const finish = () => {
      fail = undefined;
      signal?.removeEventListener('abort', onAbort);
      signal = undefined;
    };
    const onAbort = () => {
      fail?.(signal?.reason);
      finish();
      request.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => {
      fail?.(new TypeError('fetch failed', { cause: error }));
      finish();
    });

    request.on('response', (response) => {
      let chunks: Buffer[] = [];
      let length = 0;
      let complete: ((bytes: Uint8Array) => void) | undefined;
      const body = new Promise<Uint8Array>((resolveBody, rejectBody) => {
        complete = resolveBody;
        fail = rejectBody;
      });
      body.catch(() => {}); // a body nobody reads (a 204) must not be an unhandled rejection
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
      });
      response.on('end', () => {
        // A fresh buffer of its own: Buffer.concat may return a slice of Node's shared pool.
        const bytes = new Uint8Array(length);
        let offset = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, offset);
          offset += chunk.length;
        }
        chunks = [];
        complete?.(bytes);
        complete = undefined;
        finish();
      });
      // A connection lost mid-body: 'error', or a 'close' before the body was complete.
      const cutOff = (cause: unknown) => {
        fail?.(new TypeError('terminated', { cause }));
        finish();
      };
      response.on('error', cutOff);
      response.on('close', () => {
        if (!response.complete) cutOff(new Error('other side closed'));
      });

      const headers = new Headers();
      const raw = response.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
      resolve(
        new NodeAnswer(url.href, response.statusCode!, response.statusMessage ?? '', headers, body) as unknown as Response,
      );
    });
    request.end(requestBody);
  });
}
