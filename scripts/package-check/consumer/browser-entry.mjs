// Bundled for the browser by `make check-package` (esbuild, platform=browser): the "browser" export
// condition must lead to a build without node:http, node:https or any other Node built-in.
import { createSignalWireClient } from 'signalwire-rest';

const client = createSignalWireClient({ baseUrl: 'https://example.signalwire.com', projectId: 'p', apiToken: 't' });
console.log(client.baseUrl);
