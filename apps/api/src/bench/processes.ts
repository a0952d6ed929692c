import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { envText, inheritedEnv, readEnv } from '@nba/config';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A server in its own process (so the load generator does not share its event loop). */
export interface ServerProcess {
  url: string;
  /** The API's probe port (`PROBE_PORT`, a free one each start so runs side by side never clash on 8081). */
  probeUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The API as it ships (`dist/main.js`, from `pnpm build`); the benchmarks are compiled apart, into `dist-bench/`. */
export const API_MAIN = path.resolve(__dirname, '..', '..', 'dist', 'main.js');

/** Starts `script` (a path) with `env` and waits until `readyPath` answers 200. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  readyPath: string,
  execArgv: string[] = [],
): Promise<ServerProcess> {
  const port = await freePort();
  const probePort = env.PROBE_PORT ?? String(await freePort());
  const profileDir = readEnv({ BENCH_PROFILE_DIR: envText() }).BENCH_PROFILE_DIR;
  const child = fork(script, [], {
    // BENCH_PROFILE_DIR: write a CPU profile of each server process there
    execArgv: [...execArgv, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: inheritedEnv({ ...env, PORT: String(port), PROBE_PORT: probePort, HOST: '127.0.0.1' }),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${readyPath}`, 120_000);
  return {
    url,
    probeUrl: `http://127.0.0.1:${probePort}`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** What one autocannon run measured. */
export interface LoadResult {
  name: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon; `bodies` cycle through POST bodies when given. */
export async function load(
  name: string,
  url: string,
  options: { seconds: number; connections: number; method?: 'GET' | 'POST'; bodies?: string[] },
): Promise<LoadResult> {
  let i = 0;
  const bodies = options.bodies;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: bodies ? { 'content-type': 'application/json' } : {},
    ...(bodies
      ? {
          requests: [
            {
              setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[i++ % bodies.length] }),
            },
          ],
        }
      : {}),
  } as autocannon.Options);
  return {
    name,
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
