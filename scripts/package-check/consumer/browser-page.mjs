// The page chromium.mjs loads: bundled for the browser from the installed package, it creates a room
// against the mock named in its query string and shows the outcome in the page title.
import { createSignalWireClient } from 'signalwire-rest';
import { createRoom } from './create-room.cjs';

const mockUrl = new URLSearchParams(location.search).get('mock');
createRoom(createSignalWireClient, mockUrl).then(
  (line) => (document.title = `ok ${line}`),
  (error) => (document.title = `failed: ${error?.stack ?? error}`),
);
