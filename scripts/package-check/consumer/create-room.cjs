// The one call every runtime check of `make check-package` makes through the installed package
// (Node 20 and 24, Bun, Deno, workerd, Chromium, Jest's jsdom): create a room against the Prism
// mock at baseUrl. Kept here alone so that a change to the client's API is one edit; CommonJS, which
// every one of them can load (Jest without its experimental ESM support included).
exports.createRoom = async function createRoom(createSignalWireClient, baseUrl, options = {}) {
  const client = createSignalWireClient({
    baseUrl,
    projectId: 'ae2b2a88-0b7e-4c4d-9f6b-5a1b2c3d4e5f',
    apiToken: 'PTsmoke',
    ...options,
  });
  const room = await client.fabric.conferenceRooms.create({ name: 'smoke_room', enable_room_previews: true });
  if (typeof room.id !== 'string' || typeof room.conference_room?.name !== 'string') {
    throw new Error(`unexpected answer: ${JSON.stringify(room)}`);
  }
  return `created room ${room.id} "${room.conference_room.name}"`;
};
