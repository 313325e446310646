// client.api and client.compatApi: typed openapi-fetch clients over the transport the methods use, so
// that a call through them gets the same auth, retries, timeouts and limits. Made on first use:
// openapi-fetch builds a Request and a Response per call, which the methods never need.
import createClient, { type Client, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { basicAuth } from './auth.js';
import { SignalWireError } from './errors.js';
import { toResponse } from './exchange.js';
import { checkRequestHeaders } from './option-checks.js';
import type { Call, CallOptions } from './transport.js';

export interface ApiClientSettings {
  /** The API root its paths are under. */
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly authorization: string;
  /** "METHOD /template" of the operations that do not take the Basic credentials. */
  readonly ownAuth: ReadonlySet<string>;
  readonly startCall: (options?: CallOptions) => Call;
}

/** A serializer of openapi-fetch whose own failure (a URIError for a lone surrogate) is a SignalWireError. */
const refusing =
  <A extends unknown[]>(serialize: (...args: A) => string) =>
  (...args: A): string => {
    try {
      return serialize(...args);
    } catch (error) {
      throw error instanceof SignalWireError ? error : new SignalWireError(`${error}`, { cause: error });
    }
  };

/**
 * openapi-fetch's path serializer, with a path parameter of "", "." or ".." refused: percent-encoding
 * leaves a dot segment as it is, and the URL would climb to another path (GET /api/video/rooms/..
 * is GET /api/video/) with the credentials.
 */
const checkedPath = refusing((template: string, params: Record<string, unknown>): string => {
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === '' || value === '.' || value === '..') throw new SignalWireError(`${template}: path parameter \`${name}\` is "${value}"`);
  }
  return defaultPathSerializer(template, params);
});

export function apiClient<Paths extends {}>(settings: ApiClientSettings): Client<Paths> {
  const { baseUrl, headers, authorization, ownAuth, startCall } = settings;
  const client = createClient<Paths>({
    baseUrl,
    headers,
    pathSerializer: checkedPath,
    querySerializer: refusing(createQuerySerializer()),
    // Calls made straight through it get the client-wide retry and timeout settings, and the
    // signal they were given.
    fetch: async (request: Request) => {
      // Headers set on client.api calls or by a middleware: refused here, before anything is sent.
      checkRequestHeaders(request.headers);
      const call = startCall({ signal: request.signal });
      const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
      const answer = await call.send({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
      return toResponse(answer);
    },
  });
  client.use(basicAuth(authorization, ownAuth));
  return client;
}
