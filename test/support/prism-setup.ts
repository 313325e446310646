import type { TestProject } from 'vitest/node';
import { startMockServer } from '../../src/testing.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServer();
  project.provide('prismUrl', mock.baseUrl);
  return () => mock.close();
}
