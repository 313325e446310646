// The README's test-runner setups, run as users would: every ```ts or ```js block of the README
// shipped in the package whose first line is `// FILE: WHAT ...` is written to FILE here, and run
// when WHAT is a runner (vitest, node:test, Jest, Mocha), against the installed package. Then the
// Mocha setup again with its start hook given 100 ms, which Prism cannot meet: the run must fail on
// that hook's timeout, end on its own (one killed at runCommand's 90 s fails), and leave no Prism
// behind. Then Jest with jsdom: plain, and the README's environment with fetch (loads.jsdom.test.cjs,
// rooms.jsdom.test.cjs). Exits 1 on any failure.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundledDescription, startMockServer } from 'signalwire-rest/testing';
import { processesWithArgument, runCommand } from './processes.mjs';

const require = createRequire(import.meta.url);
const readme = readFileSync(require.resolve('signalwire-rest/package.json').replace(/package\.json$/, 'README.md'), 'utf8');
const commands = {
  vitest: (file) => ['node_modules/.bin/vitest', ['run', '--root', '.', file]],
  'node:test': (file) => [process.execPath, ['--test', file]],
  Jest: (file) => ['node_modules/.bin/jest', ['--ci', '--rootDir', '.', '--runTestsByPath', file]],
  Mocha: (file) => ['node_modules/.bin/mocha', [file]],
};
const samples = [...readme.matchAll(/^```(?:ts|js)\n\/\/ (\S+\.[cm]?[jt]s): (\S+)[^\n]*\n[\s\S]*?^```$/gm)].map(
  ([block, file, runner]) => ({ file, runner, code: block.replace(/^```\w*\n|```$/g, '') }),
);
const missing = Object.keys(commands).filter((runner) => !samples.some((sample) => sample.runner === runner));
if (missing.length) {
  console.error(`the README shows no setup for: ${missing.join(', ')}`);
  process.exit(1);
}

const failures = [];
/** Runs a command that must pass, or, given `failure`, must fail (not be killed) with output matching it. */
async function run(label, [command, args], env = {}, failure = undefined) {
  const { code, signal, output, seconds } = await runCommand(command, args, { FORCE_COLOR: '0', NO_COLOR: '1', ...env });
  const ok = failure ? code !== 0 && signal === null && failure.test(output) : code === 0;
  if (ok) console.log(`  ok    ${label.padEnd(34)} ${seconds}s`);
  else {
    failures.push(label);
    console.log(`  FAIL  ${label.padEnd(34)} ${seconds}s, exit ${code ?? signal}\n${output.trim().replace(/^/gm, '        ')}`);
  }
}

for (const { file, code } of samples) writeFileSync(file, code);
for (const { file, runner } of samples.filter((sample) => commands[sample.runner])) {
  await run(`README ${runner} setup (${file})`, commands[runner](file));
}

// The hook's own this.timeout() outranks Mocha's --timeout, so the sample itself is given 100 ms.
const mocha = samples.find((sample) => sample.runner === 'Mocha');
const shortHook = mocha.code.replace('this.timeout(30_000)', 'this.timeout(100)');
if (shortHook === mocha.code) {
  console.error("the README's Mocha setup no longer sets this.timeout(30_000) in its hook: update this check");
  process.exit(1);
}
writeFileSync('hook-timeout.mocha.test.mjs', shortHook);
await run('Mocha, hook timeout 100 ms: fails, ends', commands.Mocha('hook-timeout.mocha.test.mjs'), {}, /"before all" hook[\s\S]*Timeout of 100ms exceeded/);
// Prism exits as soon as its parent has: give it 5 s.
for (let waited = 0; waited < 5_000 && processesWithArgument(bundledDescription).length; waited += 100) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const left = processesWithArgument(bundledDescription);
if (left.length) {
  failures.push('Prism left behind');
  console.log(`  FAIL  Prism left behind by the timed-out start: pids ${left.join(', ')}`);
} else console.log('  ok    no Prism left behind');

const mock = await startMockServer();
try {
  const jest = commands.Jest('loads.jsdom.test.cjs');
  jest[1].push('rooms.jsdom.test.cjs');
  await run('Jest with jsdom', jest, { MOCK_URL: mock.baseUrl });
} finally {
  await mock.close();
}

if (failures.length) {
  console.error(`\nTest runner check failed: ${failures.join(', ')}`);
  process.exit(1);
}
