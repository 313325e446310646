#!/usr/bin/env bash
# Usage: markdown-links.sh TARBALL FILE.md...: fails naming each relative link (`[text](path)`, `#anchor`
# dropped) of the given Markdown files, as packed, whose target is not a file in TARBALL. Links with a
# scheme (https:, mailto:) and links within the page (#...) are not checked here.
set -euo pipefail
tarball=$1
shift
packed=$(tar -tzf "$tarball")
dead=0
for doc in "$@"; do
  while IFS= read -r link; do
    target=$(realpath -m --relative-to=. "$(dirname "$doc")/${link%%#*}")
    if ! grep -qxF "package/$target" <<< "$packed"; then
      echo "$doc links $link, which is not in the package" >&2
      dead=1
    fi
  done < <(grep -oE '\]\([^):#[:space:]][^):[:space:]]*\)' "$doc" | sed -E 's/^\]\((.*)\)$/\1/')
done
((dead == 0)) || exit 1
echo "  every relative link of $* is in the package"
