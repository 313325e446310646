// A process that starts the Prism mock and then ends the way argv[2] says, for
// test/mock-lifecycle.test.ts: it prints Prism's pid, then
//   hang:   keeps running (the test kills it with SIGKILL);
//   exit:   calls process.exit(0) without close();
//   return: lets the event loop drain without close().
import { startMockServer } from '../../src/testing.js';

const mock = await startMockServer({ description: process.env.MOCK_DESCRIPTION });
console.log(`prism ${mock.pid}`);
const mode = process.argv[2];
if (mode === 'hang') setInterval(() => {}, 60_000);
else if (mode === 'exit') process.exit(0);
