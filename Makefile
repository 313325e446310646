# signalwire-rest: every entry point a person or CI needs. `make help` lists them.
SHELL := bash
.DEFAULT_GOAL := help
BIN := node_modules/.bin
export NO_UPDATE_NOTIFIER := 1
# Plain output in logs and CI: no colour codes from vitest, npm, Jest or TypeDoc.
export NO_COLOR := 1
export npm_config_color := false

# One description + overlay per API; scripts/generate.sh writes every file of GENERATED in one run.
SPECS := openapi/signalwire-rest.openapi.yaml openapi/compatibility.openapi.yaml
OVERLAYS := openapi/signalwire-rest.overlay.yaml openapi/compatibility.overlay.yaml
NAMES := openapi/signalwire-rest.names.yaml openapi/compatibility.names.yaml
API_FILES := openapi.yaml schema.ts operations.ts reference.md
GENERATED := generated/mock.yaml generated/cxml.ts generated/webhooks.ts generated/webhook-examples.ts \
  $(addprefix generated/,$(API_FILES)) $(addprefix generated/compat.,$(API_FILES))
PIPELINE := redocly.yaml scripts/generate.sh scripts/check-overlay-targets.mjs scripts/mock-description.mjs \
  scripts/mock-merge.mjs scripts/document-ranges.mjs scripts/operation-table.mjs scripts/lib/refs.mjs scripts/lib/untrusted.mjs src/client-members.ts \
  scripts/webhook-table.mjs scripts/openapi-typescript.redocly.yaml
# The cXML table: SignalWire's cXML reference pages (openapi/cxml/) and the project's corrections to them.
CXML_PAGES := $(wildcard openapi/cxml/*/*.mdx openapi/cxml/*/*/*.mdx) openapi/cxml/corrections.yaml
PIPELINE += scripts/cxml-table.mjs scripts/lib/cxml-pages.mjs

.PHONY: help install generate check-generated lint typecheck unit test demo mock bench build check-package check-readme docs spec-diff profile

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

# npm ci only when the lock file changed since the last install.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json ## Install the pinned tools (npm ci)

# One pipeline run writes every file of GENERATED, and STAMP: the sha256 of every input. make skips the
# run when the inputs still hash to STAMP: by content, not file times, which a git clone or checkout
# sets in no useful order (a fresh clone's openapi/ may look newer than its generated/).
GENERATE_INPUTS := $(SPECS) $(OVERLAYS) $(NAMES) $(PIPELINE) $(CXML_PAGES)
STAMP := generated/inputs.sha256
input_hashes = sha256sum $(GENERATE_INPUTS)
GENERATED_FRESH := $(shell $(input_hashes) 2> /dev/null | cmp -s - $(STAMP) && ls $(GENERATED) > /dev/null 2>&1 && echo yes)

generate: install ## Lint openapi/, apply the overlay, write generated/ (no work when its inputs' content is unchanged)
ifneq ($(GENERATED_FRESH),yes)
	scripts/generate.sh generated && $(input_hashes) > $(STAMP)
endif

check-generated: install ## Fail when any file of generated/ is stale against openapi/
	@$(input_hashes) | cmp -s - $(STAMP) || \
	{ echo "$(STAMP) does not match the pipeline's inputs: run 'make generate' and commit the result." >&2; exit 1; }
	@scratch=$$(mktemp -d) && trap 'rm -rf "$$scratch"' EXIT && \
	scripts/generate.sh "$$scratch" && \
	for file in $(notdir $(GENERATED)); do cmp -s "generated/$$file" "$$scratch/$$file" || \
	{ echo "generated/$$file is stale against openapi/: run 'make generate' and commit the result." >&2; exit 1; }; done

lint: generate ## Redocly lint of the overlays and the patched descriptions: file, line and rule of each problem
	$(BIN)/redocly lint --format=stylish $(OVERLAYS) $(filter %openapi.yaml,$(GENERATED)) 2> >(grep -v '[║╔╚]' >&2)

typecheck: generate ## tsc over src/, test/ and the type-level tests; src/ again under exactOptionalPropertyTypes
	$(BIN)/tsc --noEmit -p tsconfig.json
	$(BIN)/tsc --noEmit -p tsconfig.strict.json

# vitest warns on every run that type tests are experimental and that its version should be pinned
# (it is, in package.json): not the project's warning, so it is dropped.
unit: generate ## Run the vitest suites only (TESTS=test/x.test.ts: those files)
	$(BIN)/vitest run $(TESTS) 2> >(grep -vE '^(Testing types with tsc and vue-tsc is an experimental feature\.|Breaking changes might not follow SemVer, please pin Vitest.s version when using it\.)$$' >&2)

test: check-generated lint typecheck unit check-readme check-package ## Every check CI runs

bench: build ## Per-call cost, browser bundle size, pagination memory, pipeline scale: one table (WRITE=1 also updates bench/results.md)
	$(BIN)/tsx bench/run.ts $(if $(WRITE),--write bench/results.md)
profile: build ; $(BIN)/tsx bench/profile.ts --label "$(or $(LABEL),latest)" --write bench/profile.md ## CPU profile of 100,000 create() calls: its section LABEL (e.g. before) of bench/profile.md

demo: generate ## Create a room through the client against the Prism mock, print it
	$(BIN)/tsx scripts/demo.ts

mock: generate ## Serve generated/mock.yaml (SWML documents opaque) with Prism on http://127.0.0.1:4010
	$(BIN)/prism mock generated/mock.yaml --host 127.0.0.1 --port 4010

# ---- Package, docs and spec updates ----
DIST := $(foreach entry,index testing webhooks cxml,$(foreach ext,js cjs d.ts d.cts,dist/$(entry).$(ext))) dist/index.browser.js dist/index.browser.cjs
RUNTIMES_DIR := .cache/runtimes

# Grouped target: one tsup run writes dist/; make skips it when nothing it is built from changed.
$(DIST) &: $(wildcard src/*.ts src/*/*.ts generated/*.ts) tsup.config.ts scripts/cjs-import-meta-url.mjs package.json
	rm -rf dist && $(BIN)/tsup --silent

build: install $(DIST) ## Build dist/: ESM, CommonJS, browser ESM and declarations of every entry point (tsup)

# Node 22 and 24, Bun and Deno from npm (scripts/package-check/runtimes/), outside node_modules and off PATH.
$(RUNTIMES_DIR)/node_modules/.package-lock.json: scripts/package-check/runtimes/package.json scripts/package-check/runtimes/package-lock.json
	mkdir -p $(RUNTIMES_DIR) && cp $^ $(RUNTIMES_DIR)/
	cd $(RUNTIMES_DIR) && npm ci --prefer-offline --no-audit --no-fund --loglevel=error
	@touch $@

check-package: build $(RUNTIMES_DIR)/node_modules/.package-lock.json ## publint, attw, publish --dry-run, pack, install, import/require, tsc; a room on Node 20/22/24, Bun, Deno, workerd, Chromium; README runner setups; TypeDoc
	scripts/check-package.sh

check-readme: generate ## Type-check every ```ts block of README.md against src/
	node scripts/check-readme-samples.mjs README.md

docs: generate ## References: both HTTP APIs in docs/index.html and docs/compat.html (Redocly), the client and its methods in docs/client/ (TypeDoc)
	$(BIN)/redocly build-docs generated/openapi.yaml --inlineBundle --output docs/index.html \
	  2> >(grep -v '[║╔╚]' | sed '/^\s*$$/d' >&2)
	$(BIN)/redocly build-docs generated/compat.openapi.yaml --inlineBundle --output docs/compat.html \
	  2> >(grep -v '[║╔╚]' | sed '/^\s*$$/d' >&2)
	$(BIN)/typedoc --logLevel Warn && echo 'docs/client/index.html: the client (README as front page), its types by family, both method references'

spec-diff: install ## What NEW=path/to/new.yaml changes for the package's users (methods, webhooks), then its rating, before regenerating
	@[[ -n "$(NEW)" ]] || { echo 'usage: make spec-diff NEW=path/to/new.yaml [FAIL_ON=major|minor|patch|none] [API=signalwire-rest|compatibility]' >&2; exit 2; }
	FAIL_ON=$(or $(FAIL_ON),major) API=$(API) scripts/spec-diff.sh "$(NEW)"
