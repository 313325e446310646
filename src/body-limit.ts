// Reading an answer's body with a size limit, for both ways an attempt is sent: the Node transport's
// answers read themselves (node-send.ts implements readBodyUpTo), any other fetch's Response is read
// from its stream. Past the limit reading stops at once and the connection is dropped, so memory
// stays near the limit however much the server sends (decoded bytes count: a gzip bomb stops too).

/** Implemented by answers that can read their own body up to a limit (node-send.ts). */
export const readBodyUpTo = Symbol('signalwire-rest.readBodyUpTo');

export interface LimitedBody {
  [readBodyUpTo](limit: number): Promise<Uint8Array>;
}

/** Thrown (internally) when a body passes the limit; the transport turns it into a typed error. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the body is larger than ${limit} bytes`);
  }
}

/** Joins chunks into one fresh buffer of exactly their length. */
export function joinChunks(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** The whole body, or BodyTooLargeError as soon as more than `limit` bytes came. */
export async function readBody(answer: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const own = (answer as Partial<LimitedBody>)[readBodyUpTo];
  if (own) return (await own.call(answer, limit)) as Uint8Array<ArrayBuffer>;
  if (!answer.body) return new Uint8Array(0);
  const reader = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return joinChunks(chunks, length);
    length += value.length;
    if (length > limit) {
      chunks.length = 0;
      reader.cancel().catch(() => {}); // stops the download (and any decoding) at once
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
}
