// Hindcast versions (trained only on the data before a past day) live beside the live ones in the
// registry but are never promoted and never listed with them.
import { createTestDatabase, matching, type TestDatabase } from '@nba/testing';
import { ModelRegistry, RegistryError } from '../src';
import { registration } from './fixtures';

let db: TestDatabase;
let registry: ModelRegistry;

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'registry_hindcast' });
  registry = new ModelRegistry(db.client, { actor: 'ops@test' });
});
afterAll(async () => db.drop());

test('a hindcast version is registered with its kind, listed only when asked for, and cannot be promoted', async () => {
  await registry.registerVersion(registration('winner', '1.0.0'));
  const hindcast = await registry.registerVersion({
    ...registration('winner', '0.0.0-hindcast.2024-01-08'),
    kind: 'hindcast',
  });
  expect(hindcast.kind).toBe('hindcast');
  expect((await registry.getVersion('winner', '1.0.0')).kind).toBe('live');

  expect((await registry.listVersions({ name: 'winner' })).map((v) => v.version)).toEqual(['1.0.0']);
  expect((await registry.listVersions({ name: 'winner', kind: 'hindcast' })).map((v) => v.version)).toEqual([
    '0.0.0-hindcast.2024-01-08',
  ]);

  const refused = await registry.promoteVersion('winner', '0.0.0-hindcast.2024-01-08').catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(RegistryError);
  expect(refused).toMatchObject({ code: 'INVALID_STATE', message: matching(/is a hindcast/) });
  expect(await registry.getProductionVersion('winner')).toBeUndefined();
  // the audit trail is the live versions'
  expect((await registry.getHistory('winner')).map((e) => [e.version, e.action])).toEqual([['1.0.0', 'registered']]);
});

test('an unknown kind is refused, naming the field and value', async () => {
  const bad = { ...registration('winner', '2.0.0'), kind: 'past' } as unknown as Parameters<
    ModelRegistry['registerVersion']
  >[0];
  await expect(registry.registerVersion(bad)).rejects.toThrow(/kind must be one of live, hindcast, got "past"/);
});
