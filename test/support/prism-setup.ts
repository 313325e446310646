import type { TestProject } from 'vitest/node';
import { type MockClientOptions, startMockServer } from '../../src/testing.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
    /** The mock's own client options: every operation of both APIs accepts them. */
    mockClientOptions: MockClientOptions;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServer();
  project.provide('prismUrl', mock.baseUrl);
  project.provide('mockClientOptions', mock.clientOptions);
  return () => mock.close();
}
