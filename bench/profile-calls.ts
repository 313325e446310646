// The workload `make profile` profiles (bench/profile.ts starts it under --cpu-prof): as many
// conferenceRooms.create() calls as its second argument says, 64 in flight, against bench/server.ts
// in another process. Then it writes, into the directory named as its first argument, the source
// maps of the repository's TypeScript modules it loaded (tsx transpiles them), so that the profile's
// lines can be read as the sources'.
import { readdirSync, writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSignalWireClient } from './package.js';
import { credentials } from '../test/support/fixtures.js';
import { startApiServer } from './api-server.js';

const [dir, calls] = process.argv.slice(2);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 64);
const body = { name: 'coffee_cafe', display_name: 'Coffee Cafe', enable_room_previews: true };

const server = await startApiServer();
const client = createSignalWireClient({ baseUrl: server.url, ...credentials });
let left = Number(calls);
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (left-- > 0) await client.fabric.conferenceRooms.create(body);
  }),
);
server.close();

const root = fileURLToPath(new URL('..', import.meta.url));
const maps: Record<string, unknown> = {};
const files = ['src', 'generated', 'bench', 'test/support'].flatMap((folder) =>
  readdirSync(`${root}${folder}`, { recursive: true, encoding: 'utf8' }).map((file) => `${folder}/${file}`),
);
for (const file of files.filter((name) => name.endsWith('.ts'))) {
  const url = pathToFileURL(`${root}${file}`).href;
  const map = findSourceMap(url);
  if (map) maps[url] = map.payload;
}
writeFileSync(`${dir}/source-maps.json`, JSON.stringify(maps));
