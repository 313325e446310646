#!/usr/bin/env bash
# `make check-package`: the package as users get it. Expects dist/ built (make build) and the extra
# runtimes installed in .cache/runtimes (the Makefile does both).
#   1. publint, attw (Are The Types Wrong) and `npm publish --dry-run` over the packed package;
#   2. npm pack (the CHANGELOG names this version; the NOTICE, when the project has one, is in),
#      then install the tarball into a fresh project (with Prism, the optional peer);
#   3. there: import (ESM) and require (CJS) every entry point, and check that the main entry loads
#      neither the testing entry, the cxml entry nor Prism; bundle it for the browser (no Node built-ins);
#   4. type-check a consumer (ESM and CJS files) under `strict` with moduleResolution node16 and bundler;
#   5. create a room against the Prism mock through the installed package on Node 20, Node 24 (also
#      behind a proxy under NODE_USE_ENV_PROXY), Bun, Deno, workerd and Debian's chromium (installed
#      with apt-get when missing) (scripts/package-check/consumer/smoke.mjs). RUNTIMES="node20 bun"
#      narrows the list;
#   6. run the README's vitest, node:test, Jest and Mocha setups there, a Mocha start that times
#      out (no Prism may be left), and Jest with jsdom (scripts/package-check/consumer/runners.mjs);
#   7. build the client's API reference (TypeDoc, as `make docs` does): no warning allowed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/node_modules/.bin
export RUNTIMES_DIR=${RUNTIMES_DIR:-$root/.cache/runtimes}
export NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export NO_COLOR=1 FORCE_COLOR=0
runtimes=${RUNTIMES:-node20 node22 node24 bun deno workerd chromium}
started=$SECONDS
step() { printf '\n== %s  [%ds]\n' "$1" $((SECONDS - started)); }

step 'publint --strict'
"$bin/publint" --strict

step 'attw --pack (Are The Types Wrong)'
"$bin/attw" --pack . --format table-flipped --no-emoji --no-color

step 'npm publish --dry-run'
# Clean: no warning but the two no package can avoid, publishing while logged out (a dry run) and
# this machine's own npm settings. dist/ is built already: prepack (make build) is not run again.
published=$(npm publish --dry-run --ignore-scripts 2>&1) || { echo "$published" >&2; exit 1; }
warnings=$(grep -i '^npm warn' <<< "$published" | grep -Ev 'requires you to be logged in|Unknown (user|global|env|project) config' || true)
[[ -z $warnings ]] || { echo "npm publish --dry-run warns:" >&2; echo "$warnings" >&2; exit 1; }
grep -E '^\+ signalwire-rest@' <<< "$published" | sed 's/^/  /'
version=$(node -p "require('./package.json').version")
grep -qE "^## \[?$version\]?( |$)" CHANGELOG.md || { echo "CHANGELOG.md has no entry for version $version" >&2; exit 1; }
echo "  CHANGELOG.md: entry for $version"

step 'npm pack'
work=$(mktemp -d "${TMPDIR:-/tmp}/signalwire-rest-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
tarball=$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)
tar -tzf "$tarball" | sort | sed 's/^/  /'
# Exactly the files users need: the builds, the declarations, the descriptions (the full one and the one
# the testing entry serves) and the NOTICE of their license.
unexpected=$(tar -tzf "$tarball" |
  grep -Ev '^package/(package\.json|README\.md|LICENSE|NOTICE|CHANGELOG\.md|dist/(index|testing|cxml)\.(js|cjs|d\.ts|d\.cts)|dist/index\.browser\.c?js|generated/(openapi|mock)\.yaml)$' || true)
[[ -z $unexpected ]] || { echo "unexpected files in the package:" >&2; echo "$unexpected" >&2; exit 1; }
for file in dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts dist/index.browser.js dist/index.browser.cjs \
  dist/testing.js dist/testing.cjs dist/testing.d.ts dist/testing.d.cts dist/cxml.js dist/cxml.cjs dist/cxml.d.ts dist/cxml.d.cts \
  generated/openapi.yaml generated/mock.yaml \
  CHANGELOG.md NOTICE; do
  tar -tzf "$tarball" "package/$file" > /dev/null || { echo "package/$file is missing from the package" >&2; exit 1; }
done

step 'npm install the tarball into a fresh project'
app=$work/app
mkdir "$app"
cp scripts/package-check/consumer/* "$app/"
# The consumer's TypeScript lives here rather than in scripts/package-check/consumer/, where the
# project's own tsconfig.json (which includes scripts/) would type-check it without the package.
cat > "$app/consumer.ts" <<'EOF'
// Type-checked by `make check-package` in a fresh project that installed the packed tarball: ESM
// (this file) and CommonJS (consumer.cts), under `strict` with moduleResolution node16 and bundler.
import {
  createSignalWireClient,
  SignalWireApiError,
  SignalWireError,
  type ConferenceRoomCreateRequest,
  type ConferenceRoomResponse,
  type SignalWireClient,
  type components,
  type paths,
} from 'signalwire-rest';
import { startMockServer, type MockServer } from 'signalwire-rest/testing';
import { answerResponse, CxmlError, VoiceResponse, type CxmlElement } from 'signalwire-rest/cxml';

// Every option accepts an explicit undefined (exactOptionalPropertyTypes, as in @tsconfig/strictest).
const mock: MockServer = await startMockServer({
  dynamic: false,
  description: undefined,
  startTimeoutMs: undefined,
  signal: AbortSignal.timeout(60_000),
});
console.log(mock.pid);
const client: SignalWireClient = createSignalWireClient({
  baseUrl: mock.baseUrl,
  projectId: 'ae2b2a88-0b7e-4c4d-9f6b-5a1b2c3d4e5f',
  apiToken: 'PTconsumer',
  maxRetries: 1,
});
const body: ConferenceRoomCreateRequest = { name: 'typed_room', enable_room_previews: true };
try {
  const room: ConferenceRoomResponse = await client.fabric.conferenceRooms.create(body);
  const quality: components['schemas']['ConferenceRoom']['quality'] = room.conference_room.quality;
  console.log(room.id.toUpperCase(), quality);
  for await (const listed of client.fabric.conferenceRooms.list()) console.log(listed.display_name);
  const { data } = await client.api.GET('/api/fabric/resources/conference_rooms/{id}', {
    params: { path: { id: room.id } },
  });
  console.log(data?.conference_room.name);
} catch (error) {
  if (error instanceof SignalWireApiError) console.log(error.status, error.requestId);
  else if (error instanceof SignalWireError) console.log(error.message);
} finally {
  await mock.close();
}

// @ts-expect-error: the generated types reject a path the description does not have.
type Missing = paths['/api/fabric/resources/no_such_thing'];
export type { Missing };

// The cxml entry: typed builders, their errors, the fetch answer.
const answer = new VoiceResponse();
const gather: CxmlElement<'voice', 'Gather'> = answer.gather({ input: 'dtmf speech', numDigits: 1 });
gather.say({ voice: 'Polly.Joanna' }, 'Press 1');
// @ts-expect-error: method is GET or POST
answer.dial({ method: 'PUT' });
try {
  answer.say('\u0000');
} catch (error) {
  if (error instanceof CxmlError) console.log(error.element);
}
console.log((await answerResponse(answer).text()).length);
EOF
cat > "$app/consumer.cts" <<'EOF'
// The CommonJS side of consumer.ts: `import` compiles to require() here, so the "require" types
// (dist/*.d.cts) are the ones checked.
import { createSignalWireClient, SignalWireError, type ConferenceRoomCreateRequest } from 'signalwire-rest';
import { startMockServer } from 'signalwire-rest/testing';
import { MessagingResponse } from 'signalwire-rest/cxml';

const reply = new MessagingResponse();
reply.message('Thanks!').media('https://example.com/cat.png');
console.log(reply.contentType, reply.toString());

async function main(): Promise<void> {
  const mock = await startMockServer();
  try {
    const client = createSignalWireClient({ baseUrl: mock.baseUrl, projectId: 'p', apiToken: 't' });
    const body: ConferenceRoomCreateRequest = { name: 'cjs_room', enable_room_previews: false };
    const room = await client.fabric.conferenceRooms.create(body);
    console.log(room.conference_room.display_name);
  } catch (error) {
    if (error instanceof SignalWireError) console.log(error.name);
  } finally {
    await mock.close();
  }
}
void main();
EOF
version() { node -p "require('./package.json').devDependencies['$1']"; }
cat > "$app/package.json" <<EOF
{
  "name": "signalwire-rest-consumer",
  "private": true,
  "type": "module",
  "dependencies": {
    "signalwire-rest": "file:$tarball",
    "@stoplight/prism-cli": "$(version @stoplight/prism-cli)",
    "@types/node": "$(version @types/node)"
  }
}
EOF
(cd "$app" && npm install --prefer-offline --no-audit --no-fund --loglevel=error)
(cd "$app" && npm ls --all signalwire-rest openapi-fetch 2> /dev/null | tail -n +2)
# The tools the checks below drive, from the project and from $RUNTIMES_DIR, where a user's project
# would have them: in its node_modules.
for tool in "$root/node_modules/esbuild" "$RUNTIMES_DIR"/node_modules/{vitest,jest,jest-environment-jsdom,mocha,playwright-core}; do
  ln -s "$tool" "$app/node_modules/"
done
mkdir -p "$app/node_modules/.bin"
for tool in vitest jest mocha; do ln -s "$RUNTIMES_DIR/node_modules/.bin/$tool" "$app/node_modules/.bin/$tool"; done
# One dependency, openapi-fetch, for client.api's types; its code is bundled, so an import loads one module.
deps=$(cd "$app" && node -p "Object.keys(require('signalwire-rest/package.json').dependencies ?? {}).join(' ')")
[[ $deps == openapi-fetch ]] || { echo "dependencies must be openapi-fetch only, not: $deps" >&2; exit 1; }
if grep -lE "(from |require\()['\"]openapi-fetch['\"]" "$app"/node_modules/signalwire-rest/dist/*.{js,cjs}; then
  echo "these builds import openapi-fetch instead of bundling it" >&2
  exit 1
fi

step 'import (ESM) and require (CJS)'
(cd "$app" && node entry.mjs && node entry-testing.mjs && node entry-cxml.mjs && node entry.cjs)

step 'bundle for the browser (esbuild, platform=browser): no Node built-ins'
(cd "$app" && "$bin/esbuild" browser-entry.mjs --bundle --platform=browser --format=esm --log-level=warning \
  --outfile="$work/browser-bundle.js" && echo "  browser bundle: $(wc -c < "$work/browser-bundle.js") bytes")

step 'type-check a consumer: strict, moduleResolution node16 and bundler'
for config in node16 bundler; do
  "$bin/tsc" -p "$app/tsconfig.$config.json" && echo "  tsc -p tsconfig.$config.json: no errors"
done

if [[ " $runtimes " == *' chromium '* ]] && ! command -v chromium > /dev/null; then
  step "install Debian's chromium for the browser check (apt-get)"
  sudo=$([[ $(id -u) == 0 ]] || echo 'sudo -n')
  command -v apt-get > /dev/null && $sudo true ||
    { echo "chromium is missing and cannot be installed here (needs apt-get as root or sudo -n): install Debian's chromium" >&2; exit 1; }
  apt=(timeout 600 $sudo env DEBIAN_FRONTEND=noninteractive apt-get -qq)
  "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends chromium > /dev/null
fi

step "create a room against Prism through the package: $runtimes"
(cd "$app" && RUNTIMES=$runtimes node smoke.mjs)

step 'the README test-runner setups (vitest, node:test, Jest, Mocha), a timed-out start, Jest with jsdom'
(cd "$app" && node runners.mjs)

step "the client's API reference (TypeDoc, typedoc.json): no warning"
"$bin/typedoc" --out "$work/docs" --logLevel Warn
echo "  $(find "$work/docs" -name '*.html' | wc -l) pages, as \`make docs\` writes them to docs/client/"

step "package check passed in $((SECONDS - started))s"
