// CommonJS end to end on Node 20: the testing entry's startMockServer() (Prism from the description
// shipped in the package, found through the CommonJS import.meta.url shim), then a room through it.
const { createSignalWireClient } = require('signalwire-rest');
const { startMockServer } = require('signalwire-rest/testing');
const { createRoom } = require('./create-room.cjs');

(async () => {
  const mock = await startMockServer();
  try {
    console.log(`node ${process.versions.node} (CJS, require('signalwire-rest/testing')): ${await createRoom(createSignalWireClient, mock.baseUrl)}`);
  } finally {
    await mock.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
