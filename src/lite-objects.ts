// Lighter Request and Response classes for Node. undici's are JavaScript: each costs 10-25 µs (a web
// stream per body, an AbortSignal per Request), and every call makes one of each: openapi-fetch
// builds a Request (its `Request` option) and the transport a Response around a body it has already
// read. These keep the body as bytes, and make a stream, a signal or a native object only when asked.
// Their prototypes chain to the native ones, so `instanceof Request/Response` holds, and they define
// every member of the native classes, so no native getter is ever called on them. What they cannot
// do: be the input of `new Request(liteRequest, …)`, for which undici reads its own hidden state;
// hence switchableRequest() below.

const NativeRequest = globalThis.Request;
const NativeResponse = globalThis.Response;

type Bytes = Uint8Array<ArrayBuffer>;
const encoder = new TextEncoder();

/** A body already in memory, readable once, as the Body mixin of the native classes. */
class BodyBytes {
  #bytes: Bytes | null;
  #used = false;
  #stream: ReadableStream<Bytes> | undefined;

  constructor(bytes: Bytes | null) {
    this.#bytes = bytes;
  }
  get used(): boolean {
    return this.#used;
  }
  /** A copy for clone(): the original stays unread. */
  copy(): Bytes | null {
    if (this.#used) throw new TypeError('Body has already been consumed.');
    return this.#bytes && this.#bytes.slice();
  }
  take(): Bytes {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }
  stream(): ReadableStream<Bytes> | null {
    if (this.#bytes === null) return null;
    // Made only when asked for; reading it (not making it: highWaterMark 0) uses the body up.
    return (this.#stream ??= new ReadableStream<Bytes>(
      {
        pull: (controller) => {
          controller.enqueue(this.take());
          controller.close();
        },
      },
      { highWaterMark: 0 },
    ));
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.take();
    const { buffer, byteOffset, byteLength } = bytes;
    return byteOffset === 0 && byteLength === buffer.byteLength ? buffer : buffer.slice(byteOffset, byteOffset + byteLength);
  }
  async text(): Promise<string> {
    return new TextDecoder().decode(this.take());
  }
  async blob(headers: Headers): Promise<Blob> {
    return new Blob([this.take()], { type: headers.get('content-type') ?? '' });
  }
  async formData(headers: Headers): Promise<FormData> {
    return new NativeResponse(this.take(), { headers }).formData();
  }
}

/** Bytes for the bodies kept in memory; undefined for streams, forms and blobs (left to the native class). */
function bytesOf(body: BodyInit | null | undefined): Bytes | null | undefined {
  if (body == null) return null;
  if (typeof body === 'string') return encoder.encode(body);
  // Taken as they are, not copied as the native classes do: the transport hands over bytes it no
  // longer writes to, and a copy of a 1 MB page is a 1 MB page more for the collector.
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (body instanceof Uint8Array) return new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  return undefined;
}

// Methods taken as they are; any other (lower case, CONNECT, TRACE) goes to the native constructor,
// which normalizes or rejects it.
const PLAIN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** For openapi-fetch's `Request` option: what it and the transport read, without undici's costs. */
export class LiteRequest implements Request {
  readonly url!: string;
  readonly method!: string;
  readonly headers!: Headers;
  readonly #body!: BodyBytes;
  readonly #init!: RequestInit;
  #native: Request | undefined;

  // openapi-fetch checks a middleware's result with `instanceof` this class: a native Request counts.
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof NativeRequest;
  }

  constructor(input: string | URL, init: RequestInit = {}) {
    const method = init.method ?? 'GET';
    const bytes = bytesOf(init.body);
    const url = typeof input === 'string' || input instanceof URL ? new URL(input) : undefined;
    if (!url || url.username || url.password || !PLAIN_METHODS.has(method) || bytes === undefined ||
      (bytes !== null && (method === 'GET' || method === 'HEAD'))) {
      // Anything unusual gets the native class: it normalizes, or throws as fetch would.
      return new NativeRequest(input, init) as LiteRequest;
    }
    this.url = url.href;
    this.method = method;
    this.headers = new Headers(init.headers);
    if (typeof init.body === 'string' && !this.headers.has('content-type')) {
      this.headers.set('content-type', 'text/plain;charset=UTF-8');
    }
    this.#body = new BodyBytes(bytes);
    this.#init = init;
  }

  /** A body-less native Request, for the members the hot path never reads. */
  #rest(): Request {
    return (this.#native ??= new NativeRequest(this.url, {
      ...this.#init,
      method: this.method,
      headers: this.headers,
      body: null,
    }));
  }
  get cache() { return this.#rest().cache; }
  get credentials() { return this.#rest().credentials; }
  get destination() { return this.#rest().destination; }
  get duplex() { return (this.#rest() as { duplex?: unknown }).duplex; }
  get integrity() { return this.#rest().integrity; }
  get isHistoryNavigation() { return (this.#rest() as { isHistoryNavigation?: unknown }).isHistoryNavigation; }
  get isReloadNavigation() { return (this.#rest() as { isReloadNavigation?: unknown }).isReloadNavigation; }
  get keepalive() { return this.#rest().keepalive; }
  get mode() { return this.#rest().mode; }
  get redirect() { return this.#rest().redirect; }
  get referrer() { return this.#rest().referrer; }
  get referrerPolicy() { return this.#rest().referrerPolicy; }
  get signal() { return this.#rest().signal; }

  get body() { return this.#body.stream(); }
  get bodyUsed() { return this.#body.used; }
  arrayBuffer() { return this.#body.arrayBuffer(); }
  async bytes() { return this.#body.take(); }
  text() { return this.#body.text(); }
  async json() { return JSON.parse(await this.#body.text()); }
  blob() { return this.#body.blob(this.headers); }
  formData() { return this.#body.formData(this.headers); }
  clone(): Request {
    return new LiteRequest(this.url, { ...this.#init, method: this.method, headers: this.headers, body: this.#body.copy() });
  }
}
Object.setPrototypeOf(LiteRequest.prototype, NativeRequest.prototype);

/** For the transport's answers: status, headers and the body bytes it has already read. */
export class LiteResponse implements Response {
  readonly status!: number;
  readonly statusText!: string;
  readonly headers!: Headers;
  readonly ok!: boolean;
  readonly #body!: BodyBytes;

  constructor(body: BodyInit | null = null, init: ResponseInit = {}) {
    const bytes = bytesOf(body);
    const status = init.status ?? 200;
    if (bytes === undefined || !(status >= 200 && status <= 599) || (bytes !== null && [204, 205, 304].includes(status))) {
      return new NativeResponse(body, init) as LiteResponse; // it validates, or throws as it would
    }
    this.status = status;
    this.statusText = init.statusText ?? '';
    this.headers = new Headers(init.headers);
    this.ok = status < 300;
    this.#body = new BodyBytes(bytes);
  }

  get type(): ResponseType { return 'default'; }
  get url() { return ''; }
  get redirected() { return false; }

  get body() { return this.#body.stream(); }
  get bodyUsed() { return this.#body.used; }
  arrayBuffer() { return this.#body.arrayBuffer(); }
  async bytes() { return this.#body.take(); }
  text() { return this.#body.text(); }
  async json() { return JSON.parse(await this.#body.text()); }
  blob() { return this.#body.blob(this.headers); }
  formData() { return this.#body.formData(this.headers); }
  clone(): Response {
    return new LiteResponse(this.#body.copy(), this);
  }
}
Object.setPrototypeOf(LiteResponse.prototype, NativeResponse.prototype);

/**
 * For openapi-fetch's `Request` option: a LiteRequest while `light()` holds, a native Request after.
 * A caller's middleware may rebuild the request (`new Request(request, …)`), which only a native
 * Request supports, so the client switches once the caller adds middleware.
 */
export function switchableRequest(light: () => boolean): typeof Request {
  function SwitchableRequest(input: string | URL, init?: RequestInit): Request {
    return light() ? new LiteRequest(input, init) : new NativeRequest(input, init);
  }
  // openapi-fetch checks a middleware's result with `instanceof` this class: any Request counts.
  Object.defineProperty(SwitchableRequest, Symbol.hasInstance, { value: (value: unknown) => value instanceof NativeRequest });
  return SwitchableRequest as unknown as typeof Request;
}
