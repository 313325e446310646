// Merges the mock variants of several API descriptions into the one description Prism serves, so
// that one mock (one base URL, one client) answers every API. Each description after the first keeps
// its paths at their real location (its server URL's path, e.g. /api/laml/2010-04-01, prefixed to
// them, since Prism matches paths without it) and has its components renamed under a prefix (its
// schema names clash with the first's), every $ref following.
// Usage: node scripts/mock-merge.mjs OUT FIRST [PREFIX=DESCRIPTION ...]
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

const [outPath, firstPath, ...others] = process.argv.slice(2);
if (!firstPath) {
  console.error('usage: mock-merge.mjs OUT FIRST [PREFIX=DESCRIPTION ...]');
  process.exit(2);
}

const load = (path) => parse(readFileSync(path, 'utf8'));
const merged = load(firstPath);

for (const other of others) {
  const [prefix, path] = other.split('=');
  // Renaming by text: every "#/components/<section>/<name>" becomes "#/components/<section>/<prefix>.<name>".
  const renamed = JSON.parse(
    JSON.stringify(load(path)).replace(/"#\/components\/([A-Za-z]+)\/([^"]+)"/g, (_match, section, name) =>
      JSON.stringify(`#/components/${section}/${prefix}.${name}`),
    ),
  );
  const basePath = new URL(renamed.servers?.[0]?.url.replace(/\{[^}]+\}/g, 'x') ?? 'https://x/', 'https://x').pathname.replace(/\/$/, '');
  for (const [template, item] of Object.entries(renamed.paths ?? {})) {
    const at = `${basePath}${template}`;
    if (merged.paths[at]) throw new Error(`${path}: path ${at} is also in ${firstPath}`);
    merged.paths[at] = item;
  }
  for (const [section, entries] of Object.entries(renamed.components ?? {})) {
    // Security schemes are referred to by name, not by $ref: keep the first's where they agree.
    if (section === 'securitySchemes') {
      for (const [name, scheme] of Object.entries(entries)) {
        const existing = merged.components.securitySchemes?.[name];
        if (existing && JSON.stringify(existing) !== JSON.stringify(scheme)) throw new Error(`${path}: security scheme ${name} differs`);
        merged.components.securitySchemes = { ...merged.components.securitySchemes, [name]: scheme };
      }
      continue;
    }
    merged.components[section] ??= {};
    for (const [name, value] of Object.entries(entries)) merged.components[section][`${prefix}.${name}`] = value;
  }
  merged.tags = [...(merged.tags ?? []), ...(renamed.tags ?? []).map((tag) => ({ ...tag, name: `${prefix}: ${tag.name}` }))];
  for (const item of Object.values(renamed.paths ?? {})) {
    for (const operation of Object.values(item)) {
      if (operation?.tags) operation.tags = operation.tags.map((tag) => `${prefix}: ${tag}`);
    }
  }
}

// The first file's leading comments (its provenance and license notice) head the merged one.
const banner = readFileSync(firstPath, 'utf8').match(/^(#.*\n)*/)[0];
writeFileSync(outPath, `${banner}${stringify(merged, { lineWidth: 0 })}`);
