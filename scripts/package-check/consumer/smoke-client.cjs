// smoke-client.mjs through require(): the CommonJS build on each runtime.
const { createSignalWireClient } = require('signalwire-rest');
const { createRoom } = require('./create-room.cjs');

(async () => {
  const { runtimeName } = await import('./runtime-name.mjs');
  console.log(`${runtimeName} (CJS): ${await createRoom(createSignalWireClient, process.env.MOCK_URL)}`);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
