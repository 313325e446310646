// A Sender over a fetch function: the caller's `fetch` option, and the runtime's own fetch wherever
// node:http is not used (browsers, edge runtimes, Bun, Deno, a Node process that routed its fetch).
import { BodyTooLargeError, readBody } from './body-limit.js';
import { type Answer, NULL_BODY_STATUSES, type Sender } from './exchange.js';

export function fetchSender(send: typeof fetch): Sender {
  return (outgoing, maxResponseBytes) => {
    const controller = new AbortController();
    // Ends the attempt when it is cancelled even if a custom fetch ignores its signal.
    let abandon!: (reason: unknown) => void;
    const abandoned = new Promise<never>((_resolve, reject) => (abandon = reject));
    const exchange = (async (): Promise<Answer> => {
      const response = await send(outgoing.url, {
        method: outgoing.method,
        headers: outgoing.headers,
        body: (outgoing.body as BodyInit | undefined) ?? null,
        signal: controller.signal,
        redirect: 'manual', // never carry the credentials to wherever a redirect points
      });
      const { headers } = response;
      const answer = {
        status: response.status,
        statusText: response.statusText,
        url: response.url || outgoing.url,
        body: null as Uint8Array | null,
        header: (name: string) => headers.get(name) ?? undefined,
        headers: () => headers,
      };
      if (!NULL_BODY_STATUSES.has(response.status)) answer.body = await readBody(response.body, maxResponseBytes, () => new BodyTooLargeError(maxResponseBytes, answer));
      return answer;
    })();
    exchange.catch(() => {}); // when `abandoned` wins, the exchange's own failure is of no interest
    return {
      answer: Promise.race([exchange, abandoned]),
      cancel(reason) {
        controller.abort(reason);
        abandon(reason);
      },
    };
  };
}

/** The runtime's own fetch, looked up per call: a polyfill set later counts. */
export const globalFetchSender = fetchSender((input, init) => globalThis.fetch(input, init));
