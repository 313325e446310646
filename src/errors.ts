// Every error this client throws is a SignalWireError. None of them holds a credential: they carry
// the method, the URL (which never has user info: see config.ts) and the server's answer, never the
// request or its headers. What the server sent is untrusted: messages quote it bounded and escaped
// (see server-text.ts), and every body shape, however odd, still gives a typed error.
// Fields set in a constructor are `declare`d: no empty field definitions in the bundle.
import { errorItems, type ApiErrorItem } from './error-items.js';
import { describeBody, excerpt, quote } from './server-text.js';

export type { ApiErrorItem } from './error-items.js';

/** Where a failed call went, and how many attempts it took. */
export interface RequestInfo {
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
}

const attemptsSuffix = (attempts: number) => (attempts > 1 ? ` after ${attempts} attempts` : '');
const requestIdSuffix = (requestId: string | undefined) => (requestId ? ` (request id ${quote(requestId, 100)})` : '');

/** Base class of every error thrown by signalwire-rest. */
export class SignalWireError extends Error {
  override name = 'SignalWireError';
}

/** An error about one call: where it went, and how many attempts it made. */
export class SignalWireRequestError extends SignalWireError {
  override name = 'SignalWireRequestError';
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;

  constructor(message: string, request: RequestInfo, options?: { cause?: unknown }) {
    super(message, options);
    this.method = request.method;
    this.url = request.url;
    this.attempts = request.attempts;
  }
}

/** The API answered with a non-2xx status. Subclasses narrow it by status. */
export class SignalWireApiError extends SignalWireRequestError {
  override name = 'SignalWireApiError';
  /** HTTP status of the answer. */
  declare readonly status: number;
  /** Every error item of the answer, in one shape whatever the API family (see ApiErrorItem); empty when the body has none. */
  declare readonly errors: readonly ApiErrorItem[];
  /** The answer's body: parsed JSON, or the first 4,096 characters of its text when it is not JSON. */
  declare readonly body: unknown;
  /** The server's request id (x-request-id, x-signalwire-request-id or request-id), for support tickets. */
  declare readonly requestId: string | undefined;
  /**
   * The first item's code, of the type the API sent: the Compatibility API's number (e.g. 21211), or a
   * string such as "missing_required_parameter".
   */
  declare readonly code: string | number | undefined;
  /** The first item's documentation link: the Compatibility API's `more_info`, or `url`. */
  declare readonly moreInfo: string | undefined;

  constructor(status: number, body: unknown, requestId: string | undefined, request: RequestInfo) {
    const errors = errorItems(body);
    super(
      `${request.method} ${request.url} failed with ${status}${attemptsSuffix(request.attempts)}: ` +
        `${describeBody(body, errors)}${requestIdSuffix(requestId)}`,
      request,
    );
    this.status = status;
    this.errors = errors;
    this.body = typeof body === 'string' ? excerpt(body) : body;
    this.requestId = requestId;
    this.code = errors[0]?.code;
    this.moreInfo = errors[0]?.url;
  }
}

/** 401: the Project ID or API token is wrong. */
export class SignalWireAuthenticationError extends SignalWireApiError {
  override name = 'SignalWireAuthenticationError';
}
/** 403: the API token lacks the scope the call needs (Voice, Messaging, Fax or Video). */
export class SignalWirePermissionError extends SignalWireApiError {
  override name = 'SignalWirePermissionError';
}
/** 404: no such resource. */
export class SignalWireNotFoundError extends SignalWireApiError {
  override name = 'SignalWireNotFoundError';
}
/** 422: the request broke a rule; `errors` lists each broken rule and its attribute. */
export class SignalWireValidationError extends SignalWireApiError {
  override name = 'SignalWireValidationError';
}
/** 429: rate limited; retried automatically where that is safe, thrown once retries are spent. */
export class SignalWireRateLimitError extends SignalWireApiError {
  override name = 'SignalWireRateLimitError';
}
/** 5xx: the API or a proxy in front of it failed. */
export class SignalWireServerError extends SignalWireApiError {
  override name = 'SignalWireServerError';
}

/** The request never got a complete answer: refused, reset, cut off while the body was read, or its host unknown. */
export class SignalWireConnectionError extends SignalWireRequestError {
  override name = 'SignalWireConnectionError';

  constructor(message: string, request: RequestInfo, options?: { cause?: unknown }) {
    super(`${request.method} ${request.url}: ${message}${attemptsSuffix(request.attempts)}`, request, options);
  }
}

/** An attempt took longer than `timeoutMs` (waiting for the headers or reading the body). */
export class SignalWireTimeoutError extends SignalWireConnectionError {
  override name = 'SignalWireTimeoutError';
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. Never retried. `attempts` is 0 when it had fired before the first. */
export class SignalWireAbortError extends SignalWireRequestError {
  override name = 'SignalWireAbortError';

  constructor(request: RequestInfo, options?: { cause?: unknown }) {
    super(
      `${request.method} ${request.url} was aborted` +
        (request.attempts === 0 ? ' before the first attempt' : attemptsSuffix(request.attempts)),
      request,
      options,
    );
  }
}

/** A paginator stopped: a links.next it must not follow (another origin or path, a loop), or a run of empty pages. */
export class SignalWirePaginationError extends SignalWireError {
  override name = 'SignalWirePaginationError';
  /** The URL of the last page read. */
  declare readonly url: string;

  constructor(message: string, url: string) {
    super(message);
    this.url = url;
  }
}

/** What the client knows of an answer it cannot use. */
export interface AnswerInfo {
  readonly status: number;
  /** The answer's text; the error keeps its first 4,096 characters. */
  readonly text: string;
  readonly requestId: string | undefined;
}

/** An answer the client cannot use: a 2xx body that is not valid JSON, or not the shape the API promises. Never retried. */
export class SignalWireInvalidResponseError extends SignalWireRequestError {
  override name = 'SignalWireInvalidResponseError';
  declare readonly status: number;
  /** The first 4,096 characters of the body's text. */
  declare readonly body: string;
  declare readonly requestId: string | undefined;

  /** `problem` completes "answered <status> with …", e.g. "a body that is not valid JSON". */
  constructor(problem: string, answer: AnswerInfo, request: RequestInfo, options?: { cause?: unknown }) {
    super(
      `${request.method} ${request.url} answered ${answer.status} with ${problem}${attemptsSuffix(request.attempts)}` +
        `${answer.text ? `: ${JSON.stringify(quote(answer.text))}` : ''}${requestIdSuffix(answer.requestId)}`,
      request,
      options,
    );
    this.status = answer.status;
    this.body = excerpt(answer.text);
    this.requestId = answer.requestId;
  }
}

/** An answer's body was larger than `maxResponseBytes`: reading stopped at the limit. Never retried. */
export class SignalWireResponseTooLargeError extends SignalWireInvalidResponseError {
  override name = 'SignalWireResponseTooLargeError';
  /** The limit that was exceeded, in bytes. */
  declare readonly maxResponseBytes: number;

  constructor(maxResponseBytes: number, answer: AnswerInfo, request: RequestInfo) {
    super(
      `a body larger than maxResponseBytes (${maxResponseBytes} bytes; raise \`maxResponseBytes\` for the client or the call if it is expected)`,
      answer,
      request,
    );
    this.maxResponseBytes = maxResponseBytes;
  }
}

const STATUS_CLASSES: Record<number, typeof SignalWireApiError> = {
  401: SignalWireAuthenticationError,
  403: SignalWirePermissionError,
  404: SignalWireNotFoundError,
  422: SignalWireValidationError,
  429: SignalWireRateLimitError,
};

/** The most specific SignalWireApiError for a status. */
export function apiErrorFor(
  status: number,
  body: unknown,
  requestId: string | undefined,
  request: RequestInfo,
): SignalWireApiError {
  const ErrorClass = STATUS_CLASSES[status] ?? (status >= 500 ? SignalWireServerError : SignalWireApiError);
  return new ErrorClass(status, body, requestId, request);
}
