// Starts bench/server.ts in a child process and resolves to its URL; the child exits with us.
// stats() asks it how many requests it served and how many bytes its sockets wrote so far.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerStats {
  requests: number;
  bytes: number;
}

export interface ApiServer {
  url: string;
  stats(): Promise<ServerStats>;
  close(): void;
}

export async function startApiServer(env: Record<string, string> = {}): Promise<ApiServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('server.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.stdout!.once('data', (chunk) => resolve(String(chunk).trim()));
  });
  child.removeAllListeners('exit');
  const stats = () =>
    new Promise<ServerStats>((resolve) => {
      child.once('message', (message) => resolve(message as ServerStats));
      child.send('stats');
    });
  return { url, stats, close: () => child.kill() };
}
