// Listing everything: 10,000 rooms through conferenceRooms.list() (no page_size passed: the client
// picks its own) from a local server in another process that delays every answer by 50 ms, as a
// distant API would. Round trips are counted at the server. Two servers:
//   - one that honours page_size up to 1,000 (50 when none is asked), as the API does: the fewest
//     round trips it allows is ceil(10,000 / 1,000) = 10;
//   - one that ignores page_size and gives its own 50 a page: 200 round trips whatever the client does.
// Every room must arrive, or the script fails.
import { createSignalWireClient } from '../src/index.js';
import { credentials } from '../test/support/fixtures.js';
import { startApiServer } from './api-server.js';
import { row } from './table.js';

const ROOMS = 10_000;
const MAX_PAGE = 1_000;
const SERVER_PAGE = 50;
const LATENCY_MS = 50;

async function listAll(env: Record<string, string>): Promise<{ trips: number; seconds: number }> {
  const server = await startApiServer({
    BENCH_ROOMS: String(ROOMS),
    BENCH_PAGE_SIZE: String(SERVER_PAGE),
    BENCH_LATENCY_MS: String(LATENCY_MS),
    ...env,
  });
  const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
  const ids = new Set<string>();
  const started = performance.now();
  for await (const room of client.fabric.conferenceRooms.list()) ids.add(room.id!);
  const seconds = (performance.now() - started) / 1000;
  const { requests } = await server.stats();
  server.close();
  if (ids.size !== ROOMS) throw new Error(`received ${ids.size} distinct rooms, expected ${ROOMS}`);
  return { trips: requests, seconds };
}

const honoured = await listAll({ BENCH_MAX_PAGE_SIZE: String(MAX_PAGE) });
const ignored = await listAll({});
const fewest = Math.ceil(ROOMS / MAX_PAGE);
const serverGives = Math.ceil(ROOMS / SERVER_PAGE);
const result = ({ trips, seconds }: { trips: number; seconds: number }) =>
  `${trips} round trips, ${seconds.toFixed(1)} s (all ${ROOMS.toLocaleString('en-US')} rooms received)`;

console.log(
  JSON.stringify([
    row({
      part: 'list everything',
      case: `${ROOMS.toLocaleString('en-US')} rooms, server honours page_size ≤ ${MAX_PAGE} (${SERVER_PAGE} by default), ${LATENCY_MS} ms a round trip`,
      result: result(honoured),
      comparedWith: `fewest the API allows: ${fewest} (${((fewest * LATENCY_MS) / 1000).toFixed(1)} s of latency)`,
      target: `${fewest} round trips`,
      met: honoured.trips <= fewest,
    }),
    row({
      part: 'list everything',
      case: `${ROOMS.toLocaleString('en-US')} rooms, server ignores page_size and gives ${SERVER_PAGE} a page, ${LATENCY_MS} ms a round trip`,
      result: result(ignored),
      comparedWith: `what the server gives: ${serverGives}`,
      target: `whatever the server gives (${serverGives})`,
      met: ignored.trips === serverGives,
    }),
  ]),
);
