// The fetch function handed to openapi-fetch. It owns attempts: a per-attempt timeout, the body read
// inside the attempt (so a body cut off mid-way counts as a connection failure), retries with
// backoff, and the caller's AbortSignal. openapi-fetch sees one finished Response per call.
import {
  SignalWireAbortError,
  SignalWireConnectionError,
  SignalWireError,
  SignalWireTimeoutError,
} from './errors.js';
import {
  backoffDelay,
  type FailureKind,
  isConnectionRefused,
  isRetryableFailure,
  isRetryableStatus,
  retryAfterDelay,
} from './retry-policy.js';

export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

/** Per-client defaults and per-call overrides. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). 0 disables retrying. */
  maxRetries?: number;
  /** Time limit of each attempt in ms, headers and body included (default 30,000). */
  timeoutMs?: number;
}

export interface CallOptions extends RetryOptions {
  /** Aborts the call at once, also while waiting between attempts. Never retried. */
  signal?: AbortSignal;
}

/** Receives one line per attempt; never a credential. */
export type Logger = (line: string) => void;

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface TransportSettings extends Required<RetryOptions> {
  fetch: typeof fetch;
  logger?: Logger;
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

export const DEFAULT_RETRY_OPTIONS: Required<RetryOptions> = { maxRetries: 2, timeoutMs: 30_000 };

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

type AttemptOutcome = { response: Response; payload: ArrayBuffer | null } | { failure: FailureKind; error: unknown };

export function checkRetryOptions(options: RetryOptions): void {
  const { maxRetries, timeoutMs } = options;
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new SignalWireError(`Invalid maxRetries ${String(maxRetries)}: it must be a whole number, 0 or more.`);
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new SignalWireError(`Invalid timeoutMs ${String(timeoutMs)}: it must be a positive number of milliseconds.`);
  }
}

export function createTransport(settings: TransportSettings) {
  const { fetch: send, logger, clock } = settings;

  /** Sends one attempt and reads its whole body within the same time limit. */
  async function attempt(
    request: Request,
    body: ArrayBuffer | undefined,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<AttemptOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const forwardAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const answer = await send(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: controller.signal,
        redirect: 'manual', // never carry the credentials to wherever a redirect points
      });
      const payload = NULL_BODY_STATUSES.has(answer.status) ? null : await answer.arrayBuffer();
      const response = new Response(payload, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
      });
      return { response, payload };
    } catch (error) {
      const failure: FailureKind = controller.signal.aborted
        ? 'timeout'
        : isConnectionRefused(error)
          ? 'refused'
          : 'connection';
      return { failure, error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  return function startCall(options: CallOptions = {}): Call {
    checkRetryOptions(options);
    const maxRetries = options.maxRetries ?? settings.maxRetries;
    const timeoutMs = options.timeoutMs ?? settings.timeoutMs;
    const { signal } = options;
    const call = { method: '', url: '', attempts: 0, last: undefined as LastAnswer | undefined, fetch: callFetch };

    async function callFetch(request: Request): Promise<Response> {
      const method = (call.method = request.method);
      call.url = request.url;
      const info = () => ({ method, url: request.url, attempts: call.attempts });
      const aborted = () => new SignalWireAbortError(`${method} ${request.url} was aborted`, { cause: signal!.reason });
      // Read once: each attempt sends a fresh copy of these bytes.
      const body = request.body === null ? undefined : await request.arrayBuffer();

      for (;;) {
        if (signal?.aborted) throw aborted();
        const attempts = ++call.attempts;
        const started = clock.now();
        const outcome = await attempt(request, body, timeoutMs, signal);
        if (signal?.aborted) throw aborted();
        logger?.(
          `${method} ${new URL(request.url).pathname} ` +
            `${'response' in outcome ? outcome.response.status : outcome.failure} ` +
            `attempt ${attempts}/${maxRetries + 1} ${Math.round(clock.now() - started)}ms`,
        );

        const retryable =
          attempts <= maxRetries &&
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
          throw new SignalWireConnectionError(
            outcome.failure === 'refused' ? 'connection refused' : 'connection failed',
            info(),
            { cause: outcome.error },
          );
        }

        const delay =
          ('response' in outcome ? retryAfterDelay(outcome.response.headers.get('retry-after')) : undefined) ??
          backoffDelay(attempts);
        try {
          await clock.sleep(delay, signal);
        } catch {
          throw aborted();
        }
      }
    }

    return call;
  };
}
