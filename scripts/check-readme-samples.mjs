// `make check-readme`: type-checks every ```ts (or ```typescript) block of README.md with tsc, under the
// project's compiler options (tsconfig.json: strict and the rest), against src/: 'signalwire-rest' and
// 'signalwire-rest/testing' and 'signalwire-rest/cxml' map to src/index.ts, src/testing.ts and src/cxml.ts. Each block is its own ES module,
// so samples may use top-level await and may declare the same names. Errors point at README lines.
// A block whose info string has `no-check` (```ts no-check) is skipped and counted.
// Usage: node scripts/check-readme-samples.mjs [README.md]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = resolve(process.argv[2] ?? join(root, 'README.md'));
const shown = relative(process.cwd(), readme) || readme;
if (!existsSync(readme)) {
  console.log(`${shown} does not exist yet: no samples to check.`);
  process.exit(0);
}

// Fenced blocks: an opening fence of 3+ backticks or tildes, closed by the same fence at least as long.
const lines = readFileSync(readme, 'utf8').split(/\r?\n/);
const samples = [];
let skipped = 0;
for (let i = 0; i < lines.length; i++) {
  const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i]);
  if (!open) continue;
  const [, fence, lang, rest] = open;
  let end = i + 1;
  while (end < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[end])) end++;
  if (/^(ts|typescript)$/i.test(lang)) {
    if (/\bno-check\b/.test(rest)) skipped++;
    else samples.push({ start: i + 2, body: lines.slice(i + 1, end) });
  }
  i = end;
}

const out = join(root, '.cache', 'readme-samples');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// Each sample sits at its README line numbers (blank lines above it), so tsc's positions are README's.
samples.forEach(({ start, body }, n) => {
  const text = `${'\n'.repeat(start - 1)}${body.join('\n')}\nexport {};\n`;
  writeFileSync(join(out, `sample-${n + 1}.mts`), text);
});
const fromOut = (file) => relative(out, join(root, file)).split('\\').join('/');
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: fromOut('tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        // A sample may name a value only to show its type.
        noUnusedLocals: false,
        noUnusedParameters: false,
        paths: {
          'signalwire-rest': [fromOut('src/index.ts')],
          'signalwire-rest/testing': [fromOut('src/testing.ts')],
          'signalwire-rest/cxml': [fromOut('src/cxml.ts')],
        },
      },
      include: ['*.mts'],
    },
    null,
    2,
  ),
);

if (samples.length === 0) {
  console.log(`${shown}: no \`\`\`ts blocks${skipped ? ` (${skipped} marked no-check)` : ''}.`);
  process.exit(0);
}
const tsc = spawnSync(join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ['-p', join(out, 'tsconfig.json'), '--pretty', 'false'], {
  encoding: 'utf8',
});
if (tsc.error) throw tsc.error;
// sample-3.mts(42,7): error TS2345: ... -> README.md:42:7 (block 3): error TS2345: ...
const report = `${tsc.stdout}${tsc.stderr}`.replace(
  /^(?:.*[\\/])?sample-(\d+)\.mts\((\d+),(\d+)\)/gm,
  (_, n, line, column) => `${shown}:${line}:${column} (block ${n})`,
);
if (tsc.status !== 0) {
  process.stderr.write(report);
  console.error(`\n${shown}: the \`\`\`ts samples above do not type-check against src/.`);
  process.exit(1);
}
const note = skipped ? `, ${skipped} marked no-check skipped` : '';
console.log(`${shown}: ${samples.length} \`\`\`ts block(s) type-check against src/${note}.`);
