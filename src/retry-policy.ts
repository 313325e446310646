// What is retried, and how long to wait. SignalWire has no idempotency key, so a POST (create) is
// retried only where the server cannot have acted on it: a refused connection, a failed DNS lookup
// that may pass (EAI_AGAIN), 429 and 503. A host that does not exist (ENOTFOUND: a mistyped Space,
// most often) is not retried: it will not exist a second later either.

/**
 * Why an attempt failed without an HTTP answer: `refused` and `lookup` (a temporary DNS failure)
 * sent nothing; `unresolved` is a host that does not exist.
 */
export type FailureKind = 'refused' | 'lookup' | 'unresolved' | 'timeout' | 'connection';

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const NON_IDEMPOTENT_RETRYABLE_STATUSES = new Set([429, 503]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Whether sending the request twice does what sending it once does (RFC 9110, 9.2.2). */
export const isIdempotent = (method: string): boolean => IDEMPOTENT_METHODS.has(method);

export function isRetryableStatus(method: string, status: number): boolean {
  return (isIdempotent(method) ? RETRYABLE_STATUSES : NON_IDEMPOTENT_RETRYABLE_STATUSES).has(status);
}

export function isRetryableFailure(method: string, kind: FailureKind): boolean {
  if (kind === 'unresolved') return false;
  return isIdempotent(method) || kind === 'refused' || kind === 'lookup';
}

/** What a SignalWireConnectionError says about a failure of this kind. */
export function failureMessage(kind: FailureKind, url: string): string {
  const { hostname } = new URL(url);
  switch (kind) {
    case 'refused':
      return 'connection refused';
    case 'lookup':
      return `the DNS lookup of ${hostname} failed (EAI_AGAIN)`;
    case 'unresolved':
      return (
        `could not resolve the host ${hostname} (DNS ENOTFOUND): check \`space\` (or SIGNALWIRE_SPACE), ` +
        'or `baseUrl` (or SIGNALWIRE_BASE_URL); the Space name may be mistyped. Not retried'
      );
    default:
      return 'connection failed';
  }
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

// Error codes (Node, undici, Bun) and messages (Deno) by kind, looked for along the cause chain.
const KINDS: [FailureKind, string[], RegExp][] = [
  ['refused', ['ECONNREFUSED', 'ConnectionRefused'], /connection refused/i],
  ['unresolved', ['ENOTFOUND'], /failed to lookup address|name or service not known/i],
  ['lookup', ['EAI_AGAIN'], /temporary failure in name resolution/i],
];

/** Classifies a failed attempt (other than a timeout) across runtimes. */
export function failureKind(error: unknown): FailureKind {
  for (let cause = error as { code?: unknown; cause?: unknown; errors?: unknown[]; message?: unknown } | undefined, depth = 0;
    cause && depth < 10;
    cause = cause.cause as typeof cause, depth++) {
    const codes = [cause.code, ...(Array.isArray(cause.errors) ? cause.errors.map((e) => (e as { code?: unknown })?.code) : [])];
    for (const [kind, kindCodes, pattern] of KINDS) {
      if (kindCodes.some((code) => codes.includes(code))) return kind;
      if (typeof cause.message === 'string' && pattern.test(cause.message)) return kind;
    }
  }
  return 'connection';
}
