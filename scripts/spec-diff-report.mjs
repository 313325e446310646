// The rating part of `make spec-diff`: two `redocly diff --format json` reports (SignalWire's file, old
// -> new, and the patched description the package is generated from, old -> new) summarised on the
// screen as counts per rule and per family, and written out whole to DETAIL_OUT.
// Redocly names one operation per change: a schema shared by twenty operations (Layout, a pagination
// envelope) reads as if it touched one. Here a change inside a component is followed through every
// $ref to every operation and webhook that uses it, in the revision (or, for a removal, the base)
// description; an operation's family is the one the pipeline's operation tables give it.
// Usage: node scripts/spec-diff-report.mjs DETAIL_OUT OLD_TABLE.json NEW_TABLE.json UPSTREAM.json PACKAGE.json
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { componentRefs, resolvePointer, unescapeToken as unescape } from './lib/refs.mjs';

const [detailPath, ...inputs] = process.argv.slice(2);
if (inputs.length !== 4) {
  console.error('usage: spec-diff-report.mjs DETAIL_OUT OLD_TABLE.json NEW_TABLE.json UPSTREAM.json PACKAGE.json');
  process.exit(2);
}
const [oldTable, newTable, ...reports] = inputs.map((path) => JSON.parse(readFileSync(path, 'utf8')));
const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

// "METHOD /path" and "/path" (a change to the path item) -> family, from both tables; a webhook's family is "webhooks".
const familyOf = new Map(
  [...oldTable.entries, ...newTable.entries].flatMap((entry) => [[`${entry.method} ${entry.path}`, entry.family], [entry.path, entry.family]]),
);
const family = (reached) => (reached.startsWith('webhook ') ? 'webhooks' : (familyOf.get(reached) ?? '(not in the package)'));

// For one description: component pointer ("#/components/schemas/Layout") -> operations and webhooks that reach it.
const reachCache = new Map();
function reachOf(path) {
  if (reachCache.has(path)) return reachCache.get(path);
  const document = parse(readFileSync(path, 'utf8'));
  const reached = new Map();
  const users = [
    ...Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
      Object.keys(item ?? {}).filter((method) => methods.has(method)).map((method) => [`${method.toUpperCase()} ${route}`, [item[method], item.parameters]])),
    ...Object.entries(document.webhooks ?? {}).map(([name, item]) => [`webhook ${name}`, item]),
  ];
  for (const [name, node] of users) {
    const pending = [...componentRefs(node)];
    const seen = new Set();
    while (pending.length > 0) {
      const pointer = pending.pop();
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      if (!reached.has(pointer)) reached.set(pointer, new Set());
      reached.get(pointer).add(name);
      pending.push(...componentRefs(resolvePointer(document, pointer)));
    }
  }
  reachCache.set(path, reached);
  return reached;
}

/** The operations (METHOD /path) and webhooks (webhook NAME) a change at `pointer` reaches. */
function reaching(pointer, file) {
  const [, section, kind, name] = pointer.split('/');
  if (section === 'paths') {
    const [, , route, method] = pointer.split('/');
    return methods.has(method) ? [`${method.toUpperCase()} ${unescape(route)}`] : [unescape(route)];
  }
  if (section === 'webhooks') return [`webhook ${unescape(kind)}`];
  if (section !== 'components') return [];
  return [...(reachOf(file).get(`#/components/${kind}/${name}`) ?? [])].sort();
}

/** Every verdict of a report with what it reaches; a change Redocly gives no rule counts as "kind typeName". */
function verdictsOf(report) {
  return report.changes.flatMap((change) => {
    const side = change.kind === 'removed' ? 'base' : 'revision';
    const verdicts = change.verdicts.length > 0 ? change.verdicts : [{ impact: change.impact, ruleId: `${change.kind} ${change.typeName}`, message: `${change.kind} ${change.path}` }];
    return verdicts.map((verdict) => {
      const location = verdict.location ?? change[side];
      return { ...verdict, location, reached: reaching(location?.pointer ?? change.path, report.files[side]) };
    });
  });
}

const rated = reports.map((report) => ({ report, verdicts: verdictsOf(report) }));
const impacts = ['major', 'minor', 'patch'];

/** key -> [report index] -> impact -> count, over every verdict; a verdict counts once per key it has. */
function tally(keysOf) {
  const table = new Map();
  rated.forEach(({ verdicts }, index) => {
    for (const verdict of verdicts) {
      for (const key of new Set(keysOf(verdict))) {
        if (!table.has(key)) table.set(key, rated.map(() => ({ major: 0, minor: 0, patch: 0 })));
        table.get(key)[index][verdict.impact] += 1;
      }
    }
  });
  return [...table].sort(([a, countsA], [b, countsB]) => total(countsB) - total(countsA) || a.localeCompare(b));
}
const total = (counts) => counts.reduce((sum, count) => sum + count.major + count.minor + count.patch, 0);

const labelWidth = 40;
const cells = (counts) => counts.map((count) => impacts.map((impact) => String(count[impact]).padStart(6)).join('')).join('   ');
const row = (label, counts) => `  ${label.padEnd(labelWidth)}${cells(counts)}`;
const totals = rated.map(({ report }) => report.summary);
const out = [
  `  ${''.padEnd(labelWidth)}${'SignalWire\'s file'.padEnd(21)}the package (patched)`,
  `  ${''.padEnd(labelWidth)}${[0, 1].map(() => impacts.map((impact) => impact.padStart(6)).join('')).join('   ')}`,
  row('all changes', totals),
  'per rule:',
  ...tally((verdict) => [verdict.ruleId]).map(([rule, counts]) => row(rule, counts)),
  'per family (a change counts once in each family whose operations or webhooks it reaches):',
  ...tally((verdict) => (verdict.reached.length > 0 ? verdict.reached.map(family) : ['(reaches no operation or webhook)'])).map(
    ([name, counts]) => row(name, counts),
  ),
];
console.log(out.join('\n'));

// The complete detail: every verdict, where it is, and every operation or webhook it reaches.
const detail = rated.flatMap(({ report, verdicts }, index) => [
  `== ${index === 0 ? "SignalWire's file" : 'The package (patched description)'}: ${report.files.base} -> ${report.files.revision}`,
  '',
  ...verdicts.flatMap((verdict) => [
    `${verdict.impact.padEnd(5)}  ${verdict.message} (${verdict.ruleId})`,
    ...(verdict.location ? [`       at ${verdict.location.file}:${verdict.location.line}:${verdict.location.col}  ${verdict.location.pointer}`] : []),
    `       reaches ${verdict.reached.length} operation(s) or webhook(s)${verdict.reached.length ? ':' : ''}`,
    ...verdict.reached.map((reached) => `         ${reached}`),
  ]),
  `${report.summary.major} major, ${report.summary.minor} minor, ${report.summary.patch} patch.`,
  '',
]);
writeFileSync(detailPath, `${detail.join('\n')}\n`);
