// The words of compile errors a newcomer meets first, read from tsc itself (a type-level test can say
// that a call fails to compile, not what the error says).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(root, '.cache', 'type-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every diagnostic of `source` compiled as a module beside src/, with its related information, as text. */
function diagnosticsOf(source: string): string[] {
  const file = join(dir, 'sample.ts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true });
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) =>
    [diagnostic, ...(diagnostic.relatedInformation ?? [])].map((part) => ts.flattenDiagnosticMessageText(part.messageText, '\n')).join('\n'),
  );
}

test('a Bearer method called without options names subscriberToken', () => {
  const src = JSON.stringify(join(root, 'src/index.js'));
  const diagnostics = diagnosticsOf(`
import { createSignalWireClient } from ${src};
const client = createSignalWireClient();
void client.fabric.addresses.list();
void client.fabric.addresses.get('0f3c5b2e-8d7a-4e61-9b54-2a1c3d4e5f60');
`);
  expect(diagnostics).toHaveLength(2);
  for (const text of diagnostics) expect(text).toMatch(/An argument for 'optionsWithSubscriberToken' was not provided/);
}, 60_000);
