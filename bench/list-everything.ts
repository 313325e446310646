// Listing everything: 10,000 rooms from a local server in another process that delays every answer
// by 50 ms, as a distant API would, and honours page_size up to 1,000 (50 when none is asked), as
// SignalWire does. Round trips are counted at the server. Two lists, neither given a page_size by
// the caller:
//   - video.rooms.list() declares page_size (1-1000): the client asks for 1,000 itself, and the
//     fewest round trips the API allows is ceil(10,000 / 1,000) = 10;
//   - fabric.conferenceRooms.list() declares none: the client follows links.next at whatever page
//     size the server gives, 200 round trips here.
// Every room must arrive, or the script fails.
import { createSignalWireClient, type Paginator } from './package.js';
import { credentials } from '../test/support/fixtures.js';
import { startApiServer } from './api-server.js';
import { row } from './table.js';

const ROOMS = 10_000;
const MAX_PAGE = 1_000;
const SERVER_PAGE = 50;
const LATENCY_MS = 50;

type Client = ReturnType<typeof createSignalWireClient>;

async function listAll(list: (client: Client) => Paginator<{ id?: string }>): Promise<{ trips: number; seconds: number }> {
  const server = await startApiServer({
    BENCH_ROOMS: String(ROOMS),
    BENCH_PAGE_SIZE: String(SERVER_PAGE),
    BENCH_MAX_PAGE_SIZE: String(MAX_PAGE),
    BENCH_LATENCY_MS: String(LATENCY_MS),
  });
  const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
  const ids = new Set<string>();
  const started = performance.now();
  for await (const room of list(client)) ids.add(room.id!);
  const seconds = (performance.now() - started) / 1000;
  const { requests } = await server.stats();
  server.close();
  if (ids.size !== ROOMS) throw new Error(`received ${ids.size} distinct rooms, expected ${ROOMS}`);
  return { trips: requests, seconds };
}

const declared = await listAll((client) => client.video.rooms.list());
const undeclared = await listAll((client) => client.fabric.conferenceRooms.list());
const fewest = Math.ceil(ROOMS / MAX_PAGE);
const serverGives = Math.ceil(ROOMS / SERVER_PAGE);
const result = ({ trips, seconds }: { trips: number; seconds: number }) =>
  `${trips} round trips, ${seconds.toFixed(1)} s (all ${ROOMS.toLocaleString('en-US')} rooms received)`;
const setting = `${ROOMS.toLocaleString('en-US')} rooms, ${LATENCY_MS} ms a round trip, server: page_size ≤ ${MAX_PAGE}, ${SERVER_PAGE} by default`;

console.log(
  JSON.stringify([
    row({
      part: 'list everything',
      case: `video.rooms.list() (declares page_size ≤ ${MAX_PAGE}), ${setting}`,
      result: result(declared),
      comparedWith: `fewest the API allows: ${fewest} (${((fewest * LATENCY_MS) / 1000).toFixed(1)} s of latency)`,
      target: `${fewest} round trips`,
      met: declared.trips <= fewest,
    }),
    row({
      part: 'list everything',
      case: `fabric.conferenceRooms.list() (declares no page_size), ${setting}`,
      result: result(undeclared),
      comparedWith: `what the server gives: ${serverGives}`,
      target: `whatever the server gives (${serverGives})`,
      met: undeclared.trips === serverGives,
    }),
  ]),
);
