// Attempts of one call: a per-attempt time limit that covers the body too (so a body cut off mid-way
// counts as a connection failure), retries with backoff, and the caller's AbortSignal. The methods
// and client.api both send through it; it sees plain Outgoing requests and complete Answers.
import { BodyTooLargeError, UnusableAnswerError } from './body-limit.js';
import {
  SignalWireAbortError,
  SignalWireConnectionError,
  SignalWireInvalidResponseError,
  SignalWireResponseTooLargeError,
  SignalWireTimeoutError,
} from './errors.js';
import { type Answer, type Outgoing, requestIdOf, type Sender } from './exchange.js';
import { checkHeaders, checkNumericOptions, checkSignal } from './option-checks.js';
import {
  backoffDelay,
  failureKind,
  type FailureKind,
  failureMessage,
  isRetryableFailure,
  isRetryableStatus,
  retryAfterDelay,
} from './retry-policy.js';

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
  send: Sender;
  logger?: Logger | undefined;
  clock: Clock;
}

/** One API call: `send` makes its attempts; the rest says what it has done so far. */
export interface Call {
  send(request: Outgoing): Promise<Answer>;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  /** The answer the call ended with (kept so that a 2xx body which is not JSON can be reported). */
  readonly last: Answer | undefined;
}

export const DEFAULT_RETRY_OPTIONS: RetrySettings = {
  maxRetries: 2,
  timeoutMs: 30_000,
  maxResponseBytes: 64 * 1024 * 1024,
};

/** Each setting the caller's where given, else the default's. */
export function retrySettings(options: RetryOptions, defaults: RetrySettings): RetrySettings {
  return {
    maxRetries: options.maxRetries ?? defaults.maxRetries,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? defaults.maxResponseBytes,
  };
}

/**
 * Many concurrent calls often share one caller signal (a shutdown signal, say). Each attempt and
 * backoff sleep listening on it directly would pile up listeners (and trip Node's
 * MaxListenersExceededWarning past 10), so the signal gets a single relay listener, present only
 * while some attempt or sleep is using it.
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

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const unlink =
        signal &&
        linkAbort(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      const timer = setTimeout(() => {
        unlink?.();
        resolve();
      }, ms);
    }),
};

// An answer the sender would not read on (a body past maxResponseBytes, too many content codings) is
// the failure 'unusable', its error the UnusableAnswerError.
type AttemptOutcome =
  | { answer: Answer; failure?: undefined; error?: undefined }
  | { answer?: undefined; failure: FailureKind | 'unusable'; error: unknown };

export function createTransport(settings: TransportSettings) {
  const { send, logger, clock } = settings;

  /** Sends one attempt, its whole body read within the same time limit. */
  async function attempt(
    request: Outgoing,
    limits: RetrySettings,
    signal?: AbortSignal,
  ): Promise<AttemptOutcome> {
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unlink: (() => void) | undefined;
    try {
      const sending = send(request, limits.maxResponseBytes);
      timer = setTimeout(() => {
        timedOut = true;
        sending.cancel(new DOMException(`the attempt took longer than ${limits.timeoutMs}ms`, 'TimeoutError'));
      }, limits.timeoutMs);
      if (signal) unlink = linkAbort(signal, () => sending.cancel(signal.reason));
      return { answer: await sending.answer };
    } catch (error) {
      // Judged by what happened: the caller's abort ends the attempt too.
      return { failure: error instanceof UnusableAnswerError ? 'unusable' : timedOut ? 'timeout' : failureKind(error), error };
    } finally {
      clearTimeout(timer);
      unlink?.();
    }
  }

  return function startCall(options: CallOptions = {}): Call {
    checkNumericOptions(options);
    checkHeaders(options.headers, 'headers');
    checkSignal(options.signal);
    const limits = retrySettings(options, settings);
    const { maxRetries } = limits;
    const { signal } = options;
    // Also the RequestInfo of its errors, which copy what it says when they are made.
    const call = { method: '', url: '', attempts: 0, last: undefined as Answer | undefined, send: sendCall };
    const aborted = () => new SignalWireAbortError(call, { cause: signal!.reason });

    /** The attempts of one call, with backoff between them. */
    async function sendCall(request: Outgoing): Promise<Answer> {
      call.method = request.method;
      call.url = request.url;
      const { method } = request;
      for (;;) {
        if (signal?.aborted) throw aborted();
        const number = ++call.attempts;
        const started = logger && clock.now();
        const { answer, failure, error } = await attempt(request, limits, signal);
        const result = signal?.aborted ? 'aborted' : (answer?.status ?? failure);
        // Built only for a logger: the path alone (no query string), never a header.
        if (logger) log(`${method} ${new URL(request.url).pathname} ${result} attempt ${number}/${maxRetries + 1} ${Math.round(clock.now() - started!)}ms`);
        if (signal?.aborted) throw aborted();
        if (failure === 'unusable') {
          const { answer: cutOff, problem } = error as UnusableAnswerError;
          const answerInfo = { status: cutOff.status, text: '', requestId: requestIdOf(cutOff) };
          if (error instanceof BodyTooLargeError) throw new SignalWireResponseTooLargeError(limits.maxResponseBytes, answerInfo, call);
          throw new SignalWireInvalidResponseError(problem, answerInfo, call);
        }

        const retryable =
          number <= maxRetries && (answer ? isRetryableStatus(method, answer.status) : isRetryableFailure(method, failure));
        if (!retryable) {
          if (answer) return (call.last = answer);
          if (failure === 'timeout') {
            throw new SignalWireTimeoutError(`timed out after ${limits.timeoutMs}ms`, call, { cause: error });
          }
          throw new SignalWireConnectionError(failureMessage(failure, request.url), call, { cause: error });
        }

        const delay = (answer && retryAfterDelay(answer.header('retry-after') ?? null)) ?? backoffDelay(number);
        try {
          await clock.sleep(delay, signal);
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
