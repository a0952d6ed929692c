// Promotion and rollback refuse a version whose stored artifacts do not verify, whoever calls them
// (CLI, pipeline): the stored bytes are damaged here directly in PostgreSQL, as a bad restore, a
// disk fault or a hand edit would.
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { ModelRegistry, RegistryError, sha256, type RegistryErrorCode } from '../src';
import { FEATURES, registration, trainModelJson, winModel } from './fixtures';

let db: TestDatabase;
let registry: ModelRegistry;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'registry_verify' });
  registry = new ModelRegistry(db.client, { actor: 'ops@test' });
});
afterAll(async () => db.drop());

/** Replaces a stored artifact's bytes, and its recorded sha256 when given. */
async function tamper(name: string, version: string, role: string, content: Buffer, digest?: string): Promise<void> {
  const v = await registry.getVersion(name, version);
  const n = await db.client.modelArtifact.updateMany({
    where: { modelVersionId: v.id, role },
    data: { content: new Uint8Array(content), ...(digest ? { sha256: digest } : {}) },
  });
  expect(n.count).toBe(1);
}

/** One digit of the stored model changed; the recorded sha256 left as it was. */
function flippedModel(): Buffer {
  const damaged = Buffer.from(winModel(), 'utf8');
  const at = damaged.indexOf('"base_score"') + 20;
  damaged[at] = damaged[at] === 0x31 ? 0x32 : 0x31;
  return damaged;
}

/** Every version's status and dates and the number of audit events: what a refusal must leave as it was. */
async function snapshot(name: string): Promise<unknown> {
  const versions = await db.client.modelVersion.findMany({
    where: { name },
    orderBy: { id: 'asc' },
    select: { version: true, status: true, promotedAt: true, archivedAt: true },
  });
  return { versions, events: await db.client.modelEvent.count({ where: { modelName: name } }) };
}

async function expectRefused(p: Promise<unknown>, code: RegistryErrorCode, message: RegExp): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  expect((error as RegistryError).code).toBe(code);
  expect((error as RegistryError).message).toMatch(message);
  expect((error as RegistryError).message).not.toContain('\n');
}

/** `name` with 1.0.0 in production and `bad` registered in staging (intact until tampered with). */
async function setUp(name: string, bad = '1.1.0'): Promise<void> {
  await registry.registerVersion(registration(name, '1.0.0'));
  await registry.promoteVersion(name, '1.0.0');
  await registry.registerVersion(
    registration(name, bad, {
      artifacts: { win: winModel(), margin: trainModelJson({ objective: 'reg:squarederror' }) },
    }),
  );
}

describe('promotion refuses artifacts that do not verify', () => {
  test('checksum: bytes changed, recorded sha256 unchanged', async () => {
    await setUp('flip');
    await tamper('flip', '1.1.0', 'win', flippedModel());
    const before = await snapshot('flip');
    const recorded = sha256(Buffer.from(winModel(), 'utf8')).slice(0, 12);
    const actual = sha256(flippedModel()).slice(0, 12);
    await expectRefused(
      registry.promoteVersion('flip', '1.1.0', { reason: 'try it' }),
      'CHECKSUM_MISMATCH',
      new RegExp(
        `^refusing to promote model 'flip' version 1\\.1\\.0: its 'win' artifact is corrupted: its bytes hash to sha256 ${actual}… ` +
          `but ${recorded}… was recorded at registration; production stays 1\\.0\\.0\\. Register the model again`,
      ),
    );
    expect(await snapshot('flip')).toEqual(before);
    expect((await registry.getProductionVersion('flip'))?.version).toBe('1.0.0');
    await expectRefused(
      registry.verifyVersion('flip', '1.1.0'),
      'CHECKSUM_MISMATCH',
      /^model 'flip' version 1\.1\.0 cannot be promoted: its 'win' artifact is corrupted/,
    );
  });

  test('not loadable: bytes and sha256 both replaced with JSON that is not a model', async () => {
    await setUp('junk');
    const junk = Buffer.from('{"hello":"world"}');
    await tamper('junk', '1.1.0', 'win', junk, sha256(junk));
    const before = await snapshot('junk');
    await expectRefused(
      registry.promoteVersion('junk', '1.1.0'),
      'INVALID_ARTIFACT',
      /^refusing to promote model 'junk' version 1\.1\.0: its 'win' artifact cannot be loaded by XGBoost \(XGBoosterLoadModelFromBuffer failed: .+\); production stays 1\.0\.0\./,
    );
    expect(await snapshot('junk')).toEqual(before);
  });

  test('feature count: a valid model trained on fewer features than the spec lists', async () => {
    await setUp('narrow');
    const narrow = Buffer.from(trainModelJson({ features: FEATURES.slice(0, 2) }), 'utf8');
    await tamper('narrow', '1.1.0', 'win', narrow, sha256(narrow));
    const before = await snapshot('narrow');
    await expectRefused(
      registry.promoteVersion('narrow', '1.1.0'),
      'INVALID_ARTIFACT',
      new RegExp(
        `^refusing to promote model 'narrow' version 1\\.1\\.0: its 'win' artifact has 2 features \\(num_feature\\) but the feature spec lists ${FEATURES.length}`,
      ),
    );
    expect(await snapshot('narrow')).toEqual(before);
  });

  test('every artifact is checked, not only win: a damaged margin model refuses the promotion', async () => {
    await setUp('margin');
    const junk = Buffer.from('{"learner":{}}');
    await tamper('margin', '1.1.0', 'margin', junk, sha256(junk));
    await expectRefused(
      registry.promoteVersion('margin', '1.1.0'),
      'INVALID_ARTIFACT',
      /its 'margin' artifact cannot be loaded by XGBoost/,
    );
    expect((await registry.getProductionVersion('margin'))?.version).toBe('1.0.0');
  });

  test('an intact version verifies and is promoted', async () => {
    await setUp('intact');
    await expect(registry.verifyVersion('intact', '1.1.0')).resolves.toBeUndefined();
    const r = await registry.promoteVersion('intact', '1.1.0');
    expect([r.promoted.version, r.archived?.version]).toEqual(['1.1.0', '1.0.0']);
  });
});

describe('rollback refuses a target whose artifacts do not verify', () => {
  test('the version to restore was damaged after it left production: production stays', async () => {
    await setUp('back');
    await registry.promoteVersion('back', '1.1.0');
    await tamper('back', '1.0.0', 'win', flippedModel());
    const before = await snapshot('back');
    await expect(registry.planRollback('back')).resolves.toMatchObject({
      from: { version: '1.1.0' },
      to: { version: '1.0.0' },
    });
    await expectRefused(
      registry.rollback('back', { reason: 'drift' }),
      'CHECKSUM_MISMATCH',
      /^refusing to roll back model 'back' to version 1\.0\.0: its 'win' artifact is corrupted: .*; production stays 1\.1\.0\./,
    );
    expect(await snapshot('back')).toEqual(before);
  });
});

describe('registration loads every artifact with XGBoost', () => {
  test('JSON with a learner object that XGBoost cannot load is refused at registration', async () => {
    await expectRefused(
      registry.registerVersion(registration('hollow', '1.0.0', { artifacts: { win: '{"learner":{}}' } })),
      'INVALID_ARTIFACT',
      /^the 'win' artifact of model 'hollow' version 1\.0\.0 cannot be loaded by XGBoost \(XGBoosterLoadModelFromBuffer failed: .+\)$/,
    );
    expect(await db.client.modelVersion.count({ where: { name: 'hollow' } })).toBe(0);
  });
});

describe('a damaged production version does not block the way out', () => {
  test('promoting an intact version and rolling back away from a damaged production both work', async () => {
    await setUp('out');
    await tamper('out', '1.0.0', 'win', flippedModel());
    expect((await registry.promoteVersion('out', '1.1.0')).promoted.version).toBe('1.1.0');
    await tamper('out', '1.1.0', 'win', flippedModel());
    await registry.registerVersion(registration('out', '1.2.0'));
    await registry.promoteVersion('out', '1.2.0');
    await tamper('out', '1.2.0', 'win', flippedModel());
    // 1.2.0 (damaged) -> 1.1.0 (damaged) is refused; production stays 1.2.0 until an intact version is promoted
    await expectRefused(
      registry.rollback('out'),
      'CHECKSUM_MISMATCH',
      /to version 1\.1\.0: .*production stays 1\.2\.0/,
    );
    await registry.registerVersion(registration('out', '1.3.0'));
    expect((await registry.promoteVersion('out', '1.3.0')).archived?.version).toBe('1.2.0');
  });
});

describe('the change confirmed is the change made', () => {
  test('promote with expectedProduction: CONFLICT when another version was promoted meanwhile', async () => {
    await setUp('seen');
    await registry.registerVersion(registration('seen', '1.2.0'));
    // shown: "1.0.0 production -> archived"; meanwhile someone promotes 1.2.0
    await registry.promoteVersion('seen', '1.2.0');
    const before = await snapshot('seen');
    await expectRefused(
      registry.promoteVersion('seen', '1.1.0', { expectedProduction: '1.0.0' }),
      'CONFLICT',
      /^model 'seen' changed since the change was shown: production is now 1\.2\.0, not 1\.0\.0; nothing changed/,
    );
    expect(await snapshot('seen')).toEqual(before);
    expect((await registry.promoteVersion('seen', '1.1.0', { expectedProduction: '1.2.0' })).archived?.version).toBe(
      '1.2.0',
    );
  });

  test('rollback with expectedPlan: CONFLICT when the rollback would now do something else', async () => {
    await setUp('plan');
    await registry.promoteVersion('plan', '1.1.0');
    const plan = await registry.planRollback('plan');
    expect([plan.from.version, plan.to.version]).toEqual(['1.1.0', '1.0.0']);
    await registry.registerVersion(registration('plan', '1.2.0'));
    await registry.promoteVersion('plan', '1.2.0');
    const before = await snapshot('plan');
    await expectRefused(
      registry.rollback('plan', { expectedPlan: { from: plan.from.version, to: plan.to.version } }),
      'CONFLICT',
      /the rollback would now go from 1\.2\.0 to 1\.1\.0, not from 1\.1\.0 to 1\.0\.0; nothing changed/,
    );
    expect(await snapshot('plan')).toEqual(before);
  });
});
