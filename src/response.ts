// Turns what openapi-fetch returns into the typed result, or into the most specific SignalWireError.
import { type AnswerInfo, apiErrorFor, SignalWireInvalidResponseError } from './errors.js';
import type { Call } from './transport.js';

/** The shape every openapi-fetch method resolves to. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

// SignalWire documents no request-id header; these are the names its own SDKs look for, in order.
const REQUEST_ID_HEADERS = ['x-request-id', 'x-signalwire-request-id', 'request-id'];

export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** Resolves to the body of a 2xx answer; throws a SignalWireApiError for any other status. */
export async function unwrap<T>(call: Call, pending: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await pending;
  } catch (error) {
    if (error instanceof SyntaxError && call.last) {
      throw new SignalWireInvalidResponseError('a body that is not valid JSON', lastAnswer(call), call, { cause: error });
    }
    throw error;
  }
  const { response } = result;
  if (!response.ok) {
    throw apiErrorFor(response.status, result.error, requestIdOf(response.headers), call);
  }
  return result.data as T;
}

// An excerpt is all an error keeps: decoding more of a large body would be wasted.
const TEXT_BYTES = 16 * 1024;

/** What an error may say about the call's last answer. */
export function lastAnswer(call: Call): AnswerInfo {
  const { status, headers, body } = call.last!;
  const text = body ? new TextDecoder().decode(new Uint8Array(body, 0, Math.min(body.byteLength, TEXT_BYTES))) : '';
  return { status, text, requestId: requestIdOf(headers) };
}
