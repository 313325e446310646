import type { Middleware } from 'openapi-fetch';

/**
 * openapi-fetch middleware that adds Basic auth to every request, except to the operations that
 * authenticate otherwise (a subscriber's Bearer token, or none at all) and to requests that already
 * carry a Bearer token. The header value lives only in this closure: it is on no object a caller can
 * inspect, log or serialize.
 */
export function basicAuth(authorization: string, ownAuth: ReadonlySet<string>): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (ownAuth.has(`${request.method} ${schemaPath}`)) return;
      if (/^bearer /i.test(request.headers.get('authorization') ?? '')) return;
      request.headers.set('Authorization', authorization);
    },
  };
}
