import { inspect } from 'node:util';
import { expect } from 'vitest';
import { API_TOKEN, PROJECT_ID } from './fixtures.js';

export const BASIC_AUTH = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString('base64')}`;
const SECRETS = [API_TOKEN, BASIC_AUTH, BASIC_AUTH.slice('Basic '.length)];

/** Fails when a secret shows in any view of `value`: inspect, JSON, String, and an error's message, stack and cause. */
export function expectNoSecret(value: unknown, secrets: readonly string[] = SECRETS) {
  const views = [
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    JSON.stringify(value, Object.getOwnPropertyNames(value ?? {})),
    JSON.stringify(value),
    String(value),
  ];
  if (value instanceof Error) views.push(value.message, value.stack ?? '', inspect(value.cause, { depth: Infinity }));
  for (const view of views) {
    for (const secret of secrets) expect(view).not.toContain(secret);
  }
}
