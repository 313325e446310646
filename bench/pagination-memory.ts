// Pagination memory: 100,000 rooms in pages of 1,000 through conferenceRooms.list(), from a local
// server in another process. The same 100 pages of work are read three ways, each in a fresh
// process (V8 sizes its heap by what was allocated before, so runs must not share one):
//   100 listings of 1 page,  10 listings of 10 pages,  1 listing of 100 pages.
// If the client held on to anything per page, the long listing would peak above the short ones;
// reading one page at a time is the reference. Peaks are sampled every 100 rooms, garbage included
// (V8 lets up to 16 MB of young garbage pile up before a scavenge): a bare loop of global fetch and
// JSON.parse over the same pages shows what any client pays for that.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { row, type Row } from './table.js';

const PAGE = 1_000;
const TOTAL_PAGES = 100;
const RUNS = 3; // fresh processes per shape; the median counts
const MB = 2 ** 20;

interface Sample {
  pages: number;
  heap: number;
  rss: number;
  seconds: number;
}

async function measure(pages: number, bare: boolean): Promise<Sample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const { createSignalWireClient } = await import('./package.js');
  const { credentials } = await import('../test/support/fixtures.js');
  const { startApiServer } = await import('./api-server.js');
  const server = await startApiServer({ BENCH_ROOMS: String(pages * PAGE), BENCH_PAGE_SIZE: String(PAGE) });
  const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
  async function* bareList(): AsyncGenerator<{ id: string }> {
    let url: string | undefined = `${server.url}/api/fabric/resources/conference_rooms`;
    while (url) {
      const page = (await (await fetch(url)).json()) as { data: { id: string }[]; links: { next?: string } };
      yield* page.data;
      url = page.links.next && new URL(page.links.next, server.url).href;
    }
  }
  const list = () => (bare ? bareList() : client.fabric.conferenceRooms.list());
  const read = async (sample: () => void) => {
    let items = 0;
    for await (const room of list()) {
      if (!room.id) throw new Error('a room without an id');
      if (++items % 100 === 0) sample();
    }
    if (items !== pages * PAGE) throw new Error(`read ${items} rooms, expected ${pages * PAGE}`);
  };
  let warm = 0; // warm-up, the same for every shape: one page (code compiled, socket open)
  for await (const _ of list()) if (++warm === PAGE) break;
  for (let i = 0; i < 3; i++) gc();
  const base = process.memoryUsage();
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed - base.heapUsed);
    rss = Math.max(rss, now.rss - base.rss);
  };
  const started = performance.now();
  for (let listing = 0; listing < TOTAL_PAGES / pages; listing++) await read(sample);
  const seconds = (performance.now() - started) / 1000;
  server.close();
  return { pages, heap, rss, seconds };
}

function run(pages: number, bare = false): Sample {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), String(pages), ...(bare ? ['bare'] : [])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`pagination run of ${pages} pages failed`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Sample;
}

if (process.argv[2]) {
  console.log(JSON.stringify(await measure(Number(process.argv[2]), process.argv[3] === 'bare')));
} else {
  const shapes = [1, 10, 100];
  const BARE = 0; // key of the bare fetch loop's samples
  const samples = new Map<number, Sample[]>([...shapes, BARE].map((pages) => [pages, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const pages of shapes) samples.get(pages)!.push(run(pages));
    samples.get(BARE)!.push(run(TOTAL_PAGES, true));
  }
  const median = (pages: number, key: 'heap' | 'rss' | 'seconds') =>
    samples.get(pages)!.map((sample) => sample[key]).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const mb = (bytes: number) => `${bytes < 0 ? '−' : '+'}${(Math.abs(bytes) / MB).toFixed(1)} MB`;
  const rows: Row[] = shapes.map((pages) =>
    row({
      part: 'pagination memory',
      case: `${TOTAL_PAGES / pages} listing${pages < TOTAL_PAGES ? 's' : ''} of ${pages} page${pages > 1 ? 's' : ''} × ${PAGE.toLocaleString('en-US')} rooms`,
      result: `peak heap ${mb(median(pages, 'heap'))}, RSS ${mb(median(pages, 'rss'))} (${median(pages, 'seconds').toFixed(1)} s)`,
      comparedWith: 'the idle client after a collection',
      target: '',
      met: undefined,
    }),
  );
  rows.push(
    row({
      part: 'pagination memory',
      case: 'reference: bare global fetch + JSON.parse loop, 1 listing of 100 pages',
      result: `peak heap ${mb(median(BARE, 'heap'))}, RSS ${mb(median(BARE, 'rss'))} (${median(BARE, 'seconds').toFixed(1)} s)`,
      comparedWith: 'the idle process after a collection',
      target: '',
      met: undefined,
    }),
  );
  const LIMIT = 20 * MB;
  const heapGrowth = median(100, 'heap') - median(1, 'heap');
  const rssGrowth = median(100, 'rss') - median(1, 'rss');
  rows.push(
    row({
      part: 'pagination memory',
      case: '100,000 rooms in one listing, against one page at a time',
      result: `peak heap ${mb(heapGrowth)}, RSS ${mb(rssGrowth)}`,
      comparedWith: '100 listings of 1 page',
      target: 'growth < 20 MB',
      met: heapGrowth < LIMIT && rssGrowth < LIMIT,
    }),
  );
  // Noise between fresh processes is ~2-3 MB of peak; holding the pages would add ~1.5 MB per page.
  const SLACK = 5 * MB;
  const withPages = median(100, 'heap') - median(10, 'heap');
  rows.push(
    row({
      part: 'pagination memory',
      case: 'growth with the page count: 100 pages vs 10 per listing',
      result: `peak heap ${mb(withPages)}, RSS ${mb(median(100, 'rss') - median(10, 'rss'))}`,
      comparedWith: '10 listings of 10 pages',
      target: `none (noise < ${SLACK / MB} MB)`,
      met: withPages < SLACK,
    }),
  );
  console.log(JSON.stringify(rows));
}
