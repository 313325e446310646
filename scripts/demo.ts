// `make demo`: starts the Prism mock of both APIs, creates a room and sends a message through the
// client, and prints them. Against a real Space: createSignalWireClient() with the SIGNALWIRE_* variables set.
import { createSignalWireClient, SignalWireError } from '../src/index.js';
import { startMockServer } from '../src/testing.js';

const mock = await startMockServer();
try {
  // The mock's own options: its base URL and credentials every operation of both APIs accepts.
  const client = createSignalWireClient(mock.clientOptions);
  console.log(`Prism mock of SignalWire's REST and Compatibility APIs at ${mock.baseUrl}\n`);
  const room = await client.fabric.conferenceRooms.create({
    name: 'coffee_cafe',
    display_name: 'Coffee Cafe',
    enable_room_previews: true,
    max_members: 20,
    layout: 'grid-responsive',
    meta: { team: 'support', floors: [1, 2] },
  });
  // Prism answers with the description's example, not with what was sent: say so, or the room reads as
  // if the client had changed its fields (display_name "Reception", max_members 30 for 20 asked).
  console.log('client.fabric.conferenceRooms.create() sent a valid request; the mock answered with its canned example room');
  console.log("(the description's example data, not the fields sent):");
  console.log(JSON.stringify(room, null, 2));
  const message = await client.compat.messages.create({ From: '+15551230002', To: '+15551230001', Body: 'Your room is ready.' });
  console.log(`\nclient.compat.messages.create() sent message ${message.sid} (${message.status})`);
} catch (error) {
  console.error(error instanceof SignalWireError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await mock.close();
}
