// The part of `make spec-diff` a maintainer reads first: what a release changes for the package's users,
// in the client's own terms. Compares two operation tables (scripts/operation-table.mjs run with
// OPERATION_TABLE_JSON on the committed patched description and on the new one, so the names are the
// pipeline's own) and the two patched descriptions, and prints, on one screen:
//   methods added, removed, renamed or moved (client.<family>.<resource>.<action>, METHOD and path);
//   methods whose required arguments changed (path parameters, body, required query options and
//   required body fields); webhooks added or removed.
// The same list, as Keep a Changelog sections, goes to CHANGELOG_OUT.
// Usage: node scripts/spec-diff-methods.mjs OLD_TABLE.json OLD.yaml NEW_TABLE.json NEW.yaml CHANGELOG_OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dereference } from './lib/refs.mjs';

const [oldTablePath, oldPath, newTablePath, newPath, changelogPath] = process.argv.slice(2);
if (!changelogPath) {
  console.error('usage: spec-diff-methods.mjs OLD_TABLE.json OLD.yaml NEW_TABLE.json NEW.yaml CHANGELOG_OUT');
  process.exit(2);
}

/** One side of the comparison: its methods (with their required arguments) and its webhooks. */
function side(tablePath, descriptionPath) {
  const { entries } = JSON.parse(readFileSync(tablePath, 'utf8'));
  const document = parse(readFileSync(descriptionPath, 'utf8'));
  const methods = entries.map((entry) => ({ ...entry, name: `client.${entry.family}.${entry.resource}.${entry.action}`, required: requiredOf(document, entry) }));
  const webhooks = Object.entries(document.webhooks ?? {}).flatMap(([name, item]) =>
    Object.entries(item ?? {})
      .filter(([, operation]) => operation?.requestBody || operation?.responses)
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${name}`, name, method: method.toUpperCase(), payload: payloadOf(operation) })),
  );
  return { methods, webhooks };
}

const payloadOf = (operation) =>
  Object.values(operation.requestBody?.content ?? {})[0]?.schema?.$ref?.split('/').pop() ?? 'inline schema';

/** The fields every body the schema accepts must have: the union over allOf, the intersection over oneOf/anyOf. */
function requiredFields(document, node, depth = 0) {
  const schema = dereference(document, node);
  if (!schema || typeof schema !== 'object' || depth > 8) return new Set();
  const fields = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const part of schema.allOf ?? []) for (const field of requiredFields(document, part, depth + 1)) fields.add(field);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) {
    const [first, ...rest] = alternatives.map((alternative) => requiredFields(document, alternative, depth + 1));
    for (const field of first) if (rest.every((set) => set.has(field))) fields.add(field);
  }
  return fields;
}

/** What a caller must pass: positional path parameters, the body and its required fields, required options. */
function requiredOf(document, entry) {
  const item = document.paths?.[entry.path] ?? {};
  const operation = item[entry.method.toLowerCase()] ?? {};
  const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => dereference(document, p));
  const body = dereference(document, operation.requestBody);
  const schema = Object.values(body?.content ?? {})[0]?.schema;
  return {
    positional: entry.pathParams.filter((param) => !param.filled).map((param) => param.name),
    body: entry.body ? (entry.bodyRequired ? 'required' : 'optional') : 'none',
    bodyFields: [...(schema ? requiredFields(document, schema) : [])].sort(),
    options: [
      ...parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name),
      ...(entry.auth === 'bearer' ? ['subscriberToken'] : []),
    ].sort(),
  };
}

/** The changes of a method's required arguments, each in a few words; breaking when a call that compiled may not. */
function argumentChanges(before, after) {
  const changes = [];
  const list = (names) => `(${names.join(', ')})`;
  if (list(before.positional) !== list(after.positional)) {
    changes.push({ text: `path parameters ${list(before.positional)} -> ${list(after.positional)}`, breaking: true });
  }
  if (before.body !== after.body) changes.push({ text: `body ${before.body} -> ${after.body}`, breaking: after.body === 'required' || after.body === 'none' });
  const compare = (what, old, now) => {
    const added = now.filter((name) => !old.includes(name));
    const dropped = old.filter((name) => !now.includes(name));
    if (added.length) changes.push({ text: `${what} now required: ${added.join(', ')}`, breaking: true });
    if (dropped.length) changes.push({ text: `${what} no longer required: ${dropped.join(', ')}`, breaking: false });
  };
  compare('body fields', before.bodyFields, after.bodyFields);
  compare('options', before.options, after.options);
  return changes;
}

const before = side(oldTablePath, oldPath);
const after = side(newTablePath, newPath);
const http = (method) => `${method.method} ${method.path}`;

// A method is the same one across releases when its operationId or its METHOD and path are.
const pairs = [];
const unmatched = new Set(after.methods);
for (const old of before.methods) {
  const now = [...unmatched].find((method) => method.id === old.id) ?? [...unmatched].find((method) => http(method) === http(old));
  if (now) {
    unmatched.delete(now);
    pairs.push([old, now]);
  }
}
const paired = new Set(pairs.map(([old]) => old));
const added = [...unmatched];
const removed = before.methods.filter((method) => !paired.has(method));
const renamed = pairs.filter(([old, now]) => old.name !== now.name || http(old) !== http(now));
const changedArguments = pairs
  .map(([old, now]) => ({ method: now, changes: argumentChanges(old.required, now.required) }))
  .filter(({ changes }) => changes.length > 0);
const webhookKeys = (webhooks) => new Set(webhooks.map(({ key }) => key));
const webhooksAdded = after.webhooks.filter(({ key }) => !webhookKeys(before.webhooks).has(key));
const webhooksRemoved = before.webhooks.filter(({ key }) => !webhookKeys(after.webhooks).has(key));

// ---- the screen ----------------------------------------------------------------------------------
const width = Math.max(0, ...[...added, ...removed, ...renamed.map(([, now]) => now), ...changedArguments.map(({ method }) => method)].map(({ name }) => name.length));
const line = (sign, method, note = '') => `  ${sign} ${method.name.padEnd(width)}  ${http(method)}${note}`;
const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const out = [];
const section = (title, items, format) => {
  out.push(`${title}${items.length ? ':' : '.'}`);
  for (const item of items) out.push(format(item));
};
section(count(added.length, 'method') + ' added', added, (method) => line('+', method));
section(count(removed.length, 'method') + ' removed', removed, (method) => line('-', method));
section(count(renamed.length, 'method') + ' renamed or moved', renamed, ([old, now]) =>
  line('~', now, `  (was ${old.name}${http(old) === http(now) ? '' : `, ${http(old)}`})`));
section(count(changedArguments.length, 'method') + ' with changed required arguments', changedArguments, ({ method, changes }) =>
  line('!', method, `: ${changes.map(({ text }) => text).join('; ')}`));
section(count(webhooksAdded.length, 'webhook') + ' added', webhooksAdded, (hook) => `  + ${hook.name} (${hook.method}, payload ${hook.payload})`);
section(count(webhooksRemoved.length, 'webhook') + ' removed', webhooksRemoved, (hook) => `  - ${hook.name} (${hook.method}, payload ${hook.payload})`);
console.log(out.join('\n'));

// ---- the CHANGELOG-ready list ---------------------------------------------------------------------
const call = (method) => `\`${method.name}()\` (\`${http(method)}\`)`;
const entries = {
  Added: [
    ...added.map((method) => `- ${call(method)}${method.summary ? `: ${method.summary}` : ''}.`),
    ...webhooksAdded.map((hook) => `- Webhook \`${hook.name}\` (payload \`${hook.payload}\`).`),
  ],
  Changed: [
    ...renamed.map(([old, now]) => `- **Breaking:** \`${old.name}()\` (\`${http(old)}\`) is now ${call(now)}.`),
    ...changedArguments.map(({ method, changes }) =>
      `- ${changes.some(({ breaking }) => breaking) ? '**Breaking:** ' : ''}${call(method)}: ${changes.map(({ text }) => text).join('; ')}.`),
  ],
  Removed: [
    ...removed.map((method) => `- **Breaking:** ${call(method)}, which SignalWire no longer publishes.`),
    ...webhooksRemoved.map((hook) => `- **Breaking:** webhook \`${hook.name}\`, which SignalWire no longer publishes.`),
  ],
};
const changelog = Object.entries(entries)
  .filter(([, items]) => items.length > 0)
  .map(([heading, items]) => `### ${heading}\n${items.join('\n')}\n`)
  .join('\n');
writeFileSync(changelogPath, changelog || '(no change a user of the package sees)\n');
