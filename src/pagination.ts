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
  // A suspended generator keeps every local it ever held, dead or not. So the call (which holds the
  // page's raw body) lives only in read(), and the generator holds the page in one variable that it
  // clears before the next page is read: while page N+1 is fetched and parsed, page N is the
  // caller's to keep or drop, not ours.
  async function read(next: URL | undefined, from: { url: string }): Promise<Page<T>> {
    const call = startCall(options);
    const page = await unwrap(call, fetchPage(call, next));
    from.url = call.url;
    return page;
  }

  async function* pages(): AsyncGenerator<Page<T>, void, undefined> {
    const visited = new Set<string>();
    const from = { url: '' }; // the URL of the page just read
    let next: URL | undefined;
    let page: Page<T> | undefined;
    for (;;) {
      page = await read(next, from);
      visited.add(new URL(from.url).href);
      yield page;
      const link = page.links?.next;
      page = undefined;
      if (!link) return;
      next = new URL(link, from.url); // absolute, root-relative and relative links alike
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
      for await (const page of pages()) {
        const items = page.data;
        for (let i = 0; i < items.length; i++) yield items[i]!;
        items.length = 0; // our own copy of the page: emptied, its items go before the next page is read
      }
    },
  };
}
