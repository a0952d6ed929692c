import { Worker } from 'node:worker_threads';
import type { Logger } from '@nba/logging';
import { PROBE_WORKER_SOURCE } from './probe-worker-source';

/** What the main thread publishes for the probe worker. */
export interface ProbeSnapshot {
  shuttingDown: boolean;
  /** Served models without a loaded production version. */
  modelsNotLoaded: number;
  featuresBuilt: boolean;
}

/** Options of {@link startProbeServer}. */
export interface ProbeServerOptions {
  port: number;
  host?: string;
  logger: Logger;
  /** The state /ready reports, read by the main thread at every heartbeat. */
  snapshot(): ProbeSnapshot;
  /** The database check (the probes' own pool); resolves with the error, or undefined when reachable. */
  pingDatabase(): Promise<string | undefined>;
  /** How often the main loop writes its heartbeat (default 100 ms). */
  heartbeatMs?: number;
  /** A heartbeat older than this fails /health and /ready with 503 (default 5 s: under the liveness probe's 3 failures × 10 s). */
  staleMs?: number;
  /** How often the database is checked (default 1 s; the check's own timeout is the caller's). */
  databaseCheckMs?: number;
}

/** A running probe server (its own worker thread and port). */
export interface ProbeServer {
  /** `http://host:port` it listens on. */
  url: string;
  port: number;
  /** Publishes the snapshot now (e.g. at SIGTERM, so /ready turns 503 before the next heartbeat). */
  publish(): void;
  /** Stops the heartbeat and the database checks, closes the port and ends the worker. */
  close(): Promise<void>;
}

const HEARTBEAT = 0;
const SHUTTING_DOWN = 1;
const DATABASE = 2;
const MODELS_NOT_LOADED = 3;
const FEATURES = 4;
const STARTED = 5;

/**
 * Serves `/health` and `/ready` from a worker thread on a port of their own. The main event loop
 * only writes a heartbeat and the readiness state into shared memory, so a probe never waits
 * behind the main port's connections, while a stuck main loop still fails liveness (the heartbeat
 * goes stale) and readiness keeps its meaning: models and features loaded, not shutting down, the
 * database reachable at the main thread's last check.
 */
export async function startProbeServer(options: ProbeServerOptions): Promise<ProbeServer> {
  const buffer = new SharedArrayBuffer(8 * 6);
  const state = new BigInt64Array(buffer);
  const set = (i: number, v: number): void => {
    Atomics.store(state, i, BigInt(Math.round(v)));
  };
  const publish = () => {
    const s = options.snapshot();
    set(SHUTTING_DOWN, s.shuttingDown ? 1 : 0);
    set(MODELS_NOT_LOADED, s.modelsNotLoaded);
    set(FEATURES, s.featuresBuilt ? 1 : 0);
    set(HEARTBEAT, Date.now());
  };
  set(STARTED, Date.now());
  publish();
  const worker = new Worker(PROBE_WORKER_SOURCE, {
    eval: true,
    workerData: { buffer, port: options.port, host: options.host ?? '0.0.0.0', staleMs: options.staleMs ?? 5_000 },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { port?: number; error?: string }) => {
      if (m.port !== undefined) resolve(m.port);
      else reject(new Error(`probe port ${options.port}: ${m.error}`));
    });
  }).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  worker.on('error', (err) => options.logger.error('probe worker failed', { err }));
  const heartbeat = setInterval(publish, options.heartbeatMs ?? 100);
  // one check at a time: a stalled database is reported when its check times out, not piled up
  let checking: Promise<void> | undefined;
  const check = () =>
    (checking ??= options
      .pingDatabase()
      .then(
        (error) => set(DATABASE, error ? 2 : 1),
        () => set(DATABASE, 2),
      )
      .finally(() => (checking = undefined)));
  // the first check is done before the port is reported: a probe right after start-up sees the
  // database's state, never "not checked yet" (its own timeout bounds the wait)
  await check();
  const checks = setInterval(() => void check(), options.databaseCheckMs ?? 1_000);
  const host = options.host ?? '0.0.0.0';
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(heartbeat);
      clearInterval(checks);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        worker.on('message', (m: { closed?: boolean }) => m.closed && (clearTimeout(timer), resolve()));
        worker.postMessage('close');
      });
      await worker.terminate();
    })());
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, publish, close };
}
