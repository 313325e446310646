// `make profile`: where the CPU goes in 100,000 (PROFILE_CALLS) conferenceRooms.create() calls, 64 in flight
// (bench/profile-calls.ts, run in a child node under --cpu-prof), summarised by
// bench/profile-summary.ts as markdown on stdout. With --write FILE, the summary also replaces the
// section of FILE headed `## LABEL` (--label, default "latest"), or is appended, so that one file
// can keep a "before" and an "after". Not part of `make bench`: profiling slows the calls.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarise, type CpuProfile } from './profile-summary.js';

const { values } = parseArgs({ options: { label: { type: 'string', default: 'latest' }, write: { type: 'string' } } });
const CALLS = Number(process.env.PROFILE_CALLS ?? 100_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));

const workload = fileURLToPath(new URL('profile-calls.ts', import.meta.url));
const child = spawnSync(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', workload, dir, String(CALLS)],
  { stdio: 'inherit' },
);
if (child.status !== 0) throw new Error(`bench/profile-calls.ts failed with status ${child.status}`);
// tsx's loader thread writes a profile too: the main thread's is the largest.
const [main] = readdirSync(dir)
  .filter((name) => name.endsWith('.cpuprofile'))
  .map((name) => join(dir, name))
  .sort((a, b) => statSync(b).size - statSync(a).size);
const profile = JSON.parse(readFileSync(main!, 'utf8')) as CpuProfile;
const sourceMaps = JSON.parse(readFileSync(join(dir, 'source-maps.json'), 'utf8'));
rmSync(dir, { recursive: true });

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
const section =
  `## ${values.label}\n\n` +
  `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, commit ${commit}: ` +
  `${CALLS.toLocaleString('en-US')} create() calls, 64 in flight (\`make profile LABEL=${values.label}\`).\n\n${summarise(profile, sourceMaps, root)}\n`;
process.stdout.write(section);

if (values.write) {
  const HEADER = '# Where the CPU goes: bench/profile.ts\n';
  const text = existsSync(values.write) ? readFileSync(values.write, 'utf8') : HEADER;
  const [head, ...sections] = text.split(/^(?=## )/m);
  const at = sections.findIndex((old) => old.startsWith(`## ${values.label}\n`));
  if (at >= 0) sections[at] = section;
  else sections.push(section);
  writeFileSync(values.write, [head!.trimEnd() + '\n\n', ...sections.map((s) => s.trimEnd() + '\n\n')].join('').trimEnd() + '\n');
}
