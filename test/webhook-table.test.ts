// Issue 21: the webhook table covers every webhook of both descriptions (counted from openapi/, not
// pinned), with the media types the patched descriptions declare; the script that writes it lets no
// description text run as code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { webhookExamples } from '../generated/webhook-examples.js';
import { webhookTable } from '../generated/webhooks.js';

const read = (path: string) => parse(readFileSync(path, 'utf8')) as { webhooks?: Record<string, { post: { requestBody: { content: object } } }> };
const vendored = ['openapi/signalwire-rest.openapi.yaml', 'openapi/compatibility.openapi.yaml'].map(read);
const patched = ['generated/openapi.yaml', 'generated/compat.openapi.yaml'].map(read);

test('every webhook of both vendored descriptions is in the table, and nothing else', () => {
  const names = vendored.flatMap((description) => Object.keys(description.webhooks ?? {}));
  expect(names.length).toBeGreaterThan(0);
  expect(Object.keys(webhookTable).sort()).toEqual([...names].sort());
});

test("each webhook's media types are its patched description's, and it has an example payload", () => {
  for (const description of patched) {
    for (const [name, item] of Object.entries(description.webhooks ?? {})) {
      expect(webhookTable[name as keyof typeof webhookTable], name).toEqual(Object.keys(item.post.requestBody.content));
      expect(webhookExamples[name], name).toBeTypeOf('object');
    }
  }
});

test('the Compatibility callbacks come as form fields first and accept JSON', () => {
  const compat = Object.keys(vendored[1]!.webhooks ?? {});
  expect(compat.length).toBeGreaterThan(0);
  for (const name of compat) {
    expect(webhookTable[name as keyof typeof webhookTable]).toEqual(['application/x-www-form-urlencoded', 'application/json']);
  }
});

function runTable(description: object): { status: number; output: string; table?: string; examples?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'webhook-table-'));
  writeFileSync(join(dir, 'd.json'), JSON.stringify(description));
  try {
    execFileSync(process.execPath, ['scripts/webhook-table.mjs', join(dir, 'w.ts'), join(dir, 'e.ts'), `./s.js=${join(dir, 'd.json')}`], { stdio: 'pipe' });
    return { status: 0, output: '', table: readFileSync(join(dir, 'w.ts'), 'utf8'), examples: readFileSync(join(dir, 'e.ts'), 'utf8') };
  } catch (error) {
    const failed = error as { status: number; stderr: Buffer };
    return { status: failed.status, output: failed.stderr.toString() };
  }
}

const webhook = (schema: object, type = 'application/json') => ({ post: { summary: 's', requestBody: { content: { [type]: { schema } } }, responses: { 200: { description: 'ok' } } } });

test('a hostile webhook name or media type stops the script, naming where it is', () => {
  const named = runTable({ webhooks: { "x']; process.exit(1); //": webhook({}) } });
  expect(named.status).not.toBe(0);
  expect(named.output).toMatch(/#\/webhooks\/.*is refused: a name must be letters/);
  const typed = runTable({ webhooks: { ok: webhook({}, 'application/json"];alert(1)//') } });
  expect(typed.output).toMatch(/requestBody\/content.*is refused: a media type/);
});

test('hostile examples and summaries are written inert', async () => {
  const evil = '*/ globalThis.pwned = 1; /* </script> \u2028 "\'';
  const result = runTable({
    webhooks: {
      ok: { post: { ...webhook({ type: 'object', properties: { [evil]: { type: 'string', examples: [evil] } } }).post, summary: evil } },
    },
  });
  expect(result.status).toBe(0);
  expect(result.table).not.toContain('*/ globalThis');
  const dir = mkdtempSync(join(tmpdir(), 'webhook-examples-'));
  writeFileSync(join(dir, 'e.ts'), result.examples!);
  const { webhookExamples: examples } = (await import(join(dir, 'e.ts'))) as { webhookExamples: Record<string, object> };
  expect(examples.ok).toEqual({ [evil]: evil });
  expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
});
