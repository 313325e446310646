// The package as shipped: the bench measures dist/ (built by `make build`, which `make bench` runs
// first), typed by its sources, so that `make typecheck` needs no build. A specifier TypeScript does
// not resolve keeps it from looking for dist/ at all.
import type * as Package from '../src/index.js';

const built = '../dist/index.js';
export const { createSignalWireClient } = (await import(built)) as typeof Package;
export type { Paginator } from '../src/index.js';
