// CommonJS end to end on Node 20: the testing entry's startMockServer() (Prism from the description
// shipped in the package, found through the CommonJS import.meta.url shim), then a room through it.
const { createSignalWireClient } = require('signalwire-rest');
const { startMockServer } = require('signalwire-rest/testing');

(async () => {
  const mock = await startMockServer();
  try {
    const client = createSignalWireClient({ baseUrl: mock.baseUrl, projectId: 'p', apiToken: 't' });
    const room = await client.fabric.conferenceRooms.create({ name: 'cjs_room', enable_room_previews: true });
    console.log(`node ${process.versions.node} (CJS, require('signalwire-rest/testing')): created room ${room.id}`);
  } finally {
    await mock.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
