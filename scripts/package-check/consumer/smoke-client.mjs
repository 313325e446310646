// Run by every runtime (Node 20, Node 24, Bun, Deno): creates a room through the installed package
// against the Prism mock whose URL is in MOCK_URL, and prints one line about it.
import { createSignalWireClient } from 'signalwire-rest';
import { createRoom } from './create-room.cjs';
import { runtimeName } from './runtime-name.mjs';

const baseUrl = globalThis.Deno ? globalThis.Deno.env.get('MOCK_URL') : process.env.MOCK_URL;
console.log(`${runtimeName} (ESM): ${await createRoom(createSignalWireClient, baseUrl)}`);
