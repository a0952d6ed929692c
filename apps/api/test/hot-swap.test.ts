import { silentLogger } from '@nba/logging';
import { toRegistration, type TrainedModel } from '@nba/modeling';
import { ModelRegistry } from '@nba/registry';
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { startServer, type RunningServer } from '../src/server';
import { disposeModel, insertGames, registerModel, syntheticHistory, trainOn } from './fixtures';

let db: TestDatabase;
let registry: ModelRegistry;
let model1: TrainedModel;
let model2: TrainedModel;
let api: RunningServer;
const history = syntheticHistory({ seasons: [2023, 2024], seed: 3 });

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'api_swap' });
  await insertGames(db.client, history);
  registry = new ModelRegistry(db.client, { logger: silentLogger() });
  model1 = trainOn(history, 'stats', 30);
  model2 = trainOn(history, 'stats', 80);
  await registerModel(registry, model1, 'nba-winner', '1.0.0', { promote: true });
  // polling off: the swap must come from LISTEN/NOTIFY
  api = await startServer({
    db: { client: db.client, url: db.url },
    logger: silentLogger(),
    port: 0,
    host: '127.0.0.1',
    modelNames: ['nba-winner'],
    modelPollIntervalMs: 0,
    featureRefreshIntervalMs: 0,
  });
});

afterAll(async () => {
  await api?.close();
  for (const m of [model1, model2]) if (m) disposeModel(m);
  await db?.drop();
});

async function predictVersion(): Promise<{ status: number; version?: string }> {
  const res = await fetch(`${api.url}/v1/predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ home: 'BOS', away: 'NYK' }),
  });
  const body = (await res.json()) as { model?: { version: string } };
  return { status: res.status, version: body.model?.version };
}

async function readyVersion(): Promise<string | undefined> {
  const body = (await (await fetch(`${api.url}/ready`)).json()) as { model: { version: string } | null };
  return body.model?.version;
}

async function until(cond: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('a promotion while requests are in flight: no failure, then the new version', async () => {
  expect(await readyVersion()).toBe('1.0.0');
  await registerModel(registry, model2, 'nba-winner', '2.0.0');
  const seen: { status: number; version?: string }[] = [];
  let stop = false;
  const worker = async () => {
    while (!stop) seen.push(await predictVersion());
  };
  const workers = Array.from({ length: 8 }, worker);
  await until(() => seen.length > 50);
  await registry.promoteVersion('nba-winner', '2.0.0', { actor: 'test', reason: 'hot swap under load' });
  const countAtPromotion = seen.length;
  await until(() => seen.slice(countAtPromotion).some((s) => s.version === '2.0.0'));
  const firstNew = seen.findIndex((s) => s.version === '2.0.0');
  await until(() => seen.length > firstNew + 100);
  stop = true;
  await Promise.all(workers);

  expect(seen.filter((s) => s.status !== 200)).toEqual([]);
  // once the new version answered, the old one never answers again (responses arrive in order per worker; allow the 8 in flight)
  const oldAfter = seen.slice(firstNew + 8).filter((s) => s.version === '1.0.0');
  expect(oldAfter).toEqual([]);
  expect(seen.slice(0, countAtPromotion).every((s) => s.version === '1.0.0')).toBe(true);
  expect(await readyVersion()).toBe('2.0.0');
  const metrics = await (await fetch(`${api.url}/metrics`)).text();
  expect(metrics).toContain('model_info{model="nba-winner",version="2.0.0"} 1');
  expect(metrics).not.toContain('model_info{model="nba-winner",version="1.0.0"}');
});

test('a version that fails its checksum is refused; the old one keeps serving', async () => {
  await registerModel(registry, model1, 'nba-winner', '2.1.0');
  // corrupt the stored bytes after registration (as a bad restore would)
  await db.client.$executeRaw`UPDATE model_artifacts SET content = content || '\\x20'::bytea
     WHERE role = 'margin' AND model_version_id = (SELECT id FROM model_versions WHERE name = 'nba-winner' AND version = '2.1.0')`;
  // the registry refuses to promote it (packages/registry verifies artifacts) ...
  await expect(registry.promoteVersion('nba-winner', '2.1.0', { actor: 'test' })).rejects.toMatchObject({
    code: 'CHECKSUM_MISMATCH',
  });
  // ... so put it in production behind the registry's back (a hand edit): the API must refuse it too
  await db.client.$transaction([
    db.client
      .$executeRaw`UPDATE model_versions SET status = 'archived' WHERE name = 'nba-winner' AND status = 'production'`,
    db.client
      .$executeRaw`UPDATE model_versions SET status = 'production' WHERE name = 'nba-winner' AND version = '2.1.0'`,
    db.client.$executeRaw`SELECT pg_notify('model_promoted', 'nba-winner')`,
  ]);
  await until(async () =>
    (await (await fetch(`${api.url}/metrics`)).text()).includes(
      'model_load_failures_total{model="nba-winner",version="2.1.0"} 1',
    ),
  );
  expect(await predictVersion()).toEqual({ status: 200, version: '2.0.0' });
  expect(await readyVersion()).toBe('2.0.0');
  const prod = (await (await fetch(`${api.url}/v1/models/production`)).json()) as {
    model: { version: string };
    serving: { version: string };
  };
  expect(prod.model.version).toBe('2.1.0');
  expect(prod.serving.version).toBe('2.0.0');
});

test('a version whose feature spec this code cannot compute is refused; the next good one loads', async () => {
  const reg = toRegistration(model1);
  const oldSpec = { ...reg.featureSpec, version: '0.0.1-old', features: [...reg.featureSpec.features] };
  await registry.registerVersion({
    name: 'nba-winner',
    version: '2.2.0',
    artifacts: reg.artifacts,
    featureSpec: oldSpec,
    params: { bundle: { ...reg.params.bundle, spec: oldSpec } },
    createdBy: 'test',
  });
  await registry.promoteVersion('nba-winner', '2.2.0', { actor: 'test' });
  await until(async () =>
    (await (await fetch(`${api.url}/metrics`)).text()).includes(
      'model_load_failures_total{model="nba-winner",version="2.2.0"} 1',
    ),
  );
  expect(await predictVersion()).toEqual({ status: 200, version: '2.0.0' });

  await registerModel(registry, model1, 'nba-winner', '3.0.0', { promote: true });
  await until(async () => (await readyVersion()) === '3.0.0');
  expect(await predictVersion()).toEqual({ status: 200, version: '3.0.0' });
});
