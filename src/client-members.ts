// The client's own members beside the operation families (client.fabric, client.compat, ...).
// scripts/operation-table.mjs reads the member names of this interface and refuses a family of the
// same name, so the two lists cannot drift; assembleClient() defines exactly these members.
import type { Client } from 'openapi-fetch';
import type { CompatPaths } from '../generated/compat.schema.js';
import type { paths } from '../generated/schema.js';

export interface ClientMembers {
  /** The API root every request goes to, e.g. https://example.signalwire.com. */
  readonly baseUrl: string;
  /**
   * The typed openapi-fetch client for every path of the description, with auth, retries and
   * timeouts applied. It returns `{ data, error, response }` instead of throwing on API errors.
   * Its middleware (`client.api.use()`) applies to its own calls: the methods do not go through it.
   */
  readonly api: Client<paths>;
  /**
   * The typed openapi-fetch client of the Compatibility API (paths under /api/laml/2010-04-01, the
   * AccountSid yours to fill), with auth, retries and timeouts applied.
   */
  readonly compatApi: Client<CompatPaths>;
}
