// smoke-client.mjs through require(): the CommonJS build on each runtime.
const { createSignalWireClient } = require('signalwire-rest');

const runtime = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${globalThis.Bun.version}`
    : `node ${process.versions.node}`;
const client = createSignalWireClient({
  baseUrl: process.env.MOCK_URL,
  projectId: 'ae2b2a88-0b7e-4c4d-9f6b-5a1b2c3d4e5f',
  apiToken: 'PTsmoke',
});
client.fabric.conferenceRooms.create({ name: 'smoke_room', enable_room_previews: true }).then((room) => {
  if (typeof room.id !== 'string') throw new Error(`unexpected answer: ${JSON.stringify(room)}`);
  console.log(`${runtime} (CJS): created room ${room.id} "${room.conference_room.name}"`);
});
