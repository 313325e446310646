// What one attempt sends and what it gets back, as plain data: the methods build an Outgoing and read
// an Answer directly, with no Request, Response or Headers object on the way (on Node, the first use
// of any of those loads undici: tens of milliseconds at import, microseconds per call). A Response is
// made only when a caller asks for one: `.withResponse()`, `page.response`, `client.api`.

/** One request, ready for the wire. */
export interface Outgoing {
  readonly method: string;
  /** Absolute, with its query string. */
  readonly url: string;
  /** Names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array | undefined;
}

/** A complete answer: its body read to the end (within the size limit) and decoded. */
export interface Answer {
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  /** null for the statuses that have no body (204, 205, 304). */
  readonly body: Uint8Array | null;
  /** One header's value (name in lower case); a repeated header's values joined with ", ". */
  header(name: string): string | undefined;
  /** Every header, in a Headers object made on demand. */
  headers(): Headers;
}

/**
 * Sends one attempt. `answer` settles once the whole body is in; `cancel` ends the attempt at once
 * (a timeout, the caller's abort), and `answer` then rejects with the reason.
 */
export type Sender = (request: Outgoing, maxResponseBytes: number) => { answer: Promise<Answer>; cancel(reason: unknown): void };

/** Statuses whose answer has no body. */
export const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

// SignalWire documents no request-id header; these are the names its own SDKs look for, in order.
const REQUEST_ID_HEADERS = ['x-request-id', 'x-signalwire-request-id', 'request-id'];

export function requestIdOf(answer: Pick<Answer, 'header'>): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = answer.header(name);
    if (value) return value;
  }
  return undefined;
}

// Made on first use: plain jsdom has no TextDecoder, and the package must still load there.
let decoder: TextDecoder | undefined;

/** The body as text (UTF-8, a byte-order mark dropped, as Response.text() does); '' when there is none. */
export function textOf(body: Uint8Array | null): string {
  return body ? (decoder ??= new TextDecoder()).decode(body) : '';
}

/** The answer as a Response (the global class), its body readable. */
export function toResponse(answer: Answer): Response {
  const response = new Response(answer.body as Uint8Array<ArrayBuffer> | null, {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers(),
  });
  // A Response built here has no URL of its own.
  Object.defineProperty(response, 'url', { value: answer.url });
  return response;
}
