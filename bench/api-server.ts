// Starts bench/server.ts in a child process and resolves to its URL; the child exits with us.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function startApiServer(env: Record<string, string> = {}): Promise<{ url: string; close(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('server.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.stdout!.once('data', (chunk) => resolve(String(chunk).trim()));
  });
  child.removeAllListeners('exit');
  return { url, close: () => child.kill() };
}
