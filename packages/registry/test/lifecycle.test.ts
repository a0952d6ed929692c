import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { Booster } from '@nba/xgboost';
import { ModelRegistry, RegistryError, sha256, type RegistryErrorCode } from '../src';
import { FEATURES, registration, trainModelJson, winModel } from './fixtures';

let db: TestDatabase;
let registry: ModelRegistry;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'registry_life' });
  registry = new ModelRegistry(db.client, { actor: 'alice@test' });
});
afterAll(async () => db.drop());

async function expectCode(p: Promise<unknown>, code: RegistryErrorCode, message?: RegExp): Promise<RegistryError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  expect((error as RegistryError).code).toBe(code);
  if (message) expect((error as RegistryError).message).toMatch(message);
  return error as RegistryError;
}

describe('ModelRegistry lifecycle', () => {
  test('register stores the version in staging with its artifact, checksum, metrics and audit event', async () => {
    const v = await registry.registerVersion(
      registration('winner', '1.0.0', { metrics: { logLoss: 0.65, backtest_2023: { logLoss: 0.66 } } }),
    );
    expect(v).toMatchObject({
      name: 'winner',
      version: '1.0.0',
      status: 'staging',
      featureSpec: { name: 'pregame', version: '1', features: FEATURES },
      params: { max_depth: 2, eta: 0.3 },
      metrics: { validation: { logLoss: 0.65 }, backtest_2023: { logLoss: 0.66 } },
      trainedFrom: '2016-10-25',
      trainedTo: '2023-06-12',
      trainingGames: 8400,
      gitCommit: 'abc1234',
      createdBy: 'alice@test',
      promotedAt: null,
    });
    const bytes = Buffer.from(winModel(), 'utf8');
    expect(v.artifacts).toEqual([
      { role: 'win', format: 'xgboost-json', sha256: sha256(bytes), sizeBytes: bytes.length },
    ]);
    const rows = await db.client.modelMetric.findMany({ where: { modelVersionId: v.id }, orderBy: { dataset: 'asc' } });
    expect(rows.map((r) => [r.dataset, r.name, r.value])).toEqual([
      ['backtest_2023', 'logLoss', 0.66],
      ['validation', 'logLoss', 0.65],
    ]);
    expect(await registry.getHistory('winner')).toMatchObject([
      { version: '1.0.0', action: 'registered', fromStatus: null, toStatus: 'staging', actor: 'alice@test' },
    ]);
  });

  test('a duplicate name+version is refused and nothing changes', async () => {
    await expectCode(
      registry.registerVersion(registration('winner', '1.0.0')),
      'DUPLICATE',
      /'winner' version 1\.0\.0 is already registered/,
    );
    expect(await db.client.modelVersion.count({ where: { name: 'winner' } })).toBe(1);
    expect(await db.client.modelEvent.count({ where: { modelName: 'winner' } })).toBe(1);
  });

  test('concurrent duplicate registrations: exactly one succeeds', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => registry.registerVersion(registration('dup', '0.1.0'))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as RegistryError).code).toBe('DUPLICATE');
  });

  test('invalid versions, names and artifacts are refused with the reason', async () => {
    await expectCode(
      registry.registerVersion(registration('winner', '1.0')),
      'INVALID_VERSION',
      /'1\.0' is not a semantic version for model 'winner'/,
    );
    await expectCode(registry.registerVersion(registration('bad name!', '1.0.0')), 'INVALID_INPUT', /model name/);
    await expectCode(
      registry.registerVersion(registration('winner', '9.0.0', { artifacts: { win: 'not json' } })),
      'INVALID_ARTIFACT',
      /'win' artifact of model 'winner' version 9\.0\.0 is not JSON/,
    );
    await expectCode(
      registry.registerVersion(registration('winner', '9.0.0', { artifacts: { win: '{"version":[1,7]}' } })),
      'INVALID_ARTIFACT',
      /no "learner" object/,
    );
    const fourFeatures = trainModelJson({ features: ['a', 'b', 'c', 'd'] });
    await expectCode(
      registry.registerVersion(registration('winner', '9.0.0', { artifacts: { win: fourFeatures } })),
      'INVALID_ARTIFACT',
      /expects 4 features but the feature spec lists 3/,
    );
    await expectCode(
      registry.registerVersion(registration('winner', '9.0.0', { trainedFrom: '2024-02-30' })),
      'INVALID_INPUT',
      /trainedFrom/,
    );
    expect(await registry.listVersions({ name: 'winner' })).toHaveLength(1);
  });

  test('promote, production, a second promotion archives the first, list filters', async () => {
    expect(await registry.getProductionVersion('winner')).toBeUndefined();
    const first = await registry.promoteVersion('winner', '1.0.0', { reason: 'first model' });
    expect(first.promoted).toMatchObject({ version: '1.0.0', status: 'production' });
    expect(first.promoted.promotedAt).toBeInstanceOf(Date);
    expect(first.archived).toBeUndefined();
    await registry.registerVersion(
      registration('winner', '1.1.0', {
        artifacts: { win: winModel(), margin: trainModelJson({ objective: 'reg:squarederror', seed: 2 }) },
      }),
    );
    await expectCode(registry.promoteVersion('winner', '1.0.0'), 'INVALID_STATE', /already in production/);
    const second = await registry.promoteVersion('winner', '1.1.0', { actor: 'bob@test', reason: 'better log loss' });
    expect(second.promoted).toMatchObject({ version: '1.1.0', status: 'production' });
    expect(second.archived).toMatchObject({ version: '1.0.0', status: 'archived' });
    expect(second.archived?.archivedAt).toBeInstanceOf(Date);
    expect((await registry.getProductionVersion('winner'))?.version).toBe('1.1.0');
    expect((await registry.listVersions({ name: 'winner' })).map((v) => [v.version, v.status])).toEqual([
      ['1.1.0', 'production'],
      ['1.0.0', 'archived'],
    ]);
    expect((await registry.listVersions({ status: 'production' })).map((v) => v.name)).toEqual(['winner']);
    expect((await registry.listVersions({ status: 'staging' })).map((v) => `${v.name}@${v.version}`)).toEqual([
      'dup@0.1.0',
    ]);
    const history = await registry.getHistory('winner');
    expect(history.map((e) => [e.version, e.action, e.fromStatus, e.toStatus, e.actor, e.reason])).toEqual([
      ['1.0.0', 'registered', null, 'staging', 'alice@test', 'test model 1.0.0'],
      ['1.0.0', 'promoted', 'staging', 'production', 'alice@test', 'first model'],
      ['1.1.0', 'registered', null, 'staging', 'alice@test', 'test model 1.1.0'],
      ['1.0.0', 'archived', 'production', 'archived', 'bob@test', 'replaced by 1.1.0: better log loss'],
      ['1.1.0', 'promoted', 'staging', 'production', 'bob@test', 'better log loss'],
    ]);
  });

  test('loadArtifacts returns the exact models, loadable by XGBoost', async () => {
    const models = await registry.loadArtifacts('winner', '1.1.0');
    expect(models.win).toBe(winModel());
    expect(models.margin).toBeDefined();
    expect(models.total).toBeUndefined();
    const booster = Booster.fromJSON(models.win);
    expect(booster.numFeatures).toBe(3);
    const p = booster.predictRow([0.5, 0.1, -0.2]);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    booster.dispose();
  });

  test('archive: staging only; production and archived versions are refused', async () => {
    await registry.registerVersion(registration('winner', '1.2.0-rc.1'));
    const archived = await registry.archiveVersion('winner', '1.2.0-rc.1', { reason: 'superseded' });
    expect(archived.status).toBe('archived');
    await expectCode(registry.archiveVersion('winner', '1.2.0-rc.1'), 'INVALID_STATE', /already archived/);
    await expectCode(
      registry.archiveVersion('winner', '1.1.0'),
      'INVALID_STATE',
      /is in production and cannot be archived; promote another version/,
    );
    await expectCode(
      registry.archiveVersion('winner', '7.7.7'),
      'NOT_FOUND',
      /'winner' version 7\.7\.7 is not registered; see the registered versions with: nba-models list --name winner/,
    );
    expect((await registry.getHistory('winner')).at(-1)).toMatchObject({
      version: '1.2.0-rc.1',
      action: 'archived',
      fromStatus: 'staging',
      toStatus: 'archived',
      reason: 'superseded',
    });
  });

  test('list orders versions by semver, newest first', async () => {
    for (const v of ['0.9.0', '0.10.0', '0.10.0-beta.2', '0.10.0-beta.10'])
      await registry.registerVersion(registration('sorted', v));
    expect((await registry.listVersions({ name: 'sorted' })).map((v) => v.version)).toEqual([
      '0.10.0',
      '0.10.0-beta.10',
      '0.10.0-beta.2',
      '0.9.0',
    ]);
  });

  test('get, history and promote of unknown models say what to do', async () => {
    await expectCode(registry.getVersion('nope', '1.0.0'), 'NOT_FOUND', /'nope' version 1\.0\.0 is not registered/);
    await expectCode(registry.getHistory('nope'), 'NOT_FOUND', /no model named 'nope'/);
    await expectCode(registry.promoteVersion('winner', '3.0.0'), 'NOT_FOUND');
    await expectCode(registry.listVersions({ status: 'live' as never }), 'INVALID_INPUT');
  });
});
