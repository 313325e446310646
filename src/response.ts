// Turns a call's answer into the typed result, or into the most specific SignalWireError.
import { type AnswerInfo, apiErrorFor, SignalWireInvalidResponseError } from './errors.js';
import { type Answer, requestIdOf, textOf } from './exchange.js';
import type { Call } from './transport.js';

/**
 * The parsed body of a 2xx answer (undefined when it has none); a SignalWireApiError for any other
 * status, and a SignalWireInvalidResponseError for a 2xx body that is not JSON.
 */
export function resultOf(call: Call, answer: Answer): unknown {
  const text = textOf(answer.body);
  if (answer.status < 200 || answer.status > 299) {
    let body: unknown = text || undefined;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the error keeps the text
    }
    throw apiErrorFor(answer.status, body, requestIdOf(answer), call);
  }
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SignalWireInvalidResponseError('a body that is not valid JSON', lastAnswer(call), call, { cause: error });
  }
}

// An excerpt is all an error keeps: decoding more of a large body would be wasted.
const TEXT_BYTES = 16 * 1024;

/** What an error may say about the call's last answer. */
export function lastAnswer(call: Call): AnswerInfo {
  const answer = call.last!;
  return { status: answer.status, text: textOf(answer.body?.subarray(0, TEXT_BYTES) ?? null), requestId: requestIdOf(answer) };
}
