// Lazy, link-following pagination. A page is requested only when the previous one has been consumed,
// and only the current page is held. links.next is followed only under the client's base URL (its
// origin and path prefix: the request carries the credentials), never twice (a server whose links
// loop would never end; links are compared without their fragment, which never reaches the server),
// and not past MAX_EMPTY_PAGES empty pages in a row (a server that answers
// endless empty pages would keep a `for await` over items from ever running its body).
import { SignalWireInvalidResponseError, SignalWirePaginationError } from './errors.js';
import { quote } from './server-text.js';
import { isRecord, kindOf } from './shape.js';
import { lastAnswer } from './response.js';
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
  /** The raw answer this page came from (status, headers, request id); not enumerable, not in JSON. */
  readonly response?: Response;
}

/** Requests one page through `call` (the first when `next` is undefined, else the page at that URL) and resolves to its parsed body. */
export type PageFetcher = (call: Call, next: URL | undefined) => Promise<unknown>;

/** Iterate items with `for await`, or whole pages with `.pages()`. */
export interface Paginator<T> extends AsyncIterable<T> {
  pages(): AsyncGenerator<Page<T>, void, undefined>;
}

/** Empty pages in a row (each with a links.next) after which the paginator gives up with a SignalWirePaginationError. */
export const MAX_EMPTY_PAGES = 10;

/** What is wrong with a page's shape, or undefined when it is a page. */
function pageProblem(page: unknown): string | undefined {
  if (!isRecord(page)) return `a page that is ${kindOf(page)}, not an object`;
  if (!Array.isArray(page.data)) return `a page whose \`data\` is ${kindOf(page.data)}, not an array`;
  const { links } = page;
  if (links !== undefined && links !== null && !isRecord(links)) return 'a page whose `links` is not an object';
  const next = links?.next;
  if (next !== undefined && next !== null && typeof next !== 'string') return 'a page whose `links.next` is not a string';
  const bad = page.data.findIndex((item) => !isRecord(item));
  if (bad !== -1) return `a page whose item ${bad} is ${kindOf(page.data[bad])}, not an object`;
  return undefined;
}

/**
 * Remembers the URLs already read, as 53-bit hashes: memory stays small however long or many the
 * links (a Set of the URLs themselves grew by each link's length, per page).
 */
class VisitedUrls {
  readonly #hashes = new Set<number>();
  /** Adds `url`; false when it was there already. */
  add(url: string): boolean {
    // Two 32-bit multiplicative hashes (FNV-1a and a murmur-like one), joined into one safe integer.
    let low = 0x811c9dc5;
    let high = 0x01000193;
    for (let i = 0; i < url.length; i++) {
      const code = url.charCodeAt(i);
      low = Math.imul(low ^ code, 0x01000193);
      high = Math.imul(high ^ code, 0x5bd1e995) ^ (high >>> 15);
    }
    const hash = (high >>> 11) * 2 ** 32 + (low >>> 0);
    if (this.#hashes.has(hash)) return false;
    this.#hashes.add(hash);
    return true;
  }
}

/** True when `url` is the base URL itself or below it (same origin, same path prefix). */
function isUnder(url: URL, base: URL): boolean {
  const prefix = base.pathname.replace(/\/+$/, '');
  return url.origin === base.origin && (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
}

/** The URL as the server sees it: everything before the fragment (an empty one, "#", included). */
function withoutFragment({ href }: URL): string {
  const hash = href.indexOf('#'); // a serialized URL has no "#" before its fragment
  return hash === -1 ? href : href.slice(0, hash);
}

export function paginate<T>(
  startCall: (options?: CallOptions) => Call,
  options: CallOptions | undefined,
  baseUrl: string,
  fetchPage: PageFetcher,
): Paginator<T> {
  const base = new URL(baseUrl);
  // A suspended generator keeps every local it ever held, dead or not. So the call (which holds the
  // page's raw body) lives only in read(), and the generator holds the page in one variable that it
  // clears before the next page is read: while page N+1 is fetched and parsed, page N is the
  // caller's to keep or drop, not ours.
  async function read(next: URL | undefined, from: { url: string }): Promise<Page<T>> {
    const call = startCall(options);
    const page = await fetchPage(call, next);
    const problem = pageProblem(page);
    if (problem) throw new SignalWireInvalidResponseError(problem, lastAnswer(call), call);
    from.url = call.url;
    return page as Page<T>;
  }

  async function* pages(): AsyncGenerator<Page<T>, void, undefined> {
    const visited = new VisitedUrls();
    const from = { url: '' }; // the URL of the page just read
    let next: URL | undefined;
    let page: Page<T> | undefined;
    let emptyInARow = 0;
    for (;;) {
      page = await read(next, from);
      visited.add(withoutFragment(new URL(from.url)));
      emptyInARow = page.data.length === 0 ? emptyInARow + 1 : 0;
      yield page;
      const link = page.links?.next;
      page = undefined;
      if (!link) return;
      if (emptyInARow >= MAX_EMPTY_PAGES) {
        throw new SignalWirePaginationError(
          `Pagination stopped: ${emptyInARow} empty pages in a row, each with a links.next ` +
            `(the limit is ${MAX_EMPTY_PAGES}); the server keeps answering nothing.`,
          from.url,
        );
      }
      next = new URL(link, from.url); // absolute, root-relative and relative links alike
      if (!isUnder(next, base)) {
        throw new SignalWirePaginationError(
          `Refused to follow links.next to ${quote(`${next.origin}${next.pathname}`)}: it is not under the ` +
            `client's base URL (${baseUrl}), and following it would send your credentials there.`,
          from.url,
        );
      }
      // A fragment-only link ("#2") is the page just read: refused here too.
      if (!visited.add(withoutFragment(next))) {
        throw new SignalWirePaginationError(
          `Pagination loop: links.next points back to ${quote(next.href)}, a page already read; stopping.`,
          from.url,
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
