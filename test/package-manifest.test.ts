// What package.json promises a newcomer: a description of what the package is, the references the
// README links shipped with it, and a Prism peer range that admits only releases that run on Node 20.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';

// npm's own range rules (semver, installed with the pinned tools).
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  description: string;
  files: string[];
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

test('the description names both APIs', () => {
  expect(manifest.description).toMatch(/REST and Compatibility/);
  expect(manifest.description).not.toMatch(/conference rooms/i);
});

test('both method references ship', () => {
  expect(manifest.files).toEqual(expect.arrayContaining(['generated/reference.md', 'generated/compat.reference.md']));
});

test('the Prism peer range admits the tested 5.14 and nothing that needs Node 24 (5.15 and later)', () => {
  const range = manifest.peerDependencies['@stoplight/prism-cli']!;
  expect(semver.satisfies(manifest.devDependencies['@stoplight/prism-cli']!, range)).toBe(true);
  for (const later of ['5.15.0', '5.16.0', '6.0.0']) expect(semver.satisfies(later, range), later).toBe(false);
});
