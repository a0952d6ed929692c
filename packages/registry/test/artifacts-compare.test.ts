import { closeTo, containing, createTestDatabase, type TestDatabase } from '@nba/testing';
import { ModelRegistry, RegistryError } from '../src';
import { registration, winModel } from './fixtures';

let db: TestDatabase;
let registry: ModelRegistry;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'registry_art' });
  registry = new ModelRegistry(db.client, { actor: 'qa@test' });
});
afterAll(async () => db.drop());

describe('artifact integrity', () => {
  test('a corrupted artifact is refused with a clear error; the intact one loads', async () => {
    const v = await registry.registerVersion(registration('corrupt', '1.0.0'));
    await registry.registerVersion(registration('corrupt', '1.0.1'));
    // Flip one digit inside the stored model, as disk or a bad restore might.
    const original = Buffer.from(winModel(), 'utf8');
    const damaged = Buffer.from(original);
    const at = damaged.indexOf('"base_score"') + 20;
    damaged[at] = damaged[at] === 0x31 ? 0x32 : 0x31;
    await db.client
      .$executeRaw`UPDATE model_artifacts SET content = ${new Uint8Array(damaged)} WHERE model_version_id = ${v.id} AND role = 'win'`;
    const error = await registry.loadArtifacts('corrupt', '1.0.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe('CHECKSUM_MISMATCH');
    expect((error as RegistryError).message).toMatch(
      /the 'win' artifact of model 'corrupt' version 1\.0\.0 is corrupted: its sha256 is [0-9a-f]{64} but [0-9a-f]{64} was recorded/,
    );
    expect((await registry.loadArtifacts('corrupt', '1.0.1')).win).toBe(winModel());
  });
});

describe('compare', () => {
  test('metrics side by side with differences; no live section without a record of forecasts', async () => {
    await registry.registerVersion(
      registration('cmp', '1.0.0', { metrics: { logLoss: 0.65, accuracy: 0.62, backtest: { logLoss: 0.66 } } }),
    );
    await registry.registerVersion(
      registration('cmp', '1.1.0', { metrics: { logLoss: 0.63, accuracy: 0.64, brier: 0.22 } }),
    );
    const c = await registry.compareVersions({ name: 'cmp', version: '1.0.0' }, { name: 'cmp', version: '1.1.0' });
    expect(c.a.version).toBe('1.0.0');
    expect(c.b.version).toBe('1.1.0');
    expect(c.metrics).toEqual([
      { dataset: 'backtest', metric: 'logLoss', a: 0.66, b: null, difference: null },
      { dataset: 'validation', metric: 'accuracy', a: 0.62, b: 0.64, difference: closeTo(0.02, 12) },
      { dataset: 'validation', metric: 'brier', a: null, b: 0.22, difference: null },
      { dataset: 'validation', metric: 'logLoss', a: 0.65, b: 0.63, difference: closeTo(-0.02, 12) },
    ]);
    expect(c.live).toBeUndefined();
  });

  test('comparing an unknown version names it', async () => {
    await expect(
      registry.compareVersions({ name: 'cmp', version: '1.0.0' }, { name: 'cmp', version: '4.0.0' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: containing("'cmp' version 4.0.0"),
    });
  });
});
