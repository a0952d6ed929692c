import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The port a new data folder tries first (the one every folder used before ports were per folder). */
export const DEFAULT_EMBEDDED_PORT = 54329;

/** Whether nothing listens on 127.0.0.1:`port` (the embedded server binds only there). */
export async function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS hands out as free right now. */
export async function osAssignedPort(host = '127.0.0.1'): Promise<number> {
  const server = net.createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const portFile = (stateDir: string) => path.join(stateDir, 'postgres.port');

/** The port recorded for this data folder, if any. */
export function recordedPort(stateDir: string): number | undefined {
  try {
    const port = Number(readFileSync(portFile(stateDir), 'utf8').trim());
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

/** Records the port this folder's server listens on, for its next start (written whole, then renamed). */
export function recordPort(stateDir: string, port: number): void {
  const tmp = `${portFile(stateDir)}.${process.pid}`;
  writeFileSync(tmp, `${port}\n`, { mode: 0o644 });
  renameSync(tmp, portFile(stateDir));
}

/**
 * The port for this folder's server: the recorded one while it is free, else (first start)
 * {@link DEFAULT_EMBEDDED_PORT} while free, else one the OS assigns. `avoid` holds ports that just
 * turned out taken (a program bound one between the check and the server's start).
 */
export async function choosePort(stateDir: string, avoid: ReadonlySet<number> = new Set()): Promise<number> {
  const preferred = recordedPort(stateDir) ?? DEFAULT_EMBEDDED_PORT;
  if (!avoid.has(preferred) && (await portFree(preferred))) return preferred;
  for (;;) {
    const port = await osAssignedPort();
    if (!avoid.has(port)) return port;
  }
}
