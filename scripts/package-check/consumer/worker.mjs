// A Cloudflare Worker that creates a room through the installed package, bundled by workerd.mjs as
// wrangler does (export conditions workerd, worker, browser) and run in workerd.
import { createSignalWireClient } from 'signalwire-rest';
import { createRoom } from './create-room.cjs';

export default {
  async fetch(_request, env) {
    try {
      return new Response(`workerd: ${await createRoom(createSignalWireClient, env.MOCK_URL)}`);
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
