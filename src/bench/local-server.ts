/**
 * `src/main.ts` in a child process on 127.0.0.1, as the load measurements (webhook, burst) and the burst test
 * run it: a free port, the environment given, ready once /readyz answers 200, stopped with SIGTERM (SIGKILL after
 * 10 s). One node process (not npx), so it is stopped by its own pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running child server. */
export interface LocalServer {
  base: string;
  child: ChildProcess;
  /** The last 2,000 characters the child wrote to stderr (its logs), for error messages. */
  stderr(): string;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitReady(server: LocalServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited with ${server.child.exitCode}: ${server.stderr()}`);
    const ok = await fetch(`${server.base}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not become ready in time: ${server.stderr()}`);
}

/**
 * Starts `src/main.ts` with `env` over the current environment (no chat token unless `env` sets one), stdin
 * closed so it serves HTTP rather than a terminal chat; resolves once ready.
 */
export async function startLocalServer(env: Record<string, string>, readyTimeoutMs = 120_000): Promise<LocalServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, TELEGRAM_BOT_TOKEN: '', ZALO_BOT_TOKEN: '', LOG_LEVEL: 'error', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
  const server: LocalServer = {
    base: `http://127.0.0.1:${port}`,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 10_000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
      });
    },
  };
  try {
    await waitReady(server, readyTimeoutMs);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}
