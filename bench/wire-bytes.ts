// Bytes on the wire for one page of 1,000 rooms read through conferenceRooms.list().pages(): from a
// server that compresses when the request's accept-encoding allows (br preferred, then gzip), against
// one that ignores accept-encoding and answers uncompressed. The bytes are those the server's socket
// wrote for the answer (status line, headers and body): what the client received. The page must
// decode to its 1,000 rooms, or the script fails. The bench's rooms differ only in their ids, so the
// ratio is far better than real rooms would give; what it shows is that compression is negotiated.
import { createSignalWireClient } from './package.js';
import { credentials } from '../test/support/fixtures.js';
import { startApiServer } from './api-server.js';
import { row } from './table.js';

const PAGE = 1_000;

async function firstPageBytes(env: Record<string, string>): Promise<number> {
  const server = await startApiServer({ BENCH_ROOMS: String(PAGE), BENCH_PAGE_SIZE: String(PAGE), ...env });
  const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
  const before = await server.stats();
  const { value: page } = await client.fabric.conferenceRooms.list().pages().next();
  const after = await server.stats();
  server.close();
  const ids = new Set(page?.data.map((room) => room.id));
  if (ids.size !== PAGE) throw new Error(`the page decoded to ${ids.size} distinct rooms, expected ${PAGE}`);
  return after.bytes - before.bytes;
}

const compressed = await firstPageBytes({ BENCH_COMPRESS: '1' });
const uncompressed = await firstPageBytes({});
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

console.log(
  JSON.stringify([
    row({
      part: 'wire bytes',
      case: `one page of ${PAGE.toLocaleString('en-US')} rooms, compression negotiated (server: br, else gzip)`,
      result: `${kb(compressed)} received (${(compressed / uncompressed).toFixed(3)}× uncompressed)`,
      comparedWith: `uncompressed (server ignores accept-encoding): ${kb(uncompressed)}`,
      target: 'smaller than uncompressed',
      met: compressed < uncompressed,
    }),
  ]),
);
