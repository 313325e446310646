#!/usr/bin/env bash
# `make spec-diff NEW=path/to/new.yaml`: what a new upstream description changes, before anything is
# regenerated. Writes nothing but .cache/spec-diff/ (gitignored). Either API's description may be given:
# one whose servers are under /api/laml/ is the Compatibility API's (API=signalwire-rest|compatibility
# overrides). Prints, in this order:
#   1. what the package's users get, in the client's terms (scripts/spec-diff-methods.mjs): methods added,
#      removed, renamed or moved, methods whose required arguments changed, webhooks added or removed; the
#      names come from the pipeline's own scripts/operation-table.mjs, run on the committed patched
#      description and on NEW bundled with the overlay as scripts/generate.sh bundles it. The same list,
#      CHANGELOG-ready, is written to a file whose path it prints;
#   2. the overlay actions and name overrides whose targets vanish in NEW (scripts/check-overlay-targets.mjs,
#      and the operation table's own checks of openapi/*.names.yaml);
#   3. the rating of every change major (breaking), minor or patch by `redocly diff` (diff-recommended
#      rules), of SignalWire's file and of the patched description, summarised as counts per rule and per
#      family (scripts/spec-diff-report.mjs); every change in full goes to a file whose path it prints.
# Exit status: 1 when a rating has a change of FAIL_ON impact or higher (default major, as Redocly;
# FAIL_ON=none only prints), an overlay target or name override vanished, or NEW cannot be bundled;
# 2 for a usage error; 0 otherwise. (`make spec-diff` itself exits 2 whenever the script fails: that is
# how make reports a failed recipe.)
set -uo pipefail
cd "$(dirname "$0")/.."
new=${1:?usage: scripts/spec-diff.sh path/to/new.yaml}
[[ -f $new ]] || { echo "$new: no such file" >&2; exit 2; }
fail_on=${FAIL_ON:-major}
[[ $fail_on =~ ^(major|minor|patch|none)$ ]] || { echo "FAIL_ON=$fail_on: use major, minor, patch or none" >&2; exit 2; }
if [[ -z ${API:-} ]]; then
  API=signalwire-rest
  grep -A3 '^servers:' "$new" | grep -q '/api/laml/' && API=compatibility
fi
case $API in
  signalwire-rest) prefix='' table=restApi table_flags=(--taken compat) ;;
  compatibility) prefix='compat.' table=compatApi table_flags=(--family compat) ;;
  *) echo "API=$API: use signalwire-rest or compatibility" >&2; exit 2 ;;
esac
spec=openapi/$API.openapi.yaml overlay=openapi/$API.overlay.yaml names=openapi/$API.names.yaml
patched=generated/${prefix}openapi.yaml
bin=node_modules/.bin
work=.cache/spec-diff
rm -rf "$work" && mkdir -p "$work"
status=0
# Redocly prints a large Node 20 end-of-life banner at every call; keep only its real output, in order.
redocly() {
  "$bin/redocly" "$@" 2>&1 | grep -v '[║╔╚]' | sed '/^\s*$/d'
  return "${PIPESTATUS[0]}"
}
# table DESCRIPTION OUT.json: the operation table scripts/generate.sh would write, as data.
table() {
  OPERATION_TABLE_JSON=$2 node scripts/operation-table.mjs "$1" "$names" "$work/operations.ts" "$work/reference.md" \
    ./schema.js "$table" "${table_flags[@]}" > /dev/null 2>&1
  [[ -f $2 ]]
}

# NEW as the pipeline would see it: bundled with the overlay, unused components dropped.
if ! bundled=$(redocly bundle "$new" --overlay "$overlay" --remove-unused-components --output "$work/new.openapi.yaml"); then
  printf '%s\nredocly bundle failed on %s with %s: nothing else can be compared.\n' "$bundled" "$new" "$overlay"
  exit 1
fi
table "$patched" "$work/old.table.json" || { echo "scripts/operation-table.mjs failed on $patched: run make generate first." >&2; exit 1; }
table "$work/new.openapi.yaml" "$work/new.table.json" || { echo "scripts/operation-table.mjs failed on $new with $overlay." >&2; exit 1; }
# The two ratings; --fail-on makes redocly exit non-zero on a change of that impact.
redocly diff "$spec" "$new" --config scripts/spec-diff.redocly.yaml --fail-on "$fail_on" --format json --output "$work/upstream-diff.json" > /dev/null || status=1
redocly diff "$patched" "$work/new.openapi.yaml" --config scripts/spec-diff.redocly.yaml --fail-on "$fail_on" --format json \
  --output "$work/package-diff.json" > /dev/null || status=1

printf "== 1. What users of the package get: %s -> %s + overlay\n\n" "$patched" "$new"
node scripts/spec-diff-methods.mjs "$work/old.table.json" "$patched" "$work/new.table.json" "$work/new.openapi.yaml" "$work/CHANGELOG.md" ||
  status=1
printf '\nCHANGELOG-ready list: %s\n' "$work/CHANGELOG.md"

printf '\n== 2. Overlay and name overrides in %s\n\n' "$new"
if node scripts/check-overlay-targets.mjs "$new" "$overlay" 2>&1; then
  echo "Every action of $overlay still finds its target."
else
  status=1
fi
if problems=$(node -e 'for (const p of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).problems) console.log(`  ${p}`)' \
  "$work/new.table.json") && [[ -n $problems ]]; then
  printf '%s: the operation table of NEW has problems (make generate would stop on them):\n%s\n' "$names" "$problems"
  status=1
else
  echo "Every override of $names still names an operation, and no two methods share a name."
fi

printf "\n== 3. Rating (redocly diff, diff-recommended): %s -> %s, and %s -> the same + overlay\n\n" "$spec" "$new" "$patched"
node scripts/spec-diff-report.mjs "$work/rating.txt" "$work/old.table.json" "$work/new.table.json" "$work/upstream-diff.json" \
  "$work/package-diff.json" || status=1
printf '\nEvery change, where it is and every operation or webhook it reaches: %s\n' "$work/rating.txt"

if ((status)); then
  printf '\nReview the changes above (FAIL_ON=%s). Nothing was regenerated.\n' "$fail_on"
else
  [[ $fail_on == none ]] && verdict='Reported only (FAIL_ON=none).' || verdict="No change of $fail_on impact or higher."
  printf '\n%s To take it: cp %s %s && make generate test\n' "$verdict" "$new" "$spec"
fi
exit $status
