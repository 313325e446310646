// What is retried, and how long to wait. SignalWire has no idempotency key, so a POST (create) is
// retried only where the server cannot have acted on it: a refused connection, 429 and 503.

/** Why an attempt failed without an HTTP answer. */
export type FailureKind = 'refused' | 'timeout' | 'connection';

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const NON_IDEMPOTENT_RETRYABLE_STATUSES = new Set([429, 503]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isRetryableStatus(method: string, status: number): boolean {
  return (IDEMPOTENT_METHODS.has(method) ? RETRYABLE_STATUSES : NON_IDEMPOTENT_RETRYABLE_STATUSES).has(status);
}

export function isRetryableFailure(method: string, kind: FailureKind): boolean {
  return IDEMPOTENT_METHODS.has(method) || kind === 'refused';
}

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** Exponential backoff (0.5 s, 1 s, 2 s … capped at 8 s), less up to 25% jitter so clients spread out. */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const delay = Math.min(INITIAL_DELAY_MS * 2 ** (retry - 1), MAX_DELAY_MS);
  return delay * (1 - 0.25 * random());
}

/**
 * The wait a Retry-After header asks for, in ms, when it is 0 to 60 s (delta-seconds or an HTTP
 * date); undefined when absent, malformed or out of range, so the default backoff applies.
 */
export function retryAfterDelay(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  const delay = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(delay) && delay >= 0 && delay <= MAX_RETRY_AFTER_MS ? delay : undefined;
}

/** Recognises "connection refused" across runtimes: nothing was sent, so any method may retry. */
export function isConnectionRefused(error: unknown): boolean {
  for (let cause = error as { code?: unknown; cause?: unknown; errors?: unknown[]; message?: unknown } | undefined;
    cause;
    cause = cause.cause as typeof cause) {
    const codes = [cause.code, ...(Array.isArray(cause.errors) ? cause.errors.map((e) => (e as { code?: unknown })?.code) : [])];
    if (codes.includes('ECONNREFUSED') || codes.includes('ConnectionRefused')) return true;
    if (typeof cause.message === 'string' && /connection refused/i.test(cause.message)) return true;
  }
  return false;
}
