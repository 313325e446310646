// The client as it was before the generated-table runtime (commit 86209ce: hand-written
// conferenceRooms methods), extracted from git into .bench/previous/ and imported from its sources,
// so that one bench run compares the generic runtime with the code it replaced.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const COMMIT = '86209ce';
const dir = fileURLToPath(new URL('../.bench/previous/', import.meta.url));

interface PreviousRooms {
  create(body: object): Promise<unknown>;
  get(id: string): Promise<unknown>;
}

export async function previousClient(options: object): Promise<{ conferenceRooms: PreviousRooms }> {
  if (!existsSync(`${dir}src/index.ts`)) {
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${COMMIT} src generated | tar -x -C "${dir}"`, { stdio: 'inherit' });
  }
  const module = (await import(`${dir}src/index.ts`)) as { createSignalWireClient(options: object): { conferenceRooms: PreviousRooms } };
  return module.createSignalWireClient(options);
}
