import type { Middleware } from 'openapi-fetch';

/**
 * openapi-fetch middleware that adds Basic auth to every request. The header value lives only in
 * this closure: it is on no object a caller can inspect, log or serialize.
 */
export function basicAuth(authorization: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
    },
  };
}
