// Every error this client throws is a SignalWireError. None of them holds a credential: they carry
// the method, the URL (which never has user info: see config.ts) and the server's answer, never the
// request or its headers.
import type { components } from '../generated/schema.js';

export type ApiErrorItem = components['schemas']['Types.StatusCodes.RestApiErrorItem'];

/** Where a failed call went, and how many attempts it took. */
export interface RequestInfo {
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
}

const attemptsSuffix = (attempts: number) => (attempts > 1 ? ` after ${attempts} attempts` : '');

/** Base class of every error thrown by signalwire-rest. */
export class SignalWireError extends Error {
  override name = 'SignalWireError';
}

/** An error about one call: where it went, and how many attempts it made. */
export class SignalWireRequestError extends SignalWireError {
  override name = 'SignalWireRequestError';
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

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
  readonly status: number;
  /** The validation items of a 422 answer; empty for every other status. */
  readonly errors: readonly ApiErrorItem[];
  /** The answer's body: parsed JSON, or the raw text when it is not JSON (an HTML proxy page). */
  readonly body: unknown;
  /** The server's request id (x-request-id, x-signalwire-request-id or request-id), for support tickets. */
  readonly requestId: string | undefined;

  constructor(status: number, body: unknown, requestId: string | undefined, request: RequestInfo) {
    const errors = validationItems(body);
    super(
      `${request.method} ${request.url} failed with ${status}${attemptsSuffix(request.attempts)}: ` +
        `${describeBody(body, errors)}${requestId ? ` (request id ${requestId})` : ''}`,
      request,
    );
    this.status = status;
    this.errors = errors;
    this.body = body;
    this.requestId = requestId;
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

/** The request never got a complete answer: refused, reset, or cut off while the body was read. */
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

/** A 2xx answer whose body is not the JSON the API promises. */
export class SignalWireInvalidResponseError extends SignalWireRequestError {
  override name = 'SignalWireInvalidResponseError';
  readonly status: number;
  /** The raw text of the body that failed to parse. */
  readonly body: string;
  readonly requestId: string | undefined;

  constructor(status: number, body: string, requestId: string | undefined, request: RequestInfo, options?: { cause?: unknown }) {
    super(
      `${request.method} ${request.url} answered ${status} with a body that is not valid JSON` +
        `${attemptsSuffix(request.attempts)}: ${JSON.stringify(excerpt(body))}` +
        `${requestId ? ` (request id ${requestId})` : ''}`,
      request,
      options,
    );
    this.status = status;
    this.body = body;
    this.requestId = requestId;
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

function validationItems(body: unknown): ApiErrorItem[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? errors.filter((item) => typeof item?.message === 'string') : [];
}

const EXCERPT_LENGTH = 200;

/** A short, single-line excerpt of a text that may be a whole HTML page. */
export function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}

function describeBody(body: unknown, errors: ApiErrorItem[]): string {
  if (errors.length > 0) {
    return errors.map((item) => (item.attribute ? `${item.attribute}: ${item.message}` : item.message)).join('; ');
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return error;
  if (typeof body === 'string' && body.trim() !== '') return excerpt(body);
  return body === undefined || body === '' ? 'no body' : excerpt(JSON.stringify(body));
}
