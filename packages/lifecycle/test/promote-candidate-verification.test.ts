// The daily job's auto-promotion goes through the registry's promoteVersion, which verifies the
// candidate's stored artifacts: a candidate damaged after registration is refused, production stays.
import { createHash } from 'node:crypto';
import { silentLogger } from '@nba/logging';
import { ModelRegistry, RegistryError } from '@nba/registry';
import { TEST_MODEL_FEATURES, createTestDatabase, trainTestModelJson, type TestDatabase } from '@nba/testing';
import { promoteCandidate } from '../src';

let db: TestDatabase;
let registry: ModelRegistry;
const model = trainTestModelJson();
const featureSpec = { name: 'pregame', version: '1', features: TEST_MODEL_FEATURES };

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'pipeline_promote_verify' });
  registry = new ModelRegistry(db.client, { logger: silentLogger() });
  for (const version of ['1.0.0', '1.1.0'])
    await registry.registerVersion({ name: 'nba-winner', version, artifacts: { win: model }, featureSpec });
  await promoteCandidate(registry, silentLogger(), { name: 'nba-winner', version: '1.0.0' }, 'first');
});
afterAll(async () => db?.drop());

test('auto-promotion of a candidate whose stored artifact no longer verifies is refused; production stays', async () => {
  const candidate = await registry.getVersion('nba-winner', '1.1.0');
  const junk = Buffer.from('{"learner":{"gradient_booster":{}}}');
  await db.client.modelArtifact.updateMany({
    where: { modelVersionId: candidate.id, role: 'win' },
    data: { content: new Uint8Array(junk), sha256: createHash('sha256').update(junk).digest('hex') },
  });
  const error = await promoteCandidate(
    registry,
    silentLogger(),
    { name: 'nba-winner', version: '1.1.0' },
    'beats production',
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RegistryError);
  expect((error as RegistryError).code).toBe('INVALID_ARTIFACT');
  expect((error as RegistryError).message).toMatch(
    /^refusing to promote model 'nba-winner' version 1\.1\.0: its 'win' artifact cannot be loaded by XGBoost \(.+\); production stays 1\.0\.0\./,
  );
  expect((await registry.getProductionVersion('nba-winner'))?.version).toBe('1.0.0');
  expect((await registry.getVersion('nba-winner', '1.1.0')).status).toBe('staging');
});
