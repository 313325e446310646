// The answer body's size limit. Past it, reading stops at once and the connection is dropped, so
// memory stays near the limit however much the server sends (decoded bytes count: a gzip bomb stops
// too). node-send.ts counts its own chunks; readBody() reads any other fetch's Response stream, and a
// webhook's Request stream (src/webhooks/read.ts).
import type { Answer } from './exchange.js';

/**
 * Thrown (internally) for an answer the client will not read on; the transport turns it into a
 * SignalWireInvalidResponseError whose message ends "answered <status> with <problem>".
 */
export class UnusableAnswerError extends Error {
  /** `answer`: the status and headers that came before the body (its body left out). */
  constructor(readonly problem: string, readonly answer: Answer) {
    super(problem);
  }
}

/** Thrown (internally) when a body passes the limit: a SignalWireResponseTooLargeError for the caller. */
export class BodyTooLargeError extends UnusableAnswerError {
  constructor(limit: number, answer: Answer) {
    super(`the body is larger than ${limit} bytes`, answer);
  }
}

/** The whole body as one buffer, or `tooLarge()`'s error as soon as more than `limit` bytes came. */
export async function readBody(body: ReadableStream<Uint8Array> | null, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      chunks.length = 0;
      reader.cancel().catch(() => {}); // stops the download (and any decoding) at once
      throw tooLarge();
    }
    chunks.push(value);
  }
  return joinChunks(chunks, length);
}

/** Chunks joined into one buffer of exactly their length (the one chunk itself when there is one). */
export function joinChunks(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
