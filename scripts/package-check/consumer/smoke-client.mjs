// Run by every runtime (Node 20, Node 24, Bun, Deno): creates a room through the installed package
// against the Prism mock whose URL is in MOCK_URL, and prints one line about it.
import { createSignalWireClient } from 'signalwire-rest';

const runtime = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : globalThis.Bun
    ? `bun ${globalThis.Bun.version}`
    : `node ${process.versions.node}`;
const baseUrl = globalThis.Deno ? globalThis.Deno.env.get('MOCK_URL') : process.env.MOCK_URL;
const client = createSignalWireClient({
  baseUrl,
  projectId: 'ae2b2a88-0b7e-4c4d-9f6b-5a1b2c3d4e5f',
  apiToken: 'PTsmoke',
});
const room = await client.fabric.conferenceRooms.create({ name: 'smoke_room', enable_room_previews: true });
if (typeof room.id !== 'string' || typeof room.conference_room?.name !== 'string') {
  throw new Error(`unexpected answer: ${JSON.stringify(room)}`);
}
console.log(`${runtime} (ESM): created room ${room.id} "${room.conference_room.name}"`);
