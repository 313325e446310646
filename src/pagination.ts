// Lazy, link-following pagination. A page is requested only when the previous one has been consumed,
// and only the current page is held. links.next is followed only on the client's own origin (the
// request carries the credentials) and never twice (a server whose links loop would never end).
import { SignalWireError } from './errors.js';
import { unwrap, type FetchResult } from './response.js';
import type { Call, CallOptions } from './transport.js';

export interface PaginationLinks {
  self: string;
  first: string;
  next?: string;
  prev?: string;
}

export interface Page<T> {
  data: T[];
  links: PaginationLinks;
}

/** Requests one page: the first when `next` is undefined, else the page at that URL. */
export type PageFetcher<T> = (call: Call, next: URL | undefined) => Promise<FetchResult<Page<T>>>;

/** Iterate items with `for await`, or whole pages with `.pages()`. */
export interface Paginator<T> extends AsyncIterable<T> {
  pages(): AsyncGenerator<Page<T>, void, undefined>;
}

export function paginate<T>(
  startCall: (options?: CallOptions) => Call,
  options: CallOptions | undefined,
  origin: string,
  fetchPage: PageFetcher<T>,
): Paginator<T> {
  async function* pages(): AsyncGenerator<Page<T>, void, undefined> {
    const visited = new Set<string>();
    let next: URL | undefined;
    for (;;) {
      const call = startCall(options);
      const page = await unwrap(call, fetchPage(call, next));
      visited.add(new URL(call.url).href);
      yield page;
      const link = page.links?.next;
      if (!link) return;
      next = new URL(link, call.url); // absolute, root-relative and relative links alike
      if (next.origin !== origin) {
        throw new SignalWireError(
          `Refused to follow links.next to ${next.origin}: it is not the client's origin (${origin}), ` +
            'and following it would send your credentials there.',
        );
      }
      if (visited.has(next.href)) {
        throw new SignalWireError(
          `Pagination loop: links.next points back to ${next.href}, a page already read; stopping.`,
        );
      }
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.data;
    },
  };
}
