/**
 * Jest with jsdom, as front-end projects run it: `require('signalwire-rest')` resolves with the
 * "browser" condition to the CommonJS fetch build, which creates a room against the Prism mock in
 * the README's jsdom environment (written here by runners.mjs).
 * @jest-environment ./jest.jsdom-environment.cjs
 */
const { createSignalWireClient } = require('signalwire-rest');
const { createRoom } = require('./create-room.cjs');

test('the browser build creates a room in jsdom', async () => {
  expect(require.resolve('signalwire-rest')).toMatch(/dist\/index\.browser\.cjs$/);
  expect(typeof window.document).toBe('object');
  expect(await createRoom(createSignalWireClient, process.env.MOCK_URL)).toMatch(/^created room /);
});
