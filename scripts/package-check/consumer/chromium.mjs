// The browser check of `make check-package`: bundles browser-page.mjs from the installed package
// (esbuild, platform=browser), serves it from a local server, and has Debian's chromium (driven by
// playwright-core from RUNTIMES_DIR) create a room in the page against the Prism mock, a
// cross-origin call as from any web app. Resolves to the page's result; rejects on any failure.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

export async function createRoomInChromium(mockUrl) {
  if (!executablePath) throw new Error('chromium is not installed (make check-package installs it with apt-get)');
  const bundle = await build({
    entryPoints: ['browser-page.mjs'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const page = `<!doctype html><title>loading</title><script type="module">${bundle.outputFiles[0].text.replace(/<\/script/gi, '<\\/script')}</script>`;
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], timeout: 30_000 });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/?mock=${encodeURIComponent(mockUrl)}`);
    await tab.waitForFunction(() => document.title !== 'loading', undefined, { timeout: 30_000 });
    const title = await tab.title();
    if (!title.startsWith('ok ')) throw new Error(title);
    return `chromium ${browser.version()}: ${title.slice(3)}`;
  } finally {
    await browser.close();
    server.close();
  }
}
