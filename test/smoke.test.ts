import { inject, expect, test } from 'vitest';
import { createSignalWireClient } from '../src/index.js';
import { credentials } from './support/fixtures.js';

test('creates a room against Prism', async () => {
  const client = createSignalWireClient({ baseUrl: inject('prismUrl'), ...credentials });
  const room = await client.conferenceRooms.create({ name: 'x', enable_room_previews: true });
  expect(room.type).toBe('video_room');
});
