#!/usr/bin/env bash
# `make spec-diff NEW=path/to/new.yaml`: what a new upstream description changes, before anything is
# regenerated. Writes nothing but .cache/spec-diff/ (gitignored: the bundle that step 3 points into).
#   1. SignalWire's changes: openapi/signalwire-rest.openapi.yaml -> NEW, every change rated major (breaking),
#      minor or patch by `redocly diff` with the diff-recommended rules, each with every operation it
#      reaches (scripts/spec-diff-report.mjs; Redocly itself names only one);
#   2. whether every overlay action still finds its target in NEW (scripts/check-overlay-targets.mjs);
#   3. what this package's users get: generated/openapi.yaml -> NEW bundled with the overlay, the same
#      rating over the description the types are generated from.
# Exit status: 1 when a diff has a change of FAIL_ON impact or higher (default major, as Redocly;
# FAIL_ON=none only prints) or an overlay target vanished; 2 for a usage error; 0 otherwise.
# (`make spec-diff` itself exits 2 whenever the script fails: that is how make reports a failed recipe.)
set -uo pipefail
cd "$(dirname "$0")/.."
new=${1:?usage: scripts/spec-diff.sh path/to/new.yaml}
[[ -f $new ]] || { echo "$new: no such file" >&2; exit 2; }
bin=node_modules/.bin
fail_on=${FAIL_ON:-major}
work=.cache/spec-diff
mkdir -p "$work"
status=0
# Redocly prints a large Node 20 end-of-life banner at every call; keep only its real output, in order.
redocly() {
  "$bin/redocly" "$@" 2>&1 | grep -v '[║╔╚]' | sed '/^\s*$/d'
  return "${PIPESTATUS[0]}"
}
diff() {
  local report=$work/diff.json
  redocly diff "$1" "$2" --config scripts/spec-diff.redocly.yaml --fail-on "$fail_on" --format json --output "$report" ||
    status=1
  node scripts/spec-diff-report.mjs "$report" || status=1
}

printf '== 1. SignalWire changes: openapi/signalwire-rest.openapi.yaml -> %s\n\n' "$new"
diff openapi/signalwire-rest.openapi.yaml "$new"

printf '\n== 2. Overlay targets in %s\n\n' "$new"
if node scripts/check-overlay-targets.mjs "$new" openapi/signalwire-rest.overlay.yaml 2>&1; then
  echo "Every action of openapi/signalwire-rest.overlay.yaml still finds its target."
  printf "\n== 3. What this package's users get: generated/openapi.yaml -> %s + overlay\n\n" "$new"
  if bundled=$(redocly bundle "$new" --overlay openapi/signalwire-rest.overlay.yaml --output "$work/openapi.yaml"); then
    diff generated/openapi.yaml "$work/openapi.yaml"
  else
    printf '%s\nredocly bundle failed on %s with the overlay.\n' "$bundled" "$new"
    status=1
  fi
else
  status=1
  printf '\n== 3. skipped: fix openapi/signalwire-rest.overlay.yaml for the targets above first.\n'
fi

if ((status)); then
  printf '\nReview the changes above (FAIL_ON=%s). Nothing was regenerated.\n' "$fail_on"
else
  [[ $fail_on == none ]] && verdict='Reported only (FAIL_ON=none).' || verdict="No change of $fail_on impact or higher."
  printf '\n%s To take it: cp %s openapi/signalwire-rest.openapi.yaml && make generate test\n' "$verdict" "$new"
fi
exit $status
