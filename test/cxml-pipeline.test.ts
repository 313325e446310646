// scripts/cxml-table.mjs treats SignalWire's cXML pages as untrusted input: hostile text planted in a copy
// of the pages is refused (a name that is not one) or written inert (a description, a value), and the
// corrections file is held to its rules (a reason each; no correction the pages made obsolete).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the pipeline step on a copy of the pages, changed by `plant`; its output or its refusal. */
function generate(plant: (dir: string) => void): { status: number; stderr: string; code: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cxml-pages-'));
  scratch.push(dir);
  cpSync('openapi/cxml', join(dir, 'cxml'), { recursive: true });
  plant(join(dir, 'cxml'));
  const out = join(dir, 'cxml.ts');
  try {
    execFileSync('node', ['scripts/cxml-table.mjs', join(dir, 'cxml'), join(dir, 'cxml', 'corrections.yaml'), out], { stdio: 'pipe' });
    return { status: 0, stderr: '', code: readFileSync(out, 'utf8') };
  } catch (error) {
    const failure = error as { status: number; stderr: Buffer };
    return { status: failure.status, stderr: failure.stderr.toString(), code: '' };
  }
}

const edit = (dir: string, page: string, change: (text: string) => string) =>
  writeFileSync(join(dir, page), change(readFileSync(join(dir, page), 'utf8')));

/** The generated module as JavaScript without its comments, and its syntax errors. */
function compiled(code: string) {
  const output = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { removeComments: true, module: ts.ModuleKind.ESNext } });
  return { js: output.outputText, errors: (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')) };
}

describe('hostile pages', () => {
  it('the pages as vendored give the committed table', () => {
    const body = (code: string) => code.replace(/^(\/\/.*\n)+/, ''); // the banner names the pages' folder
    expect(body(generate(() => undefined).code)).toBe(body(readFileSync('generated/cxml.ts', 'utf8')));
  });

  it.each([
    ['an element title that is code', 'voice/say.mdx', (text: string) => text.replace('title: Say', 'title: Say"]; process.exit(1); //'), /voice\/say\.mdx title: .* is refused: a name must be letters/],
    ['an element whose method would shadow the builder', 'voice/say.mdx', (text: string) => text.replace('title: Say', 'title: Constructor'), /is refused: an element is named by a capital letter/],
    ['an attribute name that is code', 'voice/say.mdx', (text: string) => text.replace('path="loop"', 'path="loop?: number; evil(): void; x"'), /<Say> attribute: .* is refused/],
    ['an attribute type nobody knows', 'voice/say.mdx', (text: string) => text.replace('path="loop" type="integer"', 'path="loop" type="Function"'), /<Say> loop: "Function" is refused: a type must be one of/],
    ['a noun that no page documents', 'voice/gather.mdx', (text: string) => text.replace('- `<Say>`:', '- `<Say>`:\n- `<Evil>`:'), null],
  ])('refuses %s, naming the page', (_, page, change, message) => {
    const result = generate((dir) => edit(dir, page, change));
    if (message === null) {
      // An unknown element in a list is not an element of the table: nothing about it reaches the code.
      expect(result.status).toBe(0);
      expect(result.code).not.toContain('Evil');
    } else {
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it('writes hostile descriptions and values inert', () => {
    const result = generate((dir) => {
      edit(dir, 'voice/say.mdx', (text) =>
        text
          .replace('The attribute `loop` specifies', '*/ export const pwned = 1; /* \u2028 // pwned\n@internal pwned')
          .replace('path="voice" type="string" default="woman"', 'path="voice" type="string" default="*/ pwned() /*"'),
      );
      edit(dir, 'voice/reject.mdx', (text) => text.replace('**busy** and **rejected**', '`busy"; pwned(); "` and `</script>` and **rejected**'));
    });
    expect(result.status).toBe(0);
    const { js, errors } = compiled(result.code);
    expect(errors).toEqual([]);
    expect(js).not.toContain('pwned');
    expect(result.code).toContain('"busy\\"; pwned(); \\""'); // the value, as a string literal type
  });
});

describe('corrections', () => {
  it.each([
    ['one without a reason', (text: string) => `${text}\n- target: voice/Say@loop\n  set: { default: '2' }\n`, /correction \d+: every correction states its reason/],
    ['one the pages made obsolete', (text: string) => `${text}\n- target: voice/Say@loop\n  add: { type: integer }\n  reason: x\n`, /voice\/Say@loop is in the pages now: drop this correction/],
    ['one that changes nothing', (text: string) => `${text}\n- target: voice/Dial@method\n  set: { values: [GET, POST] }\n  reason: x\n`, /the pages already say this of voice\/Dial@method/],
  ])('refuses %s', (_, change, message) => {
    const result = generate((dir) => edit(dir, 'corrections.yaml', change));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
