// Turns what openapi-fetch returns into the typed result, or into the most specific SignalWireError.
import { apiErrorFor, SignalWireError, SignalWireInvalidResponseError } from './errors.js';
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
    if (error instanceof SyntaxError && call.last) throw invalidJson(call, error);
    throw error;
  }
  const { response } = result;
  if (!response.ok) {
    throw apiErrorFor(response.status, result.error, requestIdOf(response.headers), call);
  }
  return result.data as T;
}

function invalidJson(call: Call, cause: SyntaxError): SignalWireError {
  const { status, headers, body } = call.last!;
  const text = body ? new TextDecoder().decode(body) : '';
  return new SignalWireInvalidResponseError(status, text, requestIdOf(headers), call, { cause });
}
