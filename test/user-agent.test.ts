// The User-Agent names the package at the version package.json declares, and the runtime.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { userAgent, VERSION } from '../src/user-agent.js';

test('VERSION is the version in package.json', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(VERSION).toBe(version);
});

test.each([
  [{ process: { versions: { node: '20.20.2' } } }, `signalwire-rest/${VERSION} node/20.20.2`],
  [{ Bun: { version: '1.2.3' }, process: { versions: { node: '24.3.0' } } }, `signalwire-rest/${VERSION} bun/1.2.3`],
  [{ Deno: { version: { deno: '2.4.0' } }, process: { versions: { node: '22.0.0' } } }, `signalwire-rest/${VERSION} deno/2.4.0`],
  [{}, undefined], // a browser: its own User-Agent stays
])('for the runtime %j: %s', (globals, expected) => {
  expect(userAgent(globals)).toBe(expected);
});
