import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts one Prism mock from generated/openapi.yaml for the contract tests; stops it afterwards.
    globalSetup: ['test/support/prism-setup.ts'],
    // The default report, plus a line as each file starts: a long run shows where it is.
    reporters: ['default', './test/support/progress-reporter.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
