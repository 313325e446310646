// A line as each test file starts, with how many have started: vitest's default reporter prints a
// file only once it ends, which leaves a slow run (the contract suites, the pipeline, a busy machine)
// silent for minutes.
import { relative } from 'node:path';
import type { Reporter, TestModule, TestSpecification } from 'vitest/node';

export default class ProgressReporter implements Reporter {
  #total = 0;
  #started = 0;
  #start = Date.now();

  onTestRunStart(specifications: readonly TestSpecification[]): void {
    this.#total = specifications.length;
    this.#start = Date.now();
  }

  onTestModuleStart(module: TestModule): void {
    const seconds = Math.round((Date.now() - this.#start) / 1000);
    process.stdout.write(`  started ${relative(process.cwd(), module.moduleId)} (${++this.#started} of ${this.#total}, ${seconds}s)\n`);
  }
}
