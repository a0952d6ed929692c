import { Client } from 'pg';
import { createDbClient, type DbClient } from '@nba/db';
import { required } from '@nba/errors';
import { createTestDatabase, matching, type TestDatabase } from '@nba/testing';
import { ModelRegistry, PROMOTION_CHANNEL, RegistryError } from '../src';
import { registration } from './fixtures';

let db: TestDatabase;
let registry: ModelRegistry;
const extraClients: DbClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'registry_promo' });
  registry = new ModelRegistry(db.client, { actor: 'ops@test' });
});
afterAll(async () => {
  await Promise.all(extraClients.map((c) => c.$disconnect()));
  await db.drop();
});

describe('concurrent promotions', () => {
  test('20 concurrent promotions of different versions end with exactly one production and a consistent audit trail', async () => {
    const versions = Array.from({ length: 20 }, (_, i) => `2.${i}.0`);
    for (const v of versions) await registry.registerVersion(registration('race', v));
    // Four separate connection pools, as if four processes promoted at once.
    for (let i = 0; i < 4; i++) extraClients.push(createDbClient(db.url, { maxConnections: 3 }));
    const registries = extraClients.map((c, i) => new ModelRegistry(c, { actor: `worker${i}@test` }));
    const results = await Promise.allSettled(
      versions.map((v, i) =>
        required(registries[i % 4], 'a registry').promoteVersion('race', v, { reason: `race ${i}` }),
      ),
    );
    const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason as Error);
    expect(failures).toEqual([]);

    const production = await db.client.modelVersion.findMany({ where: { name: 'race', status: 'production' } });
    expect(production).toHaveLength(1);
    const winner = required(production[0], 'the production version');
    const archived = await db.client.modelVersion.count({ where: { name: 'race', status: 'archived' } });
    expect(archived).toBe(19);

    // The audit trail replays to the final state: each promotion archives exactly the version the
    // previous promotion made production, and the last promotion is of the production version.
    const events = await registry.getHistory('race');
    const changes = events.filter((e) => e.action !== 'registered');
    expect(changes.filter((e) => e.action === 'promoted')).toHaveLength(20);
    expect(changes.filter((e) => e.action === 'archived')).toHaveLength(19);
    let current: string | undefined;
    for (const e of changes) {
      if (e.action === 'archived') {
        expect(e.fromStatus).toBe('production');
        expect(e.version).toBe(current);
        current = undefined;
      } else {
        expect(current).toBeUndefined();
        expect(e.fromStatus).toBe('staging');
        current = e.version;
      }
    }
    expect(current).toBe(winner.version);
    expect(new Set(changes.filter((e) => e.action === 'promoted').map((e) => e.version))).toEqual(new Set(versions));
  });

  test('the database itself refuses a second production version of a name', async () => {
    await registry.registerVersion(registration('guarded', '1.0.0'));
    await registry.registerVersion(registration('guarded', '1.1.0'));
    await registry.promoteVersion('guarded', '1.0.0');
    // Bypass the registry: the partial unique index must still hold.
    await expect(
      db.client.modelVersion.update({
        where: { name_version: { name: 'guarded', version: '1.1.0' } },
        data: { status: 'production' },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(await db.client.modelVersion.count({ where: { name: 'guarded', status: 'production' } })).toBe(1);
  });

  test(`promotion and rollback send NOTIFY ${PROMOTION_CHANNEL} with the model name on commit`, async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    try {
      const received: string[] = [];
      listener.on('notification', (n) => {
        if (n.channel === PROMOTION_CHANNEL) received.push(n.payload ?? '');
      });
      await listener.query(`LISTEN ${PROMOTION_CHANNEL}`);
      await registry.registerVersion(registration('notified', '1.0.0'));
      await registry.registerVersion(registration('notified', '1.1.0'));
      await registry.promoteVersion('notified', '1.0.0');
      await registry.promoteVersion('notified', '1.1.0');
      await registry.rollback('notified');
      // A failed promotion rolls back its transaction, so it sends nothing.
      await expect(registry.promoteVersion('notified', '1.0.0')).rejects.toBeInstanceOf(RegistryError);
      await listener.query('SELECT 1'); // round trip so pending notifications are delivered
      expect(received).toEqual(['notified', 'notified', 'notified']);
    } finally {
      await listener.end();
    }
  });
});

describe('rollback', () => {
  test('after two promotions, rollback restores the previous production version from the audit trail', async () => {
    for (const v of ['1.0.0', '1.1.0', '1.2.0']) await registry.registerVersion(registration('rb', v));
    await registry.promoteVersion('rb', '1.0.0');
    await registry.promoteVersion('rb', '1.1.0');
    await registry.promoteVersion('rb', '1.2.0');
    expect(await registry.planRollback('rb')).toMatchObject({ from: { version: '1.2.0' }, to: { version: '1.1.0' } });
    const result = await registry.rollback('rb', { actor: 'carol@test', reason: 'bad calibration' });
    expect(result.promoted).toMatchObject({ version: '1.1.0', status: 'production' });
    expect(result.archived).toMatchObject({ version: '1.2.0', status: 'archived' });
    expect((await registry.getProductionVersion('rb'))?.version).toBe('1.1.0');
    const last = (await registry.getHistory('rb')).slice(-2);
    expect(last.map((e) => [e.version, e.action, e.fromStatus, e.toStatus, e.actor, e.reason])).toEqual([
      ['1.2.0', 'rolled_back', 'production', 'archived', 'carol@test', 'rolled back to 1.1.0: bad calibration'],
      ['1.1.0', 'rolled_back', 'archived', 'production', 'carol@test', 'rollback from 1.2.0: bad calibration'],
    ]);
    // The version that was production before 1.1.0 (restored) is 1.2.0: rolling back again undoes the rollback.
    const again = await registry.rollback('rb');
    expect(again.promoted.version).toBe('1.2.0');
    expect(await db.client.modelVersion.count({ where: { name: 'rb', status: 'production' } })).toBe(1);
  });

  test('rollback without a production version, or with no earlier one, is refused with what to do', async () => {
    await registry.registerVersion(registration('fresh', '1.0.0'));
    await expect(registry.rollback('fresh')).rejects.toMatchObject({
      code: 'NO_PRODUCTION',
      message: matching(/no production model for 'fresh'; promote one with: nba-models promote --name fresh/),
    });
    await registry.promoteVersion('fresh', '1.0.0');
    await expect(registry.rollback('fresh')).rejects.toMatchObject({
      code: 'NO_ROLLBACK_TARGET',
      message: matching(/'fresh' has had no production version before 1\.0\.0/),
    });
    expect((await registry.getProductionVersion('fresh'))?.version).toBe('1.0.0');
  });
});
