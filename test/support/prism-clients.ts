// The two clients the contract tests call the Prism mock with.
import { createSignalWireClient } from '../../src/index.js';
import { credentials } from './fixtures.js';

/** A client of the mock, retries off (Prism answers the same way every time). */
export const mockClient = (baseUrl: string) => createSignalWireClient({ baseUrl, ...credentials, maxRetries: 0 });

/** A client that sends no Authorization header at all, as a caller without credentials would. */
export const clientWithoutCredentials = (baseUrl: string) =>
  createSignalWireClient({
    baseUrl,
    ...credentials,
    maxRetries: 0,
    fetch: (url, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('authorization');
      return fetch(url, { ...init, headers });
    },
  });
