// A webhook's answer as an HTTP answer: shared by the webhooks entry (SWML documents, sent as JSON) and the
// cxml entry (cXML builders, sent as XML). Nothing in the main entry imports this module.

/**
 * What writeAnswer() uses of Node's ServerResponse (node:http, Express, Fastify's `reply.raw`), declared
 * here so that the package's types need no @types/node.
 */
export interface ServerResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/** An answer that renders itself: a cXML builder (`VoiceResponse`, `MessagingResponse`, `FaxResponse`). */
export interface RenderedAnswer {
  /** The media type of `toString()`'s text, e.g. `text/xml`. */
  readonly contentType: string;
  toString(): string;
}

/** What a handler answers with: a rendered answer, or a SWML document (a plain object, sent as JSON). */
export type WebhookAnswer = RenderedAnswer | object;

// A SWML document has no `contentType` field (its top level is `version` and `sections`).
const isRendered = (answer: object): answer is RenderedAnswer =>
  typeof (answer as Partial<RenderedAnswer>).contentType === 'string';

/** The body and media type of an answer. */
export function answerBody(answer: WebhookAnswer): { body: string; contentType: string } {
  if (isRendered(answer)) return { body: answer.toString(), contentType: answer.contentType };
  return { body: JSON.stringify(answer), contentType: 'application/json' };
}

/** A fetch `Response` for fetch runtimes (Workers, Deno, Bun, Next.js route handlers). */
export function answerResponse(answer: WebhookAnswer, init: ResponseInit = {}): Response {
  const { body, contentType } = answerBody(answer);
  const headers = new Headers(init.headers);
  headers.set('content-type', contentType);
  return new Response(body, { ...init, headers });
}

/** Writes the answer to Node's `ServerResponse` (node:http, Express, Fastify's `reply.raw`) and ends it. */
export function writeAnswer(res: ServerResponse, answer: WebhookAnswer, status = 200): void {
  const { body, contentType } = answerBody(answer);
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.end(body); // headers not sent yet: Node sets Content-Length itself
}
