import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DbClient } from '@nba/db';
import { required } from '@nba/errors';

/** Latencies in ms, sorted. */
export type Samples = number[];

const quantile = (sorted: Samples, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** `p50 …, p99 …, max …` of latencies. */
export function summary(xs: readonly number[]): { p50: number; p99: number; max: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p99: quantile(s, 0.99), max: s.at(-1) ?? NaN, n: s.length };
}

export const fmt = (xs: readonly number[]) => {
  const s = summary(xs);
  return `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n ${s.n})`;
};

/** `a`'s p99 over `b`'s, as text (`1.4x`). */
export const ratio = (a: readonly number[], b: readonly number[]) => `${(summary(a).p99 / summary(b).p99).toFixed(1)}x`;

/** The 1-minute load average, as text. */
export const load1 = () => required(os.loadavg()[0], 'the 1-minute load average').toFixed(1);

const count = (xs: readonly number[]) => xs.reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});

/** One GET: its time to the last byte, status and size. */
export function timeGet(
  url: string,
  agent: http.Agent | false,
  headers: Record<string, string> = {},
): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes }));
      })
      .on('error', reject);
  });
}

/** `n` requests one at a time on one keep-alive connection: every latency, and the answers other than 200 by status. */
export async function sequential(
  url: string,
  n: number,
): Promise<{ ms: Samples; bytes: number; failed: Record<number, number> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ms: Samples = [];
  const failed: number[] = [];
  let bytes = 0;
  try {
    for (let i = 0; i < n; i++) {
      const r = await timeGet(url, agent);
      ms.push(r.ms);
      if (r.status !== 200) failed.push(r.status);
      else bytes = r.bytes;
    }
  } finally {
    agent.destroy();
  }
  return { ms, bytes, failed: count(failed) };
}

/** Requests `url` until it answers 200 (a first render may outlast the read deadline), at most `tries` times. */
export async function warmUp(url: string, tries = 30): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if ((await timeGet(url, false)).status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url}: no 200 after ${tries} tries`);
}

/**
 * A change of the data the pages show, like a day's settlement: the latest settled forecast of
 * each model's newest version moves a little (so those versions' scores and charts change, the
 * others' stay), then a wait past the API's 2 s data-version recheck, so the next request of each
 * page is its first render after the change.
 */
export async function changeData(db: DbClient): Promise<void> {
  await db.$executeRaw`
    UPDATE predictions SET settled_at = now(), home_win_prob = CASE WHEN home_win_prob > 0.5 THEN home_win_prob - 0.001 ELSE home_win_prob + 0.001 END
     WHERE id IN (SELECT max(p.id) FROM predictions p
                   WHERE p.settled_at IS NOT NULL
                     AND p.model_version_id IN (SELECT max(id) FROM model_versions GROUP BY name))`;
  await new Promise((r) => setTimeout(r, 2_200));
}

/** First renders after a data change: `rounds` changes, after each one request per path (ms and statuses other than 200, per path). */
export async function firstRenders(
  db: DbClient,
  base: string,
  paths: readonly string[],
  rounds: number,
): Promise<{ ms: Samples; failed: number[] }[]> {
  const out = paths.map((p) => ({ path: p, ms: [] as Samples, failed: [] as number[] }));
  for (let i = 0; i < rounds; i++) {
    await changeData(db);
    for (const page of out) {
      const r = await timeGet(`${base}${page.path}`, false);
      page.ms.push(r.ms);
      if (r.status !== 200) page.failed.push(r.status);
      // a page answered 503 by the read deadline finishes its render meanwhile: let it, as a reader retrying would
      if (r.status !== 200) await warmUp(`${base}${page.path}`);
    }
  }
  return out.map(({ ms, failed }) => ({ ms, failed }));
}

/** What a burst measured. */
export interface BurstResult {
  statuses: Record<number, number>;
  health: Samples;
  healthStatuses: Record<number, number>;
  /** `/health` on the probe port (its own worker thread), probed the same way at the same time. */
  probePortHealth: Samples;
  probePortStatuses: Record<number, number>;
  /** A bare Express hello-world server in its own process, probed the same way at the same time: what any server answers on this machine during the burst. */
  floor: Samples;
  ready: Record<number, number>;
  load: string;
}

/**
 * `size` concurrent GETs of `path` (a keep-alive connection each, with `headers`), with `/health` probed every
 * `probeMs` on the main port and on the probe port (`probeBase`), and `floorUrl` (a bare Express server of its own) the
 * same way, by a separate process each, and `/ready` every 50 ms from here, from the burst's start to its last answer.
 */
export async function burst(
  base: string,
  probeBase: string,
  pagePath: string,
  size: number,
  floorUrl: string,
  probeMs: number,
  headers: Record<string, string> = {},
): Promise<BurstResult> {
  const prober = (url: string) =>
    fork(path.join(__dirname, 'health-prober.js'), [url, String(probeMs)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  const probers = [prober(`${base}/health`), prober(`${probeBase}/health`), prober(floorUrl)] as const;
  await Promise.all(probers.map((p) => new Promise<void>((resolve) => p.once('message', () => resolve()))));
  const many = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const statuses: number[] = [];
  let bursting = true;
  const pages = Promise.all(
    Array.from({ length: size }, () =>
      timeGet(`${base}${pagePath}`, many, headers).then(
        (r) => statuses.push(r.status),
        () => statuses.push(0),
      ),
    ),
  ).finally(() => (bursting = false));
  const ready: number[] = [];
  let load = load1();
  while (bursting) {
    ready.push((await timeGet(`${base}/ready`, false).catch(() => ({ status: 0 }))).status);
    load = load1();
    await new Promise((r) => setTimeout(r, 50));
  }
  await pages;
  many.destroy();
  const probed = (child: ChildProcess) =>
    new Promise<{ ms: number; status: number }[]>((resolve) => {
      child.once('message', (m) => resolve(m as { ms: number; status: number }[]));
      child.send('stop');
    });
  const [probes, probePort, floor] = await Promise.all([probed(probers[0]), probed(probers[1]), probed(probers[2])]);
  return {
    statuses: count(statuses),
    health: probes.map((p) => p.ms),
    healthStatuses: count(probes.map((p) => p.status)),
    probePortHealth: probePort.map((p) => p.ms),
    probePortStatuses: count(probePort.map((p) => p.status)),
    floor: floor.map((p) => p.ms),
    ready: count(ready),
    load,
  };
}
