// In a REPL or a log, a method shows what it calls: its name, HTTP method and path, all from the
// generated table (no per-operation code), instead of `[Function (anonymous)]`.
import { inspect } from 'node:util';
import { expect, test } from 'vitest';
import { createSignalWireClient } from '../src/index.js';
import { credentials } from './support/fixtures.js';

const client = createSignalWireClient({ baseUrl: 'http://127.0.0.1:9', ...credentials });

test.each([
  [client.fabric.conferenceRooms.create, 'fabric.conferenceRooms.create(): POST /api/fabric/resources/conference_rooms'],
  [client.video.rooms.list, 'video.rooms.list(): GET /api/video/rooms'],
  [client.compat.messages.create, 'compat.messages.create(): POST /Accounts/{AccountSid}/Messages'],
])('%s', (method, shown) => {
  expect(inspect(method)).toBe(`[Function: ${shown}]`);
  expect(String(method)).toBe(shown);
  expect(method.name).toBe(shown.slice(0, shown.indexOf('(')));
});

test('inspecting a resource lists its methods that way', () => {
  expect(inspect(client.fabric.conferenceRooms)).toContain('delete: [Function: fabric.conferenceRooms.delete(): DELETE /api/fabric/resources/conference_rooms/{id}]');
});
