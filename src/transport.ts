// The fetch function handed to openapi-fetch. It owns attempts: a per-attempt timeout, the body read
// inside the attempt (so a body cut off mid-way counts as a connection failure), retries with
// backoff, and the caller's AbortSignal. openapi-fetch sees one finished Response per call.
import { BodyTooLargeError, readBody } from './body-limit.js';
import {
  SignalWireAbortError,
  SignalWireConnectionError,
  SignalWireResponseTooLargeError,
  SignalWireTimeoutError,
} from './errors.js';
import { checkHeaders, checkNumericOptions, checkRequestHeaders } from './option-checks.js';
import { requestIdOf } from './response.js';
import {
  backoffDelay,
  failureKind,
  type FailureKind,
  failureMessage,
  isRetryableFailure,
  isRetryableStatus,
  retryAfterDelay,
} from './retry-policy.js';

export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

/** Per-client defaults and per-call overrides. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2, at most 100). 0 disables retrying. */
  maxRetries?: number | undefined;
  /** Time limit of each attempt in ms, headers and body included (default 30,000; 1 to 2,147,483,647). */
  timeoutMs?: number | undefined;
  /**
   * The most bytes an answer's body may have, after decompression (default 64 MiB, at most 256 MiB).
   * Past it the attempt stops reading and the call fails with a SignalWireResponseTooLargeError.
   */
  maxResponseBytes?: number | undefined;
}

export interface CallOptions extends RetryOptions {
  /** Aborts the call at once, also while waiting between attempts. Never retried. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call, checked before anything is sent. Authorization is always the client's. */
  headers?: Record<string, string | undefined> | undefined;
}

/** Receives one line per attempt; never a credential. */
export type Logger = (line: string) => void;

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** RetryOptions with every value given. */
export type RetrySettings = { [name in keyof RetryOptions]-?: NonNullable<RetryOptions[name]> };

export interface TransportSettings extends RetrySettings {
  fetch: typeof fetch;
  /** The class answers are built with (default: the global Response; Node gets a lighter one). */
  Response?: typeof Response | undefined;
  logger?: Logger | undefined;
  clock: Clock;
}

/** The last answer of a call, kept so that a 2xx body which is not JSON can be reported. */
export interface LastAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: ArrayBuffer | null;
}

/** One API call: its fetch function for openapi-fetch, and what it has done so far. */
export interface Call {
  readonly fetch: FetchFunction;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  readonly last: LastAnswer | undefined;
}

export const DEFAULT_RETRY_OPTIONS: RetrySettings = {
  maxRetries: 2,
  timeoutMs: 30_000,
  maxResponseBytes: 64 * 1024 * 1024,
};

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

// Statuses whose Response must be built with a null body.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

type AttemptOutcome =
  | { response: Response; payload: ArrayBuffer | null }
  | { failure: FailureKind; error: unknown }
  | { tooLarge: { status: number; headers: Headers } };

/**
 * Many concurrent calls often share one caller signal (a shutdown signal, say). Each call listening
 * on it directly would pile up listeners (and trip Node's MaxListenersExceededWarning past 10), so
 * the signal gets a single relay listener, present only while some call is using it.
 */
const abortRelays = new WeakMap<AbortSignal, { callbacks: Set<() => void>; relay: () => void }>();

/** Runs `callback` when `signal` aborts, until the returned function unlinks it. */
function linkAbort(signal: AbortSignal, callback: () => void): () => void {
  let entry = abortRelays.get(signal);
  if (!entry) {
    const callbacks = new Set<() => void>();
    const relay = () => {
      abortRelays.delete(signal);
      for (const each of callbacks) each();
    };
    entry = { callbacks, relay };
    abortRelays.set(signal, entry);
    signal.addEventListener('abort', relay, { once: true });
  }
  const linked = entry;
  linked.callbacks.add(callback);
  return () => {
    linked.callbacks.delete(callback);
    if (linked.callbacks.size === 0 && abortRelays.get(signal) === linked) {
      abortRelays.delete(signal);
      signal.removeEventListener('abort', linked.relay);
    }
  };
}

export function createTransport(settings: TransportSettings) {
  const { fetch: send, logger, clock, Response: AnswerClass = Response } = settings;

  /** Sends one attempt and reads its whole body within the same time limit. */
  async function attempt(
    request: Request,
    body: ArrayBuffer | undefined,
    limits: { timeoutMs: number; maxResponseBytes: number },
    signal?: AbortSignal,
  ): Promise<AttemptOutcome> {
    const { timeoutMs, maxResponseBytes } = limits;
    let answered: { status: number; headers: Headers } | undefined;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    // Ends the attempt when it is aborted even if a custom fetch ignores its signal.
    let abandon!: (reason: unknown) => void;
    const abandoned = new Promise<never>((_resolve, reject) => (abandon = reject));
    const onAbandon = () => abandon(controller.signal.reason);
    controller.signal.addEventListener('abort', onAbandon, { once: true });
    try {
      const exchange = (async () => {
        const answer = await send(request.url, {
          method: request.method,
          headers: request.headers,
          body: body ?? null,
          signal: controller.signal,
          redirect: 'manual', // never carry the credentials to wherever a redirect points
        });
        answered = answer;
        const bytes = NULL_BODY_STATUSES.has(answer.status) ? null : await readBody(answer, maxResponseBytes);
        const payload = bytes && (bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer);
        const response = new AnswerClass(payload, {
          status: answer.status,
          statusText: answer.statusText,
          headers: answer.headers,
        });
        // A Response built here has no URL of its own: callers of client.api read it.
        Object.defineProperty(response, 'url', { value: answer.url || request.url });
        return { response, payload };
      })();
      exchange.catch(() => {}); // when `abandoned` wins, the exchange's own failure is of no interest
      return await Promise.race([exchange, abandoned]);
    } catch (error) {
      if (error instanceof BodyTooLargeError && answered) {
        controller.abort(); // drops the connection: nothing more of this body is read
        return { tooLarge: { status: answered.status, headers: answered.headers } };
      }
      // Judged by what happened, not by controller.signal: the caller's abort also aborts it.
      return { failure: timedOut ? 'timeout' : failureKind(error), error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
      // Nothing may keep this attempt's answer reachable through the signal once it is over.
      controller.signal.removeEventListener('abort', onAbandon);
    }
  }

  return function startCall(options: CallOptions = {}): Call {
    checkNumericOptions(options);
    checkHeaders(options.headers, 'headers');
    const maxRetries = options.maxRetries ?? settings.maxRetries;
    const limits = {
      timeoutMs: options.timeoutMs ?? settings.timeoutMs,
      maxResponseBytes: options.maxResponseBytes ?? settings.maxResponseBytes,
    };
    const { timeoutMs } = limits;
    const { signal } = options;
    const call = { method: '', url: '', attempts: 0, last: undefined as LastAnswer | undefined, fetch: callFetch };
    const info = () => ({ method: call.method, url: call.url, attempts: call.attempts });
    const aborted = () => new SignalWireAbortError(info(), { cause: signal!.reason });

    async function callFetch(request: Request): Promise<Response> {
      call.method = request.method;
      call.url = request.url;
      // Headers set by a middleware or on client.api calls: refused here, before anything is sent.
      checkRequestHeaders(request.headers);
      // Read once: each attempt sends a fresh copy of these bytes.
      const body = request.body === null ? undefined : await request.arrayBuffer();
      if (!signal) return attempts(request, body, undefined);
      if (signal.aborted) throw aborted();
      // The call's own copy of the caller's signal: its attempts and sleeps listen to this one.
      const callAbort = new AbortController();
      const unlink = linkAbort(signal, () => callAbort.abort(signal.reason));
      try {
        return await attempts(request, body, callAbort.signal);
      } finally {
        unlink();
      }
    }

    /** The attempts of one call, with backoff between them. `abortSignal` mirrors the caller's signal. */
    async function attempts(
      request: Request,
      body: ArrayBuffer | undefined,
      abortSignal: AbortSignal | undefined,
    ): Promise<Response> {
      const { method } = request;
      for (;;) {
        if (abortSignal?.aborted) throw aborted();
        const number = ++call.attempts;
        const started = clock.now();
        const outcome = await attempt(request, body, limits, abortSignal);
        const result = abortSignal?.aborted
          ? 'aborted'
          : 'response' in outcome
            ? outcome.response.status
            : 'failure' in outcome
              ? outcome.failure
              : 'too-large';
        // Built only for a logger: the path alone (no query string), never a header.
        if (logger) log(`${method} ${new URL(request.url).pathname} ${result} attempt ${number}/${maxRetries + 1} ${Math.round(clock.now() - started)}ms`);
        if (abortSignal?.aborted) throw aborted();
        if ('tooLarge' in outcome) {
          const { status, headers } = outcome.tooLarge;
          throw new SignalWireResponseTooLargeError(
            limits.maxResponseBytes,
            { status, text: '', requestId: requestIdOf(headers) },
            info(),
          );
        }

        const retryable =
          number <= maxRetries &&
          ('response' in outcome
            ? isRetryableStatus(method, outcome.response.status)
            : isRetryableFailure(method, outcome.failure));
        if (!retryable) {
          if ('response' in outcome) {
            const { status, headers } = outcome.response;
            call.last = { status, headers, body: outcome.payload };
            return outcome.response;
          }
          if (outcome.failure === 'timeout') {
            throw new SignalWireTimeoutError(`timed out after ${timeoutMs}ms`, info(), { cause: outcome.error });
          }
          throw new SignalWireConnectionError(failureMessage(outcome.failure, request.url), info(), { cause: outcome.error });
        }

        const delay =
          ('response' in outcome ? retryAfterDelay(outcome.response.headers.get('retry-after')) : undefined) ??
          backoffDelay(number);
        try {
          await clock.sleep(delay, abortSignal);
        } catch {
          throw aborted();
        }
      }
    }

    return call;
  };

  /** Hands a line to the logger; a logger that throws must not fail (or retry) the call. */
  function log(line: string): void {
    try {
      logger!(line);
    } catch {
      // ignored: logging is best effort
    }
  }
}
